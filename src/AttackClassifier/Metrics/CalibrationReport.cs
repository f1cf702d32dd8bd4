using AttackClassifier.Calibration;

namespace AttackClassifier.Metrics;

/// <summary>One bin of a reliability diagram: rows whose top probability lies in (<paramref name="Lower"/>, <paramref name="Upper"/>]
/// (the first bin also holds 0).</summary>
/// <param name="Lower">Lower edge of the bin.</param>
/// <param name="Upper">Upper edge.</param>
/// <param name="Weight">Count-weighted rows in the bin.</param>
/// <param name="MeanConfidence">Weighted mean top probability of its rows (NaN when empty).</param>
/// <param name="Accuracy">Weighted share of its rows whose top class is right (NaN when empty).</param>
public readonly record struct ReliabilityBin(double Lower, double Upper, double Weight, double MeanConfidence, double Accuracy);

/// <summary>A point of the risk–coverage curve: answering the rows whose top probability is ≥ <paramref name="Threshold"/>.</summary>
/// <param name="Threshold">The top-probability threshold.</param>
/// <param name="Coverage">Weighted share of rows answered.</param>
/// <param name="Risk">Weighted error rate among the answered rows.</param>
public readonly record struct RiskCoveragePoint(double Threshold, double Coverage, double Risk);

/// <summary>
/// How well a classifier's top probability says when it is right, count-weighted throughout. Definitions:
/// <list type="bullet">
/// <item>ECE (Guo et al. 2017, eq. 3 with sample weights): Σ_b (W_b / W) |acc_b − conf_b| over <see cref="BinCount"/> equal-width
/// bins of the top probability; bins are right-closed as in scikit-learn's <c>calibration_curve(strategy="uniform")</c>.</item>
/// <item>Brier score (multiclass, Brier 1950): weighted mean over rows of Σₖ (pₖ − 1[k = y])², in [0, 2].</item>
/// <item>Accuracy at coverage c: rows answered from the most confident down until a weight share c is answered (the last row
/// counted in part), weighted accuracy among them.</item>
/// <item>AUROC: probability that a right row has a higher top probability than a wrong one (ties count ½), weighted
/// (Mann–Whitney U over weights); NaN when all rows are right or all wrong.</item>
/// </list>
/// A row whose true label the classifier does not know has p(y) = 0 and is wrong.
/// </summary>
public sealed class CalibrationReport
{
    /// <summary>Bins of the reliability diagram and of ECE.</summary>
    public const int BinCount = 15;

    private CalibrationReport() { }

    /// <summary>Expected calibration error over <see cref="BinCount"/> equal-width bins.</summary>
    public double ExpectedCalibrationError { get; private init; }

    /// <summary>Multiclass Brier score.</summary>
    public double BrierScore { get; private init; }

    /// <summary>Weighted accuracy of the most confident 50 % of rows.</summary>
    public double AccuracyAt50PercentCoverage { get; private init; }

    /// <summary>Weighted accuracy of the most confident 80 % of rows.</summary>
    public double AccuracyAt80PercentCoverage { get; private init; }

    /// <summary>Weighted accuracy of all rows.</summary>
    public double AccuracyAtFullCoverage { get; private init; }

    /// <summary>The abstention threshold the report was computed for.</summary>
    public double Threshold { get; private init; }

    /// <summary>Weighted share of rows answered at <see cref="Threshold"/>.</summary>
    public double CoverageAtThreshold { get; private init; }

    /// <summary>Weighted accuracy of the rows answered at <see cref="Threshold"/> (NaN when none).</summary>
    public double AccuracyAtThreshold { get; private init; }

    /// <summary>AUROC of the top probability separating right from wrong rows.</summary>
    public double Auroc { get; private init; }

    /// <summary>The reliability diagram's bins.</summary>
    public IReadOnlyList<ReliabilityBin> Bins { get; private init; } = [];

    /// <summary>The risk–coverage curve, one point per distinct top probability, from the most confident down.</summary>
    public IReadOnlyList<RiskCoveragePoint> RiskCoverage { get; private init; } = [];

    /// <summary>
    /// Computes the report from per-row values: the top probability, p of the true class (0 when unknown to the model),
    /// Σₖ pₖ², whether the top class is right, and the row's weight.
    /// </summary>
    internal static CalibrationReport Compute(ReadOnlySpan<double> confidence, ReadOnlySpan<double> trueClassProbability,
        ReadOnlySpan<double> sumOfSquares, ReadOnlySpan<bool> correct, ReadOnlySpan<double> weight, double threshold)
    {
        int n = confidence.Length;
        if (trueClassProbability.Length != n || sumOfSquares.Length != n || correct.Length != n || weight.Length != n)
            throw new ArgumentException("Every per-row span needs one entry per row.");
        double total = 0, brier = 0;
        var binWeight = new double[BinCount];
        var binConfidence = new double[BinCount];
        var binRight = new double[BinCount];
        for (int i = 0; i < n; i++)
        {
            double w = weight[i];
            total += w;
            brier += w * (sumOfSquares[i] - 2 * trueClassProbability[i] + 1);   // Σₖ (pₖ − yₖ)² = Σ pₖ² − 2 p_y + 1
            int b = Bin(confidence[i]);
            binWeight[b] += w;
            binConfidence[b] += w * confidence[i];
            if (correct[i]) binRight[b] += w;
        }
        if (!(total > 0)) throw new ArgumentException("The rows carry no weight.");
        var bins = new ReliabilityBin[BinCount];
        double ece = 0;
        for (int b = 0; b < BinCount; b++)
        {
            double wb = binWeight[b];
            bins[b] = new ReliabilityBin((double)b / BinCount, (double)(b + 1) / BinCount, wb,
                                         wb > 0 ? binConfidence[b] / wb : double.NaN, wb > 0 ? binRight[b] / wb : double.NaN);
            if (wb > 0) ece += Math.Abs(binRight[b] - binConfidence[b]) / total;   // (W_b/W)·|acc_b − conf_b|
        }

        int[] order = AbstentionThreshold.RankByConfidence(confidence);
        var curve = new List<RiskCoveragePoint>();
        double answered = 0, right = 0, atThresholdWeight = 0, atThresholdRight = 0;
        for (int r = 0; r < n;)
        {
            double c = confidence[order[r]];
            for (; r < n && confidence[order[r]] == c; r++)
            {
                answered += weight[order[r]];
                if (correct[order[r]]) right += weight[order[r]];
            }
            if (answered > 0) curve.Add(new RiskCoveragePoint(c, answered / total, 1 - right / answered));
            if (c >= threshold) (atThresholdWeight, atThresholdRight) = (answered, right);
        }
        return new CalibrationReport
        {
            ExpectedCalibrationError = ece,
            BrierScore = brier / total,
            AccuracyAt50PercentCoverage = AccuracyAtCoverage(order, correct, weight, total, 0.5),
            AccuracyAt80PercentCoverage = AccuracyAtCoverage(order, correct, weight, total, 0.8),
            AccuracyAtFullCoverage = AccuracyAtCoverage(order, correct, weight, total, 1.0),
            Threshold = threshold,
            CoverageAtThreshold = atThresholdWeight / total,
            AccuracyAtThreshold = atThresholdWeight > 0 ? atThresholdRight / atThresholdWeight : double.NaN,
            Auroc = WeightedAuroc(confidence, correct, weight),
            Bins = bins,
            RiskCoverage = curve,
        };
    }

    /// <summary>The bin of a top probability: right-closed (b/B, (b+1)/B], 0 in the first bin (numpy's searchsorted on the inner edges).</summary>
    internal static int Bin(double confidence)
    {
        int b = (int)Math.Ceiling(confidence * BinCount) - 1;
        // Exact edges: the value b/B belongs to bin b−1; guard the float product against landing one bin off.
        if (b + 1 < BinCount && confidence > (double)(b + 1) / BinCount) b++;
        if (b > 0 && confidence <= (double)b / BinCount) b--;
        return Math.Clamp(b, 0, BinCount - 1);
    }

    private static double AccuracyAtCoverage(int[] order, ReadOnlySpan<bool> correct, ReadOnlySpan<double> weight, double total, double coverage)
    {
        double budget = coverage * total, taken = 0, right = 0;
        foreach (int i in order)
        {
            if (taken >= budget) break;
            double part = Math.Min(weight[i], budget - taken);   // the last row counts in part
            taken += part;
            if (correct[i]) right += part;
        }
        return taken > 0 ? right / taken : double.NaN;
    }

    // Weighted Mann–Whitney: Σ over (right i, wrong j) of wᵢwⱼ·[cᵢ > cⱼ] + ½ wᵢwⱼ·[cᵢ = cⱼ], over (Σ right w)(Σ wrong w).
    private static double WeightedAuroc(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct, ReadOnlySpan<double> weight)
    {
        int n = confidence.Length;
        int[] order = AbstentionThreshold.RankByConfidence(confidence);
        double rightTotal = 0, wrongTotal = 0;
        for (int i = 0; i < n; i++) if (correct[i]) rightTotal += weight[i]; else wrongTotal += weight[i];
        if (!(rightTotal > 0 && wrongTotal > 0)) return double.NaN;
        double u = 0, wrongBelow = 0;   // wrong weight with confidence strictly below the current tie group
        for (int r = n - 1; r >= 0;)
        {
            // Walk from the least confident up, a tie group at a time.
            double c = confidence[order[r]], groupRight = 0, groupWrong = 0;
            for (; r >= 0 && confidence[order[r]] == c; r--)
                if (correct[order[r]]) groupRight += weight[order[r]]; else groupWrong += weight[order[r]];
            u += groupRight * wrongBelow + 0.5 * groupRight * groupWrong;
            wrongBelow += groupWrong;
        }
        return u / (rightTotal * wrongTotal);
    }
}
