using AttackClassifier.Attack;
using AttackClassifier.Calibration;
using AttackClassifier.Classification;
using AttackClassifier.Metrics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Calibration;

public class TemperatureScalingTests
{
    // Labels drawn from softmax(z / T*) while the "model" reports softmax(z): the fitted T must recover T*.
    [Theory]
    [InlineData(2.5)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Fit_recovers_a_known_temperature_on_synthetic_data(double trueTemperature)
    {
        var rng = new Random(20261204);
        const int n = 20000, k = 5;
        var logP = new double[n * k];
        var y = new int[n];
        var s = new double[n];
        var z = new double[k];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < k; c++) z[c] = 2.0 * Gaussian(rng);
            double[] p = Softmax(z, 1.0), q = Softmax(z, trueTemperature);
            for (int c = 0; c < k; c++) logP[i * k + c] = Math.Log(p[c]);
            double u = rng.NextDouble(), cumulative = 0;
            y[i] = k - 1;
            for (int c = 0; c < k; c++) if ((cumulative += q[c]) >= u) { y[i] = c; break; }
            s[i] = 1 + rng.Next(3);   // count weights
        }
        double fitted = TemperatureScaling.Fit(logP, k, y, s);
        Assert.InRange(fitted, trueTemperature * 0.94, trueTemperature * 1.06);
        // And it is the minimiser of the weighted NLL (convex in β = 1/T).
        double at = TemperatureScaling.NegativeLogLikelihood(logP, k, y, s, 1 / fitted);
        Assert.True(at <= TemperatureScaling.NegativeLogLikelihood(logP, k, y, s, 1.02 / fitted));
        Assert.True(at <= TemperatureScaling.NegativeLogLikelihood(logP, k, y, s, 0.98 / fitted));
    }

    [Fact]
    public void Fit_with_no_weight_is_the_identity() => Assert.Equal(1.0, TemperatureScaling.Fit([Math.Log(0.5), Math.Log(0.5)], 2, [0], [0.0]));

    [Property(MaxTest = 200)]
    public Property Apply_keeps_a_distribution_and_the_class_order(PositiveInt seed, NormalFloat temperature)
    {
        double t = 0.05 + Math.Abs(temperature.Get) % 20;
        var rng = new Random(seed.Get);
        double[] p = Softmax(Enumerable.Range(0, 7).Select(_ => 5 * Gaussian(rng)).ToArray(), 1);
        double[] q = (double[])p.Clone();
        TemperatureScaling.Apply(q, t);
        return (Math.Abs(q.Sum() - 1) < 1e-12
                && Enumerable.Range(0, 7).All(a => Enumerable.Range(0, 7).All(b => p[a] <= p[b] || q[a] >= q[b] - 1e-15))
                && q.All(v => v >= 0 && v <= 1)).ToProperty();
    }

    [Fact]
    public void Apply_equals_softmax_of_divided_logits()
    {
        double[] z = [3, -1, 0.5, 2];
        double[] p = Softmax(z, 1);
        TemperatureScaling.Apply(p, 2.0);
        double[] expected = Softmax(z, 2.0);
        for (int c = 0; c < z.Length; c++) Assert.Equal(expected[c], p[c], 1e-14);
    }

    internal static double[] Softmax(double[] z, double t)
    {
        double m = z.Max();
        double[] e = z.Select(v => Math.Exp((v - m) / t)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    internal static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}

public class CalibrationReportTests
{
    private static CalibrationReport Report(double[] confidence, bool[] correct, double[] weight, double threshold = 0)
        => CalibrationReport.Compute(confidence, correct.Select((c, i) => c ? confidence[i] : 0.0).ToArray(),
                                     confidence.Select(c => c * c).ToArray(), correct, weight, threshold);

    [Fact]
    public void Ece_accuracy_at_coverage_and_threshold_on_a_hand_computed_case()
    {
        // Rows: (confidence, right?, weight). Bins of width 1/15: 0.95 → bin 14, 0.9 → 14 ((13/15, 14/15] holds 0.9? 13/15 = 0.8667, 14/15 = 0.9333: bin 13),
        // 0.6 → (8/15, 9/15] = (0.5333, 0.6]: bin 8; 0.3 → (4/15, 5/15] = (0.2667, 0.3333]: bin 4.
        double[] c = [0.95, 0.9, 0.6, 0.3];
        bool[] right = [true, false, true, false];
        double[] w = [2, 1, 1, 4];
        CalibrationReport r = Report(c, right, w, threshold: 0.6);
        // |acc − conf| per bin × W_b / W: bin14 |1 − 0.95|·2, bin13 |0 − 0.9|·1, bin8 |1 − 0.6|·1, bin4 |0 − 0.3|·4, over W = 8.
        Assert.Equal((0.05 * 2 + 0.9 + 0.4 + 0.3 * 4) / 8, r.ExpectedCalibrationError, 1e-12);
        Assert.Equal(2.0, r.Bins[14].Weight);
        Assert.Equal(1.0, r.Bins[13].Weight);
        Assert.Equal(1.0, r.Bins[8].Weight);
        Assert.Equal(4.0, r.Bins[4].Weight);
        // 50 % coverage = the 4 most confident weight units: rows 0 (2, right), 1 (1, wrong), 2 (1, right) → 3/4.
        Assert.Equal(0.75, r.AccuracyAt50PercentCoverage, 1e-12);
        // 80 % = 6.4 units: add 2.4 of row 3 (wrong) → 3/6.4.
        Assert.Equal(3 / 6.4, r.AccuracyAt80PercentCoverage, 1e-12);
        Assert.Equal(3 / 8.0, r.AccuracyAtFullCoverage, 1e-12);
        Assert.Equal(0.5, r.CoverageAtThreshold, 1e-12);     // rows with p ≥ 0.6: weight 4 of 8
        Assert.Equal(0.75, r.AccuracyAtThreshold, 1e-12);
        // AUROC: right weights {0.95: 2, 0.6: 1}, wrong {0.9: 1, 0.3: 4}: pairs ranked right = 2·1 + 2·4 + 1·4 = 14 of 3·5 = 15.
        Assert.Equal(14 / 15.0, r.Auroc, 1e-12);
        Assert.Equal([0.95, 0.9, 0.6, 0.3], r.RiskCoverage.Select(p => p.Threshold));
        Assert.Equal([0.25, 0.375, 0.5, 1.0], r.RiskCoverage.Select(p => p.Coverage));
        double[] risk = r.RiskCoverage.Select(p => p.Risk).ToArray();
        Assert.Equal(0.0, risk[0], 1e-12);
        Assert.Equal(1 / 3.0, risk[1], 1e-12);
        Assert.Equal(0.25, risk[2], 1e-12);
        Assert.Equal(5 / 8.0, risk[3], 1e-12);
    }

    [Fact]
    public void Brier_score_is_the_weighted_mean_squared_distance_to_the_one_hot_label()
    {
        // Row 1: p = (0.7, 0.2, 0.1), y = 0 → 0.09 + 0.04 + 0.01 = 0.14; row 2: p = (0.5, 0.5, 0), y = 2 → 0.25 + 0.25 + 1 = 1.5.
        CalibrationReport r = CalibrationReport.Compute([0.7, 0.5], [0.7, 0.0], [0.49 + 0.04 + 0.01, 0.5], [true, false], [3, 1], 0);
        Assert.Equal((3 * 0.14 + 1.5) / 4, r.BrierScore, 1e-12);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1e-9, 0)]
    [InlineData(1.0 / 15, 0)]      // right-closed bins: an edge belongs to the bin below (numpy searchsorted, side left)
    [InlineData(2.0 / 15, 1)]
    [InlineData(0.5, 7)]
    [InlineData(14.0 / 15, 13)]
    [InlineData(0.9999, 14)]
    [InlineData(1.0, 14)]
    public void Bins_follow_scikit_learns_calibration_curve_edges(double confidence, int bin) => Assert.Equal(bin, CalibrationReport.Bin(confidence));

    [Property(MaxTest = 200)]
    public Property Bin_equals_searchsorted_on_the_inner_edges(PositiveInt seed)
    {
        var rng = new Random(seed.Get);
        double c = rng.Next(4) == 0 ? rng.Next(16) / 15.0 : rng.NextDouble();
        double[] inner = Enumerable.Range(1, 14).Select(i => i / 15.0).ToArray();   // np.linspace(0, 1, 16)[1:-1]
        int expected = inner.Count(e => e < c);                                      // searchsorted(inner, c, side="left")
        return (CalibrationReport.Bin(c) == expected).ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property Auroc_equals_the_quadratic_definition(PositiveInt seed)
    {
        var rng = new Random(seed.Get);
        int n = 2 + rng.Next(40);
        double[] c = Enumerable.Range(0, n).Select(_ => rng.Next(6) / 5.0).ToArray();   // many ties
        bool[] right = Enumerable.Range(0, n).Select(_ => rng.Next(2) == 0).ToArray();
        double[] w = Enumerable.Range(0, n).Select(_ => (double)(1 + rng.Next(4))).ToArray();
        double num = 0, den = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (right[i] && !right[j])
                {
                    den += w[i] * w[j];
                    num += w[i] * w[j] * (c[i] > c[j] ? 1 : c[i] == c[j] ? 0.5 : 0);
                }
        double auroc = Report(c, right, w).Auroc;
        return (den == 0 ? double.IsNaN(auroc) : Math.Abs(auroc - num / den) < 1e-12).ToProperty();
    }

    [Fact]
    public void Threshold_is_the_lowest_confidence_whose_answered_rows_reach_the_target_precision()
    {
        // Descending: 0.9 right (w 4), 0.8 right (1), 0.7 wrong (1) → 5/6 = 0.833, 0.5 wrong (1) → 5/7 = 0.714, 0.4 right (3) → 8/10 = 0.8.
        Assert.Equal(0.4, AbstentionThreshold.Choose([0.9, 0.8, 0.7, 0.5, 0.4], [true, true, false, false, true], [4, 1, 1, 1, 3]));
        // Never reaching 0.8: the threshold of best precision (0 at 0.9, 0.5 at 0.5).
        Assert.Equal(0.5, AbstentionThreshold.Choose([0.9, 0.5], [false, true], [1, 1]));
        // Best precision reached twice (0.5 at 0.6 and at 0.2): the lowest such threshold answers more.
        Assert.Equal(0.2, AbstentionThreshold.Choose([0.9, 0.6, 0.4, 0.2], [false, true, false, true], [1, 1, 1, 1]));
        // Tied confidences are answered together.
        Assert.Equal(0.7, AbstentionThreshold.Choose([0.7, 0.7, 0.2], [true, false, false], [9, 1, 50]));
    }
}

public class TacticViewTests
{
    private static readonly string[] Labels =
    [
        "Normal", "T1003: OS Credential Dumping", "T1078: Valid Accounts", "T1082: System Information Discovery",
        "T1098: Account Manipulation", "Z999: Other Low-Frequency Techniques", "T1053.003: Cron", "T1105: Ingress Tool Transfer",
    ];

    // Every class's probability is counted under each of its tactics, and no tactic probability exceeds 1.
    [Property(MaxTest = 300)]
    public Property Tactic_probabilities_sum_each_class_under_each_of_its_tactics(PositiveInt seed)
    {
        var rng = new Random(seed.Get);
        double[] p = TemperatureScalingTests.Softmax(Labels.Select(_ => 4 * TemperatureScalingTests.Gaussian(rng)).ToArray(), 1);
        var taxonomy = ClassTaxonomy.For(Labels, AttackCatalog.Default);
        var tactic = new double[AttackCatalog.Default.Tactics.Count];
        taxonomy.TacticProbabilities(p, tactic);
        bool ok = true;
        for (int t = 0; t < tactic.Length; t++)
        {
            string id = AttackCatalog.Default.Tactics[t].Id;
            double expected = Labels.Select((l, k) => AttackCatalog.Default.Resolve(l).Tactics.Any(x => x.Id == id) ? p[k] : 0).Sum();
            ok &= Math.Abs(tactic[t] - Math.Min(expected, 1)) < 1e-12 && tactic[t] <= 1 && tactic[t] >= 0;
        }
        Prediction prediction = ClassifierExtensions.Decide(taxonomy, p, 3, 0);
        ok &= prediction.TopTactics.Count <= 3 && prediction.TopTactics.Zip(prediction.TopTactics.Skip(1)).All(x => x.First.Probability >= x.Second.Probability);
        return ok.ToProperty();
    }

    [Fact]
    public void Below_the_threshold_the_kind_is_unknown_and_the_top_classes_stay()
    {
        var taxonomy = ClassTaxonomy.For(Labels, AttackCatalog.Default);
        double[] p = [0.05, 0.4, 0.05, 0.3, 0.05, 0.05, 0.05, 0.05];
        Prediction sure = ClassifierExtensions.Decide(taxonomy, p, 2, 0.3);
        Assert.Equal(LabelKind.Technique, sure.Kind);
        Assert.Equal("T1003", sure.TechniqueId);
        Assert.Equal("OS Credential Dumping", sure.TechniqueName);
        Assert.Equal(["Credential Access"], sure.Tactics.Select(t => t.Name));
        Prediction unsure = ClassifierExtensions.Decide(taxonomy, p, 2, 0.5);
        Assert.Equal(LabelKind.Unknown, unsure.Kind);
        Assert.Null(unsure.Technique);
        Assert.Equal("T1003: OS Credential Dumping", unsure.Label);
        Assert.Equal(["T1003", "T1082"], unsure.Top.Select(t => t.TechniqueId));
        // T1078 (Valid Accounts) serves four tactics: its 0.05 counts under each.
        Assert.Equal("Credential Access", unsure.TopTactics[0].Tactic.Name);
        Assert.Equal(0.4, unsure.TopTactics[0].Probability, 1e-12);
        Assert.Equal("Discovery", unsure.TopTactics[1].Tactic.Name);
        Assert.Equal(0.3, unsure.TopTactics[1].Probability, 1e-12);
        // Persistence: Valid Accounts 0.05 + Account Manipulation 0.05 + Cron 0.05; Privilege Escalation ties at 0.15 and comes later in the kill chain.
        Assert.Equal("Persistence", unsure.TopTactics[2].Tactic.Name);
        Assert.Equal(0.15, unsure.TopTactics[2].Probability, 1e-12);
    }
}
