using System.Globalization;
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Metrics;

namespace AttackClassifier.Cli.Commands;

/// <summary><c>evaluate --model CHILD --baseline PARENT</c>: both models scored on the same rows, side by side, with the
/// classes whose F1 changed (e.g. after <c>train --warm-start</c>).</summary>
internal static class BaselineComparison
{
    internal static void Write(TextWriter output, bool json, string modelPath, string baselinePath, IAttackClassifier model, IAttackClassifier baseline, CommandDataset data)
    {
        (ClassificationReport Report, double Top3) Score(IAttackClassifier c) => (c.Evaluate(data), c.TopKAccuracy(data, 3));
        var (m, mTop3) = Score(model);
        var (b, bTop3) = Score(baseline);
        var changed = ClassF1(b).FullJoin(ClassF1(m))
            .Where(c => c.Baseline != c.Model)
            .OrderByDescending(c => Math.Abs(c.Model - c.Baseline)).ThenBy(c => c.Label, StringComparer.Ordinal).ToArray();
        if (json)
        {
            JsonOutput.WriteLine(output, w =>
            {
                w.WriteStartObject();
                w.WriteString("model_file", modelPath);
                w.WriteString("baseline_file", baselinePath);
                MetricsOutput.Write(w, "baseline", b, data.Count, details: false);
                MetricsOutput.Number(w, "baseline_top3_accuracy", bTop3);
                MetricsOutput.Write(w, "model", m, data.Count, details: false);
                MetricsOutput.Number(w, "model_top3_accuracy", mTop3);
                w.WriteStartArray("changed_classes");
                foreach (var c in changed)
                {
                    w.WriteStartObject();
                    w.WriteString("label", c.Label);
                    w.WriteNumber("baseline_f1", c.Baseline);
                    w.WriteNumber("model_f1", c.Model);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return;
        }
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine($"{data.Count} rows: baseline {baselinePath} vs model {modelPath}");
        output.WriteLine($"{"",-20} {"baseline",9} {"model",9} {"change",9}");
        void Row(string name, double before, double after) => output.WriteLine(string.Create(ci, $"{name,-20} {before,9:F4} {after,9:F4} {after - before,9:+0.0000;-0.0000;0}"));
        Row("weighted accuracy", b.Accuracy, m.Accuracy);
        Row("weighted F1", b.WeightedAverage.F1, m.WeightedAverage.F1);
        Row("macro F1", b.MacroAverage.F1, m.MacroAverage.F1);
        Row("top-3 accuracy", bTop3, mTop3);
        output.WriteLine(changed.Length == 0 ? "no class's F1 changed" : $"F1 of the {changed.Length} classes that changed, largest change first:");
        foreach (var c in changed) Row(c.Label.Length <= 20 ? c.Label : c.Label[..19] + "…", c.Baseline, c.Model);
    }

    // Per-class F1 by label; a class only one model's report has counts as F1 0 in the other.
    private static Dictionary<string, double> ClassF1(ClassificationReport r) => r.Classes.ToDictionary(c => c.Label, c => c.F1, StringComparer.Ordinal);

    private static IEnumerable<(string Label, double Baseline, double Model)> FullJoin(this Dictionary<string, double> baseline, Dictionary<string, double> model)
        => baseline.Keys.Union(model.Keys).Select(label => (label, baseline.GetValueOrDefault(label), model.GetValueOrDefault(label)));
}
