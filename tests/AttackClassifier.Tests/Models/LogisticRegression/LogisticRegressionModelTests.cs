using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Tests.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Models.LogisticRegression;

public class LogisticRegressionModelTests
{
    private static LogisticRegressionModel RandomModel(Random rng, int d, int k, bool intercept = true) =>
        new(d, k, TinyProblems.Gaussian(rng, d * k + (intercept ? k : 0), 1.0));

    [Property(MaxTest = 100)]
    public Property Probabilities_are_a_distribution_and_Predict_is_their_argmax()
    {
        return Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            int d = rng.Next(1, 12), k = rng.Next(2, 7);
            var model = RandomModel(rng, d, k);
            var x = TinyProblems.SparseRows(rng, 10, d);
            double[] p = model.PredictProbabilities(x);
            int[] predicted = model.Predict(x);
            for (int n = 0; n < 10; n++)
            {
                var row = p.AsSpan(n * k, k).ToArray();
                Assert.InRange(row.Sum(), 1 - 1e-12, 1 + 1e-12);
                Assert.All(row, v => Assert.InRange(v, 0.0, 1.0));
                Assert.Equal(row.Max(), row[predicted[n]]);
                var single = new double[k];
                model.PredictProbabilities(x.RowColumns(n), x.RowValues(n), single);
                Assert.Equal(row, single);                                    // batch = row by row, bit for bit
            }
        });
    }

    [Fact]
    public void Batch_composition_and_order_do_not_change_probabilities()
    {
        var rng = new Random(3);
        var model = RandomModel(rng, 8, 4);
        var x = TinyProblems.SparseRows(rng, 12, 8);
        int[] order = [11, 3, 3, 0, 7];
        double[] all = model.PredictProbabilities(x), some = model.PredictProbabilities(x.SelectRows(order));
        for (int i = 0; i < order.Length; i++) Assert.Equal(all.AsSpan(order[i] * 4, 4).ToArray(), some.AsSpan(i * 4, 4).ToArray());
    }

    [Fact]
    public void Logits_are_x_w_plus_b()
    {
        // D = 3, K = 2: w = [[1, 2], [3, 4], [5, 6]], b = [0.5, −0.5]; x = (0: 2, 2: −1) → z = 2·(1, 2) − (5, 6) + b = (−2.5, −2.5).
        var model = new LogisticRegressionModel(3, 2, [1, 2, 3, 4, 5, 6, 0.5, -0.5]);
        var z = new double[2];
        model.PredictLogits([0, 2], [2.0, -1.0], z);
        Assert.Equal([-2.5, -2.5], z);
        Assert.Equal(0, model.Predict([0, 2], [2.0, -1.0]));   // exact tie → lowest index
        Assert.Equal(1, model.Predict([1], [2.0]));            // z = 2·(3, 4) + b = (6.5, 7.5)
        Assert.True(model.HasIntercept);
        Assert.Equal([0.5, -0.5], model.Intercepts.ToArray());
        Assert.Equal(4.0, model.Coefficients[1 * 2 + 1]);
    }

    [Fact]
    public void A_model_without_intercepts_has_zero_intercepts()
    {
        var model = new LogisticRegressionModel(2, 3, [1, 2, 3, 4, 5, 6]);
        Assert.False(model.HasIntercept);
        Assert.Equal(new double[3], model.Intercepts.ToArray());
        Assert.Equal(6, model.Parameters.Length);
        var p = new double[3];
        model.PredictProbabilities([], [], p);                  // empty row: z = 0 → uniform
        Assert.All(p, v => Assert.Equal(1.0 / 3, v, 15));
    }

    [Fact]
    public void Rebuilding_from_raw_parameters_gives_identical_predictions()
    {
        var rng = new Random(8);
        var model = RandomModel(rng, 6, 3);
        var rebuilt = new LogisticRegressionModel(model.FeatureCount, model.ClassCount, model.Parameters);
        var x = TinyProblems.SparseRows(rng, 9, 6);
        Assert.Equal(model.PredictProbabilities(x), rebuilt.PredictProbabilities(x));
        Assert.Null(rebuilt.Diagnostics);
    }

    [Fact]
    public void Model_does_not_alias_the_caller_theta()
    {
        double[] theta = [1, 2, 3, 4, 0, 0];
        var model = new LogisticRegressionModel(2, 2, theta);
        theta[0] = 100;
        Assert.Equal(1.0, model.Coefficients[0]);
    }

    [Fact]
    public void Explain_ranks_coefficient_times_value_and_adds_up_to_the_logit()
    {
        var rng = new Random(21);
        var model = RandomModel(rng, 10, 4);
        int[] cols = [0, 2, 3, 7, 9];
        double[] vals = [0.3, 0.5, 0.1, 0.7, 0.4];
        var z = new double[4];
        model.PredictLogits(cols, vals, z);
        for (int k = 0; k < 4; k++)
        {
            var all = model.Explain(cols, vals, k, top: 100);
            Assert.Equal(5, all.Count);
            Assert.Equal(z[k], all.Sum(c => c.Contribution) + model.Intercepts[k], 12);
            for (int i = 1; i < all.Count; i++) Assert.True(all[i - 1].Contribution >= all[i].Contribution);
            foreach (var c in all) Assert.Equal(model.Coefficients[c.FeatureIndex * 4 + k] * vals[Array.IndexOf(cols, c.FeatureIndex)], c.Contribution);
            var top2 = model.Explain(cols, vals, k, top: 2);
            Assert.Equal(all.Take(2), top2);
        }
        Assert.Empty(model.Explain(cols, vals, 0, top: 0));
    }

    [Fact]
    public void Rejects_bad_input_with_specific_messages()
    {
        var model = new LogisticRegressionModel(3, 2, new double[8]);
        var p = new double[2];
        Assert.Throws<ArgumentOutOfRangeException>(() => model.PredictProbabilities([3], [1.0], p));
        Assert.Throws<ArgumentException>(() => model.PredictProbabilities([0, 1], [1.0], p));
        Assert.Throws<ArgumentException>(() => model.PredictProbabilities([0], [1.0], new double[3]));
        Assert.Contains("4 columns", Assert.Throws<ArgumentException>(() => model.Predict(TinyProblems.SparseRows(new Random(1), 2, 4))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Explain([0], [1.0], 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Explain([0], [1.0], 0, -1));
        Assert.Throws<ArgumentException>(() => new LogisticRegressionModel(3, 2, new double[7]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegressionModel(3, 1, new double[3]));
        Assert.Throws<ArgumentException>(() => new LogisticRegressionModel(1, 2, [double.NaN, 0]));
    }

    [Fact]
    public void Sizes_whose_product_overflows_are_rejected_not_wrapped()
    {
        // 65536 · 65536 wraps to 0 in int arithmetic; a model file claiming these sizes must not load.
        var e = Assert.Throws<ArgumentException>(() => new LogisticRegressionModel(65536, 65536, new double[65536]));
        Assert.Contains("more than an array can hold", e.Message);
    }
}
