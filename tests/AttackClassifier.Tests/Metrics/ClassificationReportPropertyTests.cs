using AttackClassifier.Metrics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Metrics;

public class ClassificationReportPropertyTests
{
    private const double Tolerance = 1e-12;

    /// <summary>K ∈ [1, 6] class names, N ∈ [1, 60] (y, ŷ) pairs in [0, K), and a positive integer weight (1..5) per row.</summary>
    internal sealed record Predictions(string[] ClassNames, int[] Y, int[] YHat, int[] Counts);

    private static readonly Gen<Predictions> PredictionsGen =
        from k in Gen.Choose(1, 6)
        from n in Gen.Choose(1, 60)
        from y in Gen.ArrayOf(Gen.Choose(0, k - 1), n)
        from yHat in Gen.ArrayOf(Gen.Choose(0, k - 1), n)
        from counts in Gen.ArrayOf(Gen.Choose(1, 5), n)
        select new Predictions(Enumerable.Range(0, k).Select(i => $"T{1000 + i}").ToArray(), y, yHat, counts);

    private static ClassificationReport Weighted(Predictions p, Func<int, double> weight)
        => ClassificationReport.Compute(p.Y, p.YHat, p.Counts.Select((_, i) => weight(i)).ToArray(), p.ClassNames);

    private static void AssertSameMetrics(ClassificationReport expected, ClassificationReport actual, double supportScale = 1)
    {
        Assert.Equal(expected.Accuracy, actual.Accuracy, Tolerance);
        var rows = expected.Classes.Concat([expected.MacroAverage, expected.WeightedAverage, expected.MicroAverage]).ToArray();
        var other = actual.Classes.Concat([actual.MacroAverage, actual.WeightedAverage, actual.MicroAverage]).ToArray();
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i].Label, other[i].Label);
            Assert.Equal(rows[i].Precision, other[i].Precision, Tolerance);
            Assert.Equal(rows[i].Recall, other[i].Recall, Tolerance);
            Assert.Equal(rows[i].F1, other[i].F1, Tolerance);
            Assert.Equal(rows[i].Support * supportScale, other[i].Support, Tolerance * Math.Max(1, Math.Abs(other[i].Support)));
        }
        for (int i = 0; i < expected.ConfusionMatrix.Length; i++)
            Assert.Equal(expected.ConfusionMatrix[i] * supportScale, actual.ConfusionMatrix[i], Tolerance * Math.Max(1, Math.Abs(actual.ConfusionMatrix[i])));
    }

    [Property(MaxTest = 200)]
    public Property Integer_weights_equal_repeated_rows()
        => Prop.ForAll(PredictionsGen.ToArbitrary(), p =>
        {
            int[] repeatedY = p.Y.SelectMany((v, i) => Enumerable.Repeat(v, p.Counts[i])).ToArray();
            int[] repeatedYHat = p.YHat.SelectMany((v, i) => Enumerable.Repeat(v, p.Counts[i])).ToArray();
            var repeated = ClassificationReport.Compute(repeatedY, repeatedYHat, p.ClassNames);
            AssertSameMetrics(repeated, Weighted(p, i => p.Counts[i]));
        });

    [Property(MaxTest = 200)]
    public Property Permuting_rows_changes_nothing()
        => Prop.ForAll(PredictionsGen.SelectMany(p => Gen.Shuffle(Enumerable.Range(0, p.Y.Length)), (p, order) => (p, order)).ToArbitrary(), t =>
        {
            var (p, order) = t;
            var permuted = new Predictions(p.ClassNames, order.Select(i => p.Y[i]).ToArray(), order.Select(i => p.YHat[i]).ToArray(),
                                           order.Select(i => p.Counts[i]).ToArray());
            AssertSameMetrics(Weighted(p, i => p.Counts[i] * 0.37), Weighted(permuted, i => permuted.Counts[i] * 0.37));
            Assert.Equal(Weighted(p, i => p.Counts[i]).ToText(4), Weighted(permuted, i => permuted.Counts[i]).ToText(4));
        });

    [Property(MaxTest = 200)]
    public Property Scaling_all_weights_changes_only_the_supports()
        => Prop.ForAll(PredictionsGen.ToArbitrary(), Gen.Elements(1e-3, 0.5, 3.0, 7.25, 1000.0).ToArbitrary(), (p, c) =>
            AssertSameMetrics(Weighted(p, i => p.Counts[i]), Weighted(p, i => c * p.Counts[i]), supportScale: c));

    [Property(MaxTest = 200)]
    public Property Scores_lie_in_the_unit_interval_even_with_zero_and_fractional_weights()
        => Prop.ForAll(PredictionsGen.ToArbitrary(), p =>
        {
            // weight 0 for rows whose count is 1 (keeping one row positive), fractional otherwise
            var report = Weighted(p, i => i == 0 || p.Counts[i] > 1 ? p.Counts[i] / 3.0 : 0.0);
            Assert.InRange(report.Accuracy, 0, 1);
            foreach (MetricsRow row in report.Classes.Append(report.MacroAverage).Append(report.WeightedAverage).Append(report.MicroAverage))
            {
                Assert.InRange(row.Precision, 0, 1);
                Assert.InRange(row.Recall, 0, 1);
                Assert.InRange(row.F1, 0, 1);
            }
            // A harmonic mean lies between its terms (per class and micro; macro F1 is a mean of F1s, not F1 of means).
            foreach (MetricsRow row in report.Classes.Append(report.MicroAverage))
                Assert.InRange(row.F1, Math.Min(row.Precision, row.Recall) - Tolerance, Math.Max(row.Precision, row.Recall) + Tolerance);
            Assert.Equal(report.Accuracy, report.MicroAverage.F1, Tolerance);   // single-label: micro = accuracy
        });

    [Property(MaxTest = 200)]
    public Property Perfect_predictions_score_one()
        => Prop.ForAll(PredictionsGen.ToArbitrary(), p =>
        {
            var report = Weighted(p, i => p.Counts[i]);
            var perfect = ClassificationReport.Compute(p.Y, p.Y, p.Counts.Select(c => (double)c).ToArray(), p.ClassNames);
            Assert.Equal(1.0, perfect.Accuracy);
            foreach (int k in p.Y.Distinct())
                Assert.Equal(new MetricsRow(p.ClassNames[k], 1, 1, 1, report.Classes[k].Support), perfect.Classes[k]);
            foreach (MetricsRow average in new[] { perfect.MacroAverage, perfect.WeightedAverage, perfect.MicroAverage })
            {
                Assert.Equal(1.0, average.Precision, Tolerance);
                Assert.Equal(1.0, average.Recall, Tolerance);
                Assert.Equal(1.0, average.F1, Tolerance);
            }
        });
}
