using AttackClassifier.Data;
using AttackClassifier.Metrics;
using AttackClassifier.Models.Lstm;

namespace AttackClassifier.Cli.Report;

/// <summary>One model of a comparison: how long it trained, how fast it predicts and how well it scored.</summary>
/// <param name="Name">The model's name: <c>lr</c>, <c>lstm</c>, <c>lstm+cyber</c>, …</param>
/// <param name="TrainSeconds">Wall-clock training time, fitting features included.</param>
/// <param name="CommandsPerSecond">Prediction throughput: command lines per second of <c>PredictBatch</c> (all cores, top 3), measured as <see cref="PredictionThroughput"/> says.</param>
/// <param name="Interpretability">The study's interpretability column, e.g. "high — n-gram evidence".</param>
/// <param name="Validation">Count-weighted metrics on the validation rows, when there are any.</param>
/// <param name="Test">Count-weighted metrics on the test rows.</param>
/// <param name="History">The LSTM's per-epoch losses; empty for LR.</param>
/// <param name="Summary">The training summary line.</param>
/// <param name="Calibration">How well its calibrated top probability tells right from wrong on the test rows.</param>
/// <param name="DistinctPredicted">How many different classes it predicted on the test rows.</param>
/// <param name="TopConfusions">Its largest (true, predicted) mistakes on the test rows, count-weighted, with examples.</param>
internal sealed record ModelResult(string Name, double TrainSeconds, double CommandsPerSecond, string Interpretability,
    ClassificationReport? Validation, ClassificationReport Test, IReadOnlyList<LstmEpochRecord> History, string Summary,
    CalibrationReport Calibration, int DistinctPredicted, IReadOnlyList<Confusion> TopConfusions);

/// <summary>A mistake a model makes: true class, predicted class, its count-weighted total and up to two example command lines.</summary>
internal sealed record Confusion(string TrueLabel, string PredictedLabel, double Weight, IReadOnlyList<string> Examples);

/// <summary>Everything a comparison report shows: the data, its split and class distribution, and each model's results.</summary>
/// <param name="DataDescription">Where the data came from (file names and how it was split), for the report's heading.</param>
/// <param name="TrainRows">Rows (unique command line, label) in the training part.</param>
/// <param name="ValidationRows">Rows in the validation part (0 without one).</param>
/// <param name="TestRows">Rows in the test part.</param>
/// <param name="Classes">Rows and observation share of each class over all three parts, largest share first.</param>
/// <param name="Models">The compared models, in the order asked.</param>
/// <param name="BaselineLabel">The majority class of the training rows (count-weighted): the baseline predicts it for every row.</param>
/// <param name="Baseline">The baseline's count-weighted test metrics.</param>
/// <param name="CostGrowth">Fit time and peak memory on growing subsamples of the training rows, when measured (<c>--cost-growth</c>).</param>
internal sealed record Comparison(string DataDescription, int TrainRows, int ValidationRows, int TestRows,
    IReadOnlyList<ClassSize> Classes, IReadOnlyList<ModelResult> Models, string BaselineLabel, ClassificationReport Baseline,
    CostGrowth? CostGrowth = null)
{
    /// <summary>A model scoring within this many accuracy points of the majority baseline is flagged as learning nothing useful.</summary>
    internal const double BaselineMarginPoints = 1.0;

    /// <summary>
    /// The majority-class baseline on <paramref name="test"/>: the count-weighted majority class of <paramref name="train"/>
    /// predicted for every test row.
    /// </summary>
    internal static (string Label, ClassificationReport Report) MajorityBaseline(CommandDataset train, CommandDataset test)
    {
        string majority = train.Records.GroupBy(r => r.Label, StringComparer.Ordinal)
            .Select(g => (Label: g.Key, Weight: g.Sum(r => r.Count))).OrderByDescending(g => g.Weight).ThenBy(g => g.Label, StringComparer.Ordinal).First().Label;
        var names = test.Records.Select(r => r.Label).Append(majority).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        int[] y = test.Records.Select(r => names.IndexOf(r.Label)).ToArray();
        int[] predicted = Enumerable.Repeat(names.IndexOf(majority), test.Count).ToArray();
        return (majority, ClassificationReport.Compute(y, predicted, test.Weights(), names));
    }

    /// <summary>The <paramref name="top"/> largest (true, predicted) mistakes, count-weighted, each with its two heaviest example rows.</summary>
    internal static IReadOnlyList<Confusion> TopConfusions(CommandDataset test, IReadOnlyList<string> predictedLabels, int top = 5) =>
        test.Records.Select((r, i) => (Record: r, Predicted: predictedLabels[i]))
            .Where(x => !string.Equals(x.Record.Label, x.Predicted, StringComparison.Ordinal))
            .GroupBy(x => (x.Record.Label, x.Predicted))
            .Select(g => new Confusion(g.Key.Label, g.Key.Predicted, g.Sum(x => x.Record.Count),
                                       g.OrderByDescending(x => x.Record.Count).Take(2).Select(x => x.Record.CommandLine).ToArray()))
            .OrderByDescending(c => c.Weight).ThenBy(c => c.TrueLabel, StringComparer.Ordinal).ThenBy(c => c.PredictedLabel, StringComparer.Ordinal)
            .Take(top).ToArray();

    /// <summary>One line: which model is best on test weighted F1, by how much over the runner-up and the baseline, on what data.</summary>
    internal string Verdict()
    {
        ModelResult[] ranked = Models.OrderByDescending(m => m.Test.WeightedAverage.F1).ToArray();
        ModelResult best = ranked[0];
        string runnerUp = ranked.Length > 1
            ? string.Create(Inv, $", {Points(best.Test.WeightedAverage.F1 - ranked[1].Test.WeightedAverage.F1)} points ahead of {ranked[1].Name}")
            : "";
        return string.Create(Inv, $"Verdict: {best.Name} is best on weighted F1 ({Percent(best.Test.WeightedAverage.F1)}, macro F1 {Percent(best.Test.MacroAverage.F1)}){runnerUp} and {Points(best.Test.Accuracy - Baseline.Accuracy)} accuracy points above the majority baseline, on {TestRows} test rows of {DataDescription}.");
    }

    /// <summary>Warnings on models that learned little: two or fewer distinct predicted classes (when the test labels hold
    /// more), or accuracy within <see cref="BaselineMarginPoints"/> of the majority baseline.</summary>
    internal IReadOnlyList<string> Warnings()
    {
        var warnings = new List<string>();
        int testClasses = Baseline.Classes.Count(c => c.Support > 0);
        foreach (ModelResult m in Models)
        {
            if (m.DistinctPredicted <= 2 && m.DistinctPredicted < testClasses)
                warnings.Add(string.Create(Inv, $"Warning: {m.Name} predicts only {m.DistinctPredicted} distinct class{(m.DistinctPredicted == 1 ? "" : "es")} on the test rows: it has collapsed onto the majority, whatever its accuracy says."));
            if (Math.Abs(m.Test.Accuracy - Baseline.Accuracy) * 100 < BaselineMarginPoints)
                warnings.Add(string.Create(Inv, $"Warning: {m.Name} scores within {BaselineMarginPoints:0} point of the majority baseline ({Percent(m.Test.Accuracy)} vs {Percent(Baseline.Accuracy)} accuracy)."));
        }
        return warnings;
    }

    private static string Points(double difference) => (100 * difference).ToString("+0.00;-0.00", Inv);

    /// <summary>The comparison table (the study's: accuracy, weighted F1, training time, interpretability, plus macro F1 and
    /// throughput) as text cells, header first, so the console, Markdown and HTML tables show the same figures.</summary>
    internal IReadOnlyList<string[]> TableCells()
    {
        var rows = new List<string[]> { new[] { "model", "accuracy", "weighted F1", "macro F1", "train s", "predict cmd/s", "interpretability" } };
        foreach (ModelResult m in Models)
            rows.Add([m.Name, Percent(m.Test.Accuracy), Percent(m.Test.WeightedAverage.F1), Percent(m.Test.MacroAverage.F1),
                      m.TrainSeconds.ToString("F2", Inv), m.CommandsPerSecond.ToString("N0", Inv), m.Interpretability]);
        rows.Add(["majority baseline", Percent(Baseline.Accuracy), Percent(Baseline.WeightedAverage.F1), Percent(Baseline.MacroAverage.F1),
                  "—", "—", $"always '{BaselineLabel}'"]);
        return rows;
    }

    internal static string Percent(double fraction) => (100 * fraction).ToString("F2", Inv) + " %";

    internal static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;
}
