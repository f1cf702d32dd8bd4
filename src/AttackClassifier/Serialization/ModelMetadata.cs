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

    /// <summary>The version of the library itself (for <see cref="ToolVersion"/>).</summary>
    public static string LibraryVersion { get; } =
        typeof(ModelMetadata).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "unknown";

    internal byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (CreatedUtc is { } created) w.WriteString("created_utc", created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
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
            };
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"{source}: the metadata block is not valid JSON: {e.Message}", e);
        }
    }

    private static string? String(JsonElement e, string name)
        => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

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
