using AttackClassifier.Classification;
using AttackClassifier.Data;

namespace AttackClassifier.Tests.Classification;

public class ClassWeightsTests
{
    private static readonly string[] Labels = ["a", "b", "c"];

    [Fact]
    public void Balanced_weights_are_total_over_k_times_the_count_weighted_class_total()
    {
        // Class totals (count-weighted): a = 3 + 5 = 8, b = 2, c = 0 (absent); W = 10, K = 3.
        int[] y = [0, 0, 1];
        double[] s = [3, 5, 2];
        double[] w = ClassWeights.Balanced.PerClass(y, s, Labels);
        Assert.Equal(10 / (3 * 8.0), w[0], 1e-15);
        Assert.Equal(10 / (3 * 2.0), w[1], 1e-15);
        Assert.Equal(1.0, w[2]);
        double[] weighted = ClassWeights.Balanced.Apply(y, s, Labels);
        Assert.Equal([3 * w[0], 5 * w[0], 2 * w[1]], weighted);
        Assert.Equal(weighted[0] + weighted[1], weighted[2], 1e-12);   // every present class carries the same total
    }

    [Fact]
    public void None_leaves_counts_and_explicit_weights_apply_by_name()
    {
        int[] y = [0, 1, 2];
        double[] s = [1, 2, 3];
        Assert.Equal(s, ClassWeights.None.Apply(y, s, Labels));
        Assert.Equal([2.0, 2.0, 3.0], ClassWeights.Explicit(new Dictionary<string, double> { ["a"] = 2, ["b"] = 1 }).Apply(y, s, Labels));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassWeights.Explicit(new Dictionary<string, double> { ["a"] = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassWeights.Explicit(new Dictionary<string, double> { ["a"] = double.NaN }));
    }

    [Fact]
    public void Balanced_weighting_lifts_the_recall_of_a_rare_class()
    {
        // One frequent class seen 1000 times per row and a rare one seen once, both with the token "x": balanced weighting
        // gives the rare class the same total weight, so its probability on "x" rises by an order of magnitude (0.0004 → 0.004).
        var rows = new List<CommandRecord>();
        for (int i = 0; i < 20; i++) rows.Add(new CommandRecord($"x common{i}", "frequent", 1000));
        for (int i = 0; i < 4; i++) rows.Add(new CommandRecord($"x rare{i}", "rare", 1));
        var data = new CommandDataset(rows);
        var plain = TfidfLogisticRegressionClassifier.Train(data, TfidfLogisticRegressionOptions.Study);
        var balanced = TfidfLogisticRegressionClassifier.Train(data, TfidfLogisticRegressionOptions.Study with { ClassWeights = ClassWeights.Balanced });
        double[] p = new double[2], q = new double[2];
        plain.PredictProbabilities("x", p);
        balanced.PredictProbabilities("x", q);
        int rare = Array.IndexOf(plain.Labels.ToArray(), "rare");
        Assert.True(q[rare] > 5 * p[rare], $"balanced p(rare | x) = {q[rare]}, unweighted {p[rare]}");
    }
}
