using System.Buffers;
using System.Text.Json;

namespace AttackClassifier.Telemetry;

/// <summary>
/// Reads JSON Lines telemetry: each line one JSON object, each object one record (an osquery batch or snapshot line:
/// one per added row), its command and identity taken by a <see cref="JsonPreset"/>.
/// </summary>
/// <remarks>
/// <see cref="TelemetryRecord.Original"/> is a <see cref="JsonElement"/> cloned out of the parsed document rather than
/// raw bytes or a JsonNode: the CLI can re-write each property with Utf8JsonWriter and add its own without parsing
/// again, <c>--keep</c> lookups walk it directly, and unlike a JsonNode it is immutable, so a record stays a value that
/// any thread may read. Its cost is one copy of the line's UTF-8 bytes (bounded by MaxLineBytes).
/// </remarks>
internal sealed class JsonTelemetryReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private readonly TelemetryReaderOptions _options;
    private readonly JsonPreset _preset;
    private readonly string[]? _commandPath;
    private readonly List<JsonElement> _events = [];

    internal JsonTelemetryReader(TelemetryReaderOptions options)
    {
        _options = options;
        _preset = JsonPreset.For(options.Format);
        _commandPath = options.FieldPath is null ? null : JsonFieldPath.Split(options.FieldPath);
    }

    internal IEnumerable<TelemetryRecord> Read(BoundedLineReader lines)
    {
        while (lines.TryRead(int.MaxValue, _options.MaxLineBytes, out BoundedLine line))
        {
            var at = new TelemetryRecord { LineNumber = line.Number };
            if (line.Utf8Bytes > _options.MaxLineBytes)
            {
                yield return at with { Error = $"line is {line.Utf8Bytes} bytes, over the {_options.MaxLineBytes}-byte JSON line limit." };
                continue;
            }
            if (line.Text.Span.IsWhiteSpace())
            {
                yield return at with { Error = "empty line" };
                continue;
            }
            if (!TryParse(line.Text, out JsonElement root, out string? error))
            {
                yield return at with { Error = error };
                continue;
            }
            if (root.ValueKind != JsonValueKind.Object)
            {
                yield return at with { Error = $"the line is {JsonFieldPath.Describe(root.ValueKind)}, not a JSON object." };
                continue;
            }
            _events.Clear();
            TelemetryRecord? failed = Guarded(at, () => _preset.TryExpand(root, _events, out string? why) ? null : _preset.Identify(root, at with { Error = why, Original = root }));
            if (failed is not null)
            {
                yield return failed;
                continue;
            }
            foreach (JsonElement ev in _events) yield return Guarded(at, () => Extract(ev, at))!;
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/>, turning the one failure valid JSON can still cause — a string holding an escaped lone
    /// surrogate (<c>"\ud800"</c>), which is valid JSON but not valid UTF-16 text — into an error record for the line.
    /// </summary>
    private static TelemetryRecord? Guarded(TelemetryRecord at, Func<TelemetryRecord?> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return at with { Error = "a JSON string holds an escaped lone surrogate (\\uD800–\\uDFFF without its pair): not text." };
        }
    }

    private static bool TryParse(ReadOnlyMemory<char> text, out JsonElement root, out string? error)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text, DocumentOptions);
            root = document.RootElement.Clone();
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            // JsonException's message ends "LineNumber: 0 | BytePositionInLine: n." — within this one line, so say it once.
            string message = e.Message;
            int tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (tail > 0) message = message[..tail];
            root = default;
            error = $"invalid JSON at byte {e.BytePositionInLine ?? 0} of the line: {message}";
            return false;
        }
    }

    private TelemetryRecord Extract(JsonElement ev, TelemetryRecord at)
    {
        TelemetryRecord record = _preset.Identify(ev, at with { Original = ev });
        string? command = _commandPath is null ? _preset.Command(ev, out string? error) : JsonPreset.StringAt(ev, _commandPath, out error);
        if (command is null) return record with { Error = error };
        if (string.IsNullOrWhiteSpace(command)) return record with { Error = "empty command" };
        command = CommandText.Cut(command, _options.MaxCommandChars, out bool truncated);
        return record with { CommandLine = command, Truncated = truncated };
    }

    /// <summary>Writes <paramref name="root"/> with its <paramref name="dropped"/> properties removed and
    /// <paramref name="added"/> appended, as a new detached element.</summary>
    internal static JsonElement Rewrite(JsonElement root, string[] dropped, params (string Name, JsonElement Value)[] added)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (JsonProperty property in root.EnumerateObject())
                if (Array.IndexOf(dropped, property.Name) < 0) property.WriteTo(writer);
            foreach ((string name, JsonElement value) in added)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
