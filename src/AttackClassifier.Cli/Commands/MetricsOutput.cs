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

    /// <summary><c>"calibration"</c>: ECE (15 bins), Brier score, accuracy at 50/80/100 % coverage, coverage and accuracy at the
    /// threshold, AUROC of the top probability separating right from wrong, all count-weighted.</summary>
    internal static void WriteCalibration(Utf8JsonWriter w, CalibrationReport c, double temperature)
    {
        w.WriteStartObject("calibration");
        w.WriteNumber("temperature", temperature);
        Number(w, "expected_calibration_error", c.ExpectedCalibrationError);
        Number(w, "brier_score", c.BrierScore);
        w.WriteStartObject("accuracy_at_coverage");
        Number(w, "0.5", c.AccuracyAt50PercentCoverage);
        Number(w, "0.8", c.AccuracyAt80PercentCoverage);
        Number(w, "1.0", c.AccuracyAtFullCoverage);
        w.WriteEndObject();
        Number(w, "threshold", c.Threshold);
        Number(w, "coverage_at_threshold", c.CoverageAtThreshold);
        Number(w, "accuracy_at_threshold", c.AccuracyAtThreshold);
        Number(w, "auroc", c.Auroc);
        w.WriteEndObject();
    }

    /// <summary>A number, or null when it is undefined (NaN: e.g. AUROC with no wrong rows), since JSON has no NaN.</summary>
    internal static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value); else w.WriteNull(name);
    }

    internal static void WriteCalibrationText(TextWriter output, CalibrationReport c, double temperature)
    {
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(ci, $"calibration (T = {temperature:G4}): ECE {c.ExpectedCalibrationError:F4}, Brier {c.BrierScore:F4}, AUROC {c.Auroc:F3}; accuracy at 50 % coverage {c.AccuracyAt50PercentCoverage:P2}, at 80 % {c.AccuracyAt80PercentCoverage:P2}; threshold {c.Threshold:F3} answers {c.CoverageAtThreshold:P1} of rows at accuracy {c.AccuracyAtThreshold:P2}"));
    }

    internal static void WriteText(TextWriter output, string name, ClassificationReport report, int rows)
    {
        output.WriteLine($"{name}: {rows} rows, weighted accuracy {report.Accuracy:P2}, weighted F1 {report.WeightedAverage.F1:P2}, macro F1 {report.MacroAverage.F1:P2}");
    }
}
