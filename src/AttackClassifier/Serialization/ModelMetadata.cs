using System.Globalization;
using System.Text.Json;
using AttackClassifier.Calibration;

namespace AttackClassifier.Serialization;

/// <summary>
/// What a model file says about where its model came from (format version 2 and later). Descriptive only: nothing here changes a
/// prediction, and it sits outside the checksummed payload so the model's hash does not depend on when it was written.
/// Every field is optional.
/// </summary>
public sealed record ModelMetadata
{
    /// <summary>When the file was written (UTC).</summary>
    public DateTimeOffset? CreatedUtc { get; init; }

    /// <summary>The AttackClassifier version that wrote it.</summary>
    public string? ToolVersion { get; init; }

    /// <summary>A short name for the model (e.g. <c>builtin:linux</c>).</summary>
    public string? Name { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the training data file(s), in the order read.</summary>
    public string? TrainingDataSha256 { get; init; }

    /// <summary>Rows the model was trained on (after consolidation).</summary>
    public long? TrainingRows { get; init; }

    /// <summary>The ATT&amp;CK catalog version the labels were resolved against.</summary>
    public string? AttackCatalogVersion { get; init; }

    /// <summary>The training options, as name → value text (e.g. <c>preset</c> → <c>default</c>, <c>C</c> → <c>100</c>).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// How the model descends from earlier models, oldest step first: empty for a model trained from scratch; a model
    /// retrained from a parent (<c>train --warm-start</c>) has the parent's lineage plus one step naming the parent.
    /// </summary>
    public IReadOnlyList<ModelLineageStep> Lineage { get; init; } = [];

    /// <summary>The version of the library itself (for <see cref="ToolVersion"/>).</summary>
    public static string LibraryVersion { get; } =
        typeof(ModelMetadata).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "unknown";

    internal byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (CreatedUtc is { } created) w.WriteString("created_utc", Utc(created));
            if (ToolVersion is not null) w.WriteString("tool_version", ToolVersion);
            if (Name is not null) w.WriteString("name", Name);
            if (TrainingDataSha256 is not null || TrainingRows is not null)
            {
                w.WriteStartObject("training_data");
                if (TrainingDataSha256 is not null) w.WriteString("sha256", TrainingDataSha256);
                if (TrainingRows is { } rows) w.WriteNumber("rows", rows);
                w.WriteEndObject();
            }
            if (AttackCatalogVersion is not null) w.WriteString("attack_catalog_version", AttackCatalogVersion);
            w.WriteStartObject("options");
            foreach (KeyValuePair<string, string> o in Options.OrderBy(o => o.Key, StringComparer.Ordinal)) w.WriteString(o.Key, o.Value);
            w.WriteEndObject();
            if (Lineage.Count > 0)
            {
                w.WriteStartArray("lineage");
                foreach (ModelLineageStep step in Lineage)
                {
                    w.WriteStartObject();
                    w.WriteString("parent_sha256", step.ParentSha256);
                    w.WriteNumber("rows_added", step.RowsAdded);
                    w.WriteNumber("replay_rows", step.ReplayRows);
                    if (step.TrainedUtc is { } trained) w.WriteString("trained_utc", Utc(trained));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    internal static ModelMetadata FromJson(byte[] json, string source)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ModelFormatException($"{source}: the metadata block is not a JSON object.");
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("options", out JsonElement o) && o.ValueKind == JsonValueKind.Object)
                foreach (JsonProperty p in o.EnumerateObject()) options[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            JsonElement data = root.TryGetProperty("training_data", out JsonElement d) && d.ValueKind == JsonValueKind.Object ? d : default;
            return new ModelMetadata
            {
                CreatedUtc = String(root, "created_utc") is { } c && DateTimeOffset.TryParse(c, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset t) ? t : null,
                ToolVersion = String(root, "tool_version"),
                Name = String(root, "name"),
                TrainingDataSha256 = data.ValueKind == JsonValueKind.Object ? String(data, "sha256") : null,
                TrainingRows = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("rows", out JsonElement r) && r.TryGetInt64(out long rows) ? rows : null,
                AttackCatalogVersion = String(root, "attack_catalog_version"),
                Options = options,
                Lineage = ReadLineage(root),
            };
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"{source}: the metadata block is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>The text form of every time in the block: UTC, whole seconds, ISO 8601 (<c>2026-12-05T08:00:00Z</c>).</summary>
    internal static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Lineage steps as written; a step without a parent hash is not a step and is left out (the block is descriptive).
    private static ModelLineageStep[] ReadLineage(JsonElement root)
    {
        if (!root.TryGetProperty("lineage", out JsonElement lineage) || lineage.ValueKind != JsonValueKind.Array) return [];
        var steps = new List<ModelLineageStep>();
        foreach (JsonElement e in lineage.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object || String(e, "parent_sha256") is not { } parent) continue;
            long Number(string name) => e.TryGetProperty(name, out JsonElement v) && v.TryGetInt64(out long n) ? n : 0;
            DateTimeOffset? time = String(e, "trained_utc") is { } t && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed)
                ? parsed : null;
            steps.Add(new ModelLineageStep(parent, Number("rows_added"), Number("replay_rows"), time));
        }
        return steps.ToArray();
    }

    private static string? String(JsonElement e, string name)
        => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>One retraining step in a model's lineage: which model it started from and what it learned from.</summary>
/// <param name="ParentSha256">SHA-256 (lower-case hex) of the parent model's payload: its <see cref="ModelInfo.Sha256"/>.</param>
/// <param name="RowsAdded">Newly labelled rows in this step (after consolidation).</param>
/// <param name="ReplayRows">Old rows mixed back in (after consolidation; 0 without replay).</param>
/// <param name="TrainedUtc">When the step was trained (UTC, whole seconds), or null: like <see cref="ModelMetadata.CreatedUtc"/>,
/// train records a time only when asked to (<c>SOURCE_DATE_EPOCH</c>), so the same inputs give a byte-identical file.</param>
public sealed record ModelLineageStep(string ParentSha256, long RowsAdded, long ReplayRows, DateTimeOffset? TrainedUtc);

/// <summary>What a model file holds, without its parameters: format, kind, identity, classes, calibration and metadata.</summary>
/// <param name="Source">The file (or stream description) it was read from.</param>
/// <param name="FormatVersion">The file's format version (1, 2 or 3).</param>
/// <param name="Kind">The model kind.</param>
/// <param name="Sha256">SHA-256 of the payload, lower-case hex: the model's identity.</param>
/// <param name="Labels">The classes, in class-index order.</param>
/// <param name="Calibration">Temperature and abstention threshold (none for version-1 files).</param>
/// <param name="Metadata">The metadata block, or null for version-1 files.</param>
public sealed record ModelInfo(string Source, int FormatVersion, ModelKind Kind, string Sha256, IReadOnlyList<string> Labels,
                               ModelCalibration Calibration, ModelMetadata? Metadata);

/// <summary>A classifier loaded from a model file, with what the file says about it.</summary>
/// <param name="Classifier">The classifier.</param>
/// <param name="Info">The file's format, identity and metadata.</param>
public sealed record LoadedModel(Classification.IAttackClassifier Classifier, ModelInfo Info);
