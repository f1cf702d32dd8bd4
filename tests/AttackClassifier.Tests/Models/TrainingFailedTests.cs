using AttackClassifier.Kernels;
using AttackClassifier.Models;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Models.Lstm;
using AttackClassifier.Tests.Models.Lstm;
using AttackClassifier.Tests.Testing;

namespace AttackClassifier.Tests.Models;

/// <summary>Training never returns a model it did not fit: non-finite objectives and losses end in <see cref="TrainingFailedException"/>.</summary>
public class TrainingFailedTests
{
    [Fact]
    public void Logistic_regression_whose_objective_overflows_throws_with_the_reason()
    {
        var rng = new Random(3);
        CsrMatrix x = TinyProblems.SparseRows(rng, n: 20, d: 6);
        int[] y = TinyProblems.Labels(rng, 20, 3);
        double[] s = Enumerable.Repeat(1e307, 20).ToArray();   // Σ sₙ = 2e308 > double.MaxValue: f(θ₀) = ∞
        var e = Assert.Throws<TrainingFailedException>(() => new LogisticRegressionTrainer().Fit(x, y, 3, s));
        Assert.Contains("non-finite", e.Reason);
        Assert.Contains("iterations", e.Reason);
    }

    [Fact]
    public void Logistic_regression_at_the_largest_C_with_huge_weights_throws_instead_of_returning_the_start_point()
    {
        var rng = new Random(4);
        CsrMatrix x = TinyProblems.SparseRows(rng, n: 12, d: 5);
        int[] y = TinyProblems.Labels(rng, 12, 2);
        double[] s = Enumerable.Repeat(1e300, 12).ToArray();   // finite sum, but C·Σ sₙ·CEₙ = 1e12·1.2e301·ln 2 overflows
        var options = new LogisticRegressionOptions { InverseRegularization = LogisticRegressionOptions.MaxInverseRegularization };
        Assert.Throws<TrainingFailedException>(() => new LogisticRegressionTrainer(options).Fit(x, y, 2, s));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(1e12 * 1.0000001)]
    [InlineData(1e308)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void C_outside_its_documented_range_is_rejected_up_front(double c)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegressionTrainer(new LogisticRegressionOptions { InverseRegularization = c }));
        Assert.Contains("(0, 1e12]", e.Message);
    }

    [Fact]
    public void Lstm_whose_loss_overflows_throws_naming_the_epoch()
    {
        // Adam's steps are ~learning rate in size whatever the gradient's scale, so huge weights alone do not overflow;
        // a learning rate of 1e38 takes θ beyond float range within the first epoch.
        TokenSequences data = LstmTrainerTests.MarkerTask(5, rows: 24);
        var options = new LstmOptions { EmbeddingSize = 4, HiddenSize = 4, BatchSize = 8, MaxEpochs = 2, LearningRate = 1e38 };
        var e = Assert.Throws<TrainingFailedException>(() => new LstmTrainer(options).Fit(data, 12, 3));
        Assert.StartsWith("epoch 1:", e.Reason);
    }

    [Fact]
    public void Lstm_rejects_double_weights_beyond_float_range_by_row()
    {
        TokenSequences data = LstmTrainerTests.MarkerTask(6, rows: 4);
        double[] w = [1, 2, 1e39, 1];
        var e = Assert.Throws<ArgumentException>(() => new TokenSequences(data.TokenIds.ToArray(), data.SequenceLength, data.Labels.ToArray(), w));
        Assert.Contains("Sample weight 2", e.Message);
        Assert.Contains("float range", e.Message);
    }
}
