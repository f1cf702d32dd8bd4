using AttackClassifier.Data;
using AttackClassifier.Metrics;
using AttackClassifier.Models.Lstm;

namespace AttackClassifier.Cli.Report;

/// <summary>One model of a comparison: how long it trained, how fast it predicts and how well it scored.</summary>
/// <param name="Name">The model's name: <c>lr</c>, <c>lstm</c>, <c>lstm+cyber</c>, …</param>
/// <param name="TrainSeconds">Wall-clock training time, fitting features included.</param>
/// <param name="CommandsPerSecond">Prediction throughput: command lines per second of <c>PredictBatch</c> (all cores, top 3) over the test rows.</param>
/// <param name="Interpretability">The study's interpretability column, e.g. "high — n-gram evidence".</param>
/// <param name="Validation">Count-weighted metrics on the validation rows, when there are any.</param>
/// <param name="Test">Count-weighted metrics on the test rows.</param>
/// <param name="History">The LSTM's per-epoch losses; empty for LR.</param>
/// <param name="Summary">The training summary line.</param>
internal sealed record ModelResult(string Name, double TrainSeconds, double CommandsPerSecond, string Interpretability,
    ClassificationReport? Validation, ClassificationReport Test, IReadOnlyList<LstmEpochRecord> History, string Summary);

/// <summary>Everything a comparison report shows: the data, its split and class distribution, and each model's results.</summary>
/// <param name="DataDescription">Where the data came from (file names and how it was split), for the report's heading.</param>
/// <param name="TrainRows">Rows (unique command line, label) in the training part.</param>
/// <param name="ValidationRows">Rows in the validation part (0 without one).</param>
/// <param name="TestRows">Rows in the test part.</param>
/// <param name="Classes">Rows and observation share of each class over all three parts, largest share first.</param>
/// <param name="Models">The compared models, in the order asked.</param>
internal sealed record Comparison(string DataDescription, int TrainRows, int ValidationRows, int TestRows,
    IReadOnlyList<ClassSize> Classes, IReadOnlyList<ModelResult> Models)
{
    /// <summary>The comparison table (the study's: accuracy, weighted F1, training time, interpretability, plus macro F1 and
    /// throughput) as text cells, header first, so the console, Markdown and HTML tables show the same figures.</summary>
    internal IReadOnlyList<string[]> TableCells()
    {
        var rows = new List<string[]> { new[] { "model", "accuracy", "weighted F1", "macro F1", "train s", "predict cmd/s", "interpretability" } };
        foreach (ModelResult m in Models)
            rows.Add([m.Name, Percent(m.Test.Accuracy), Percent(m.Test.WeightedAverage.F1), Percent(m.Test.MacroAverage.F1),
                      m.TrainSeconds.ToString("F2", Inv), m.CommandsPerSecond.ToString("N0", Inv), m.Interpretability]);
        return rows;
    }

    /// <summary>Indices of the classes that occur in y or ŷ of <paramref name="report"/> (the rows its averages cover).</summary>
    internal static int[] PresentClasses(ClassificationReport report)
    {
        int k = report.ClassCount;
        ReadOnlySpan<double> c = report.ConfusionMatrix;   // (K, K): rows = true, columns = predicted
        var present = new List<int>();
        for (int i = 0; i < k; i++)
        {
            bool any = false;
            for (int j = 0; j < k && !any; j++) any = c[i * k + j] > 0 || c[j * k + i] > 0;
            if (any || report.Classes[i].Support > 0) present.Add(i);
        }
        return present.ToArray();
    }

    internal static string Percent(double fraction) => (100 * fraction).ToString("F2", Inv) + " %";

    internal static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;
}
