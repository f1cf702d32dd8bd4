using System.Text.Json;
using AttackClassifier.Metrics;

namespace AttackClassifier.Cli.Commands;

/// <summary>The metric keys every command reports (train, evaluate), written once.</summary>
internal static class MetricsOutput
{
    /// <summary><c>{"rows", "weighted_accuracy", "weighted_f1", "macro_f1"}</c>, plus per-class rows and the confusion matrix when asked.</summary>
    internal static void Write(Utf8JsonWriter w, string name, ClassificationReport report, int rows, bool details)
    {
        w.WriteStartObject(name);
        w.WriteNumber("rows", rows);
        w.WriteNumber("weighted_accuracy", report.Accuracy);
        w.WriteNumber("weighted_f1", report.WeightedAverage.F1);
        w.WriteNumber("macro_f1", report.MacroAverage.F1);
        if (details)
        {
            w.WriteStartArray("per_class");
            foreach (MetricsRow row in report.Classes)
            {
                w.WriteStartObject();
                w.WriteString("label", row.Label);
                w.WriteNumber("precision", row.Precision);
                w.WriteNumber("recall", row.Recall);
                w.WriteNumber("f1", row.F1);
                w.WriteNumber("support", row.Support);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("labels");
            foreach (MetricsRow row in report.Classes) w.WriteStringValue(row.Label);
            w.WriteEndArray();
            w.WriteStartArray("confusion_matrix");   // rows = true class, columns = predicted, in "labels" order; count-weighted
            for (int t = 0; t < report.ClassCount; t++)
            {
                w.WriteStartArray();
                for (int p = 0; p < report.ClassCount; p++) w.WriteNumberValue(report.Confusion(t, p));
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    internal static void WriteText(TextWriter output, string name, ClassificationReport report, int rows)
    {
        output.WriteLine($"{name}: {rows} rows, weighted accuracy {report.Accuracy:P2}, weighted F1 {report.WeightedAverage.F1:P2}, macro F1 {report.MacroAverage.F1:P2}");
    }
}
