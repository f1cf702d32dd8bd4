using System.CommandLine;
using System.Globalization;
using AttackClassifier.Attack;
using AttackClassifier.Serialization;

namespace AttackClassifier.Cli.Commands;

/// <summary><c>attack-classifier info</c>: what a model file holds — format, kind, identity, calibration, metadata, classes.</summary>
internal static class InfoCommand
{
    internal static Command Create()
    {
        var modelPath = new Option<string>("--model") { Description = "A model file.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("info", "Show a model file's format version, kind, SHA-256, calibration, metadata and classes.");
        command.Options.Add(modelPath);
        command.Options.Add(json);
        command.SetAction(parsed =>
        {
            ModelInfo info = EvaluateCommand.OpenModel(parsed.GetValue(modelPath)!).Info;
            TextWriter output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json)) WriteJson(output, info);
            else WriteText(output, info);
            return 0;
        });
        return command;
    }

    private static void WriteJson(TextWriter output, ModelInfo info) => JsonOutput.WriteLine(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("model_file", info.Source);
        w.WriteNumber("format_version", info.FormatVersion);
        w.WriteString("kind", info.Kind.ToString());
        w.WriteString("sha256", info.Sha256);
        w.WriteStartObject("calibration");
        w.WriteNumber("temperature", info.Calibration.Temperature);
        w.WriteNumber("abstention_threshold", info.Calibration.AbstentionThreshold);
        w.WriteString("threshold_rule", info.Calibration.ThresholdRule);
        w.WriteEndObject();
        if (info.Metadata is { } m)
        {
            w.WriteStartObject("metadata");
            if (m.CreatedUtc is { } created) w.WriteString("created_utc", created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            if (m.ToolVersion is not null) w.WriteString("tool_version", m.ToolVersion);
            if (m.Name is not null) w.WriteString("name", m.Name);
            if (m.TrainingDataSha256 is not null) w.WriteString("training_data_sha256", m.TrainingDataSha256);
            if (m.TrainingRows is { } rows) w.WriteNumber("training_rows", rows);
            if (m.AttackCatalogVersion is not null) w.WriteString("attack_catalog_version", m.AttackCatalogVersion);
            w.WriteStartObject("options");
            foreach (var (key, value) in m.Options) w.WriteString(key, value);
            w.WriteEndObject();
            w.WriteStartArray("lineage");
            foreach (ModelLineageStep step in m.Lineage)
            {
                w.WriteStartObject();
                w.WriteString("parent_sha256", step.ParentSha256);
                w.WriteNumber("rows_added", step.RowsAdded);
                w.WriteNumber("replay_rows", step.ReplayRows);
                if (step.TrainedUtc is { } trained) w.WriteString("trained_utc", ModelMetadata.Utc(trained)); else w.WriteNull("trained_utc");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else w.WriteNull("metadata");
        w.WriteStartArray("classes");
        foreach (string label in info.Labels)
        {
            AttackLabel resolved = AttackCatalog.Default.Resolve(label);
            w.WriteStartObject();
            w.WriteString("label", label);
            w.WriteString("kind", PredictionJson.KindName(resolved.Kind));
            if (resolved.Technique is { } t) w.WriteString("technique_id", t.Id); else w.WriteNull("technique_id");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteText(TextWriter output, ModelInfo info)
    {
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine($"model file: {info.Source}");
        output.WriteLine($"format version {info.FormatVersion}, {info.Kind}, sha256 {info.Sha256}");
        output.WriteLine(string.Create(ci, $"calibration: temperature {info.Calibration.Temperature:G6}, abstention threshold {info.Calibration.AbstentionThreshold:G6} ({info.Calibration.ThresholdRule})"));
        if (info.Metadata is { } m)
        {
            output.WriteLine($"created: {m.CreatedUtc?.UtcDateTime.ToString("u", ci) ?? "unknown"}; tool {m.ToolVersion ?? "unknown"}; training rows {m.TrainingRows?.ToString(ci) ?? "unknown"}; data sha256 {m.TrainingDataSha256 ?? "unknown"}");
            output.WriteLine($"ATT&CK catalog: {m.AttackCatalogVersion ?? "unknown"}");
            if (m.Options.Count > 0) output.WriteLine("options: " + string.Join(", ", m.Options.Select(o => $"{o.Key}={o.Value}")));
            output.WriteLine(m.Lineage.Count == 0 ? "lineage: trained from scratch" : $"lineage ({m.Lineage.Count} retraining steps, oldest first):");
            foreach (ModelLineageStep step in m.Lineage)
                output.WriteLine(string.Create(ci, $"  from {step.ParentSha256}: +{step.RowsAdded} rows, {step.ReplayRows} replayed{(step.TrainedUtc is { } trained ? ", " + ModelMetadata.Utc(trained) : "")}"));
        }
        else output.WriteLine("metadata: none (format version 1)");
        output.WriteLine($"classes ({info.Labels.Count}):");
        foreach (string label in info.Labels)
        {
            AttackLabel resolved = AttackCatalog.Default.Resolve(label);
            string note = resolved.Kind == LabelKind.Other ? "  (not an ATT&CK technique)" : resolved.Kind == LabelKind.Benign ? "  (benign)" : "";
            output.WriteLine($"  {label}{note}");
        }
    }
}
