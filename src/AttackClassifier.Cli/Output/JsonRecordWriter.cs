using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using AttackClassifier.Attack;
using AttackClassifier.Classification;
using AttackClassifier.Cli.Commands;
using AttackClassifier.Serialization;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Cli.Output;

/// <summary>
/// Writes one JSON line per telemetry record, as JSONL or as an ECS document, either the prediction alone or the input
/// event enriched with it.
/// </summary>
/// <remarks>
/// <para>Shapes (the prediction's fields are <see cref="PredictionJson.WriteFields"/>'s; <c>truncated</c> appears only
/// when true; <c>error</c> replaces the prediction when the input record held no command):</para>
/// <list type="table">
/// <item><term>jsonl, prediction</term><description><c>{line, input, [truncated], label…top_tactics | error, [evidence], model, [kept…]}</c></description></item>
/// <item><term>jsonl, enriched</term><description><c>{…the input event…, attack_classifier: {line, [truncated], label…top_tactics | error, [evidence], model}}</c></description></item>
/// <item><term>ecs, prediction</term><description><c>{process: {command_line, …kept}, …kept, [threat], attack_classifier: {…}}</c></description></item>
/// <item><term>ecs, enriched</term><description><c>{…the input event…, [threat], attack_classifier: {…}}</c></description></item>
/// </list>
/// <para><c>threat</c> is written only for a decided technique (kind <c>technique</c>): for benign, other and unknown
/// (below the abstention threshold) there is no technique to name, and <c>attack_classifier.kind</c> says which.</para>
/// <para>Enriched output copies the input event's own bytes (no re-parse, no re-encoding) and appends the new fields
/// before its closing brace. The input's own <c>attack_classifier</c> (and, for ECS, <c>threat</c>) properties — nested or
/// as dotted keys — are left out, so every such field in the output is this classifier's and no key is duplicated.
/// An input record without an object (invalid JSON, an empty line) gives <c>{attack_classifier: {line, error, model}}</c>.</para>
/// </remarks>
internal sealed class JsonRecordWriter : IRecordWriter
{
    private static readonly JsonEncodedText LineName = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText InputName = JsonEncodedText.Encode("input");
    private static readonly JsonEncodedText TruncatedName = JsonEncodedText.Encode("truncated");
    private static readonly JsonEncodedText ErrorName = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText ClassifierName = JsonEncodedText.Encode("attack_classifier");
    private static readonly JsonEncodedText ThreatName = JsonEncodedText.Encode("threat");

    /// <summary>Top-level names of a JSONL prediction record.</summary>
    internal static readonly string[] JsonlReserved = ["line", "input", "truncated", "error", "evidence", "model", .. PredictionJson.FieldNames];

    /// <summary>Top-level names of an ECS record.</summary>
    internal static readonly string[] EcsReserved = ["threat", "attack_classifier"];

    private readonly OutputBuffer _out;
    private readonly bool _ecs, _enriched;
    private readonly KeptFields _kept;
    private readonly byte[] _model;
    private readonly PredictionJson.ClassJsonCache _classes = new(OutputBuffer.WriterOptions);
    private readonly ArrayBufferWriter<byte> _tail = new(1024);   // enriched: the fields appended to the input event
    private readonly Utf8JsonWriter _tailJson;
    private readonly Dictionary<AttackTechnique, byte[]> _threats = new(ReferenceEqualityComparer.Instance);
    private byte[] _scratch = new byte[1024];

    internal JsonRecordWriter(OutputBuffer output, OutputFormat format, EmitMode emit, KeptFields kept, string modelName, ModelInfo modelInfo)
    {
        _out = output;
        _ecs = format == OutputFormat.Ecs;
        _enriched = emit == EmitMode.Enriched;
        _kept = kept;
        _model = JsonValue(json => PredictionJson.WriteModelValue(json, modelName, modelInfo));
        _tailJson = new Utf8JsonWriter(_tail, OutputBuffer.WriterOptions);
    }

    // The bytes of one JSON value, for values that repeat on every record or every record of a technique.
    private static byte[] JsonValue(Action<Utf8JsonWriter> write)
    {
        var bytes = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(bytes, OutputBuffer.WriterOptions)) write(json);
        return bytes.WrittenSpan.ToArray();
    }

    public void Write(TelemetryRecord record, Prediction? prediction, IReadOnlyList<Evidence>? evidence)
    {
        if (_enriched && record.Original is { ValueKind: JsonValueKind.Object } original)
        {
            WriteEnriched(original, record, prediction, evidence);
        }
        else
        {
            Utf8JsonWriter w = _out.Json;
            w.WriteStartObject();
            if (_enriched) WriteClassifier(w, record, prediction, evidence);
            else if (_ecs) WriteEcsPrediction(w, record, prediction, evidence);
            else WriteJsonlPrediction(w, record, prediction, evidence);
            w.WriteEndObject();
        }
        _out.EndRecord();
    }

    private void WriteJsonlPrediction(Utf8JsonWriter w, TelemetryRecord record, Prediction? prediction, IReadOnlyList<Evidence>? evidence)
    {
        w.WriteNumber(LineName, record.LineNumber);
        if (record.CommandLine is { } command) w.WriteString(InputName, JsonText.Wellformed(command));
        WriteOutcome(w, record, prediction, evidence);
        _kept.WriteJson(w, record);
    }

    private void WriteEcsPrediction(Utf8JsonWriter w, TelemetryRecord record, Prediction? prediction, IReadOnlyList<Evidence>? evidence)
    {
        _kept.WriteJson(w, record);   // process.command_line first, then the kept fields, all nested by ECS path
        WriteThreat(w, prediction);
        WriteClassifier(w, record, prediction, evidence);
    }

    // attack_classifier: {line, [truncated], prediction | error, [evidence], model}; ECS adds threat before it.
    private void WriteClassifier(Utf8JsonWriter w, TelemetryRecord record, Prediction? prediction, IReadOnlyList<Evidence>? evidence)
    {
        w.WriteStartObject(ClassifierName);
        w.WriteNumber(LineName, record.LineNumber);
        WriteOutcome(w, record, prediction, evidence);
        w.WriteEndObject();
    }

    private void WriteOutcome(Utf8JsonWriter w, TelemetryRecord record, Prediction? prediction, IReadOnlyList<Evidence>? evidence)
    {
        if (record.Truncated) w.WriteBoolean(TruncatedName, true);
        if (prediction is null) w.WriteString(ErrorName, JsonText.Wellformed(record.Error ?? "no command"));
        else PredictionJson.WriteFields(w, prediction, _classes);
        if (evidence is not null) PredictionJson.WriteEvidence(w, evidence);
        w.WritePropertyName(PredictionJson.ModelName);
        w.WriteRawValue(_model, skipInputValidation: true);   // PredictionJson.WriteModelValue's bytes, made once
    }

    private void WriteThreat(Utf8JsonWriter w, Prediction? prediction)
    {
        if (prediction is not { Kind: LabelKind.Technique, Technique: { } technique }) return;
        // One object per technique, built once: a stream of events repeats a handful of techniques.
        if (!_threats.TryGetValue(technique, out byte[]? threat))
            _threats[technique] = threat = JsonValue(json => PredictionJson.WriteEcsThreatValue(json, technique, AttackCatalog.Default));
        w.WritePropertyName(ThreatName);
        w.WriteRawValue(threat, skipInputValidation: true);
    }

    // The input event's bytes without its closing brace, then "," unless it is empty, then the new fields (written as an
    // object by the tail writer, copied without its opening brace). When the input may hold a field of ours, its
    // properties are copied one by one instead, leaving those out.
    private void WriteEnriched(JsonElement original, TelemetryRecord record, Prediction? prediction, IReadOnlyList<Evidence>? evidence)
    {
        _tail.ResetWrittenCount();
        _tailJson.Reset();
        _tailJson.WriteStartObject();
        if (_ecs) WriteThreat(_tailJson, prediction);
        WriteClassifier(_tailJson, record, prediction, evidence);
        _tailJson.WriteEndObject();
        _tailJson.Flush();

        ReadOnlySpan<byte> raw = JsonText.Raw(original, ref _scratch);
        bool any;
        if (MayHoldOurs(raw))
        {
            any = false;
            _out.WriteRaw("{"u8);
            foreach (JsonProperty property in original.EnumerateObject())
            {
                if (IsOurs(property)) continue;
                _out.WriteRaw(any ? ",\""u8 : "\""u8);
                _out.WriteRaw(JsonMarshal.GetRawUtf8PropertyName(property));   // still escaped as the input wrote it
                _out.WriteRaw("\":"u8);
                _out.WriteRaw(JsonText.Raw(property.Value, ref _scratch));
                any = true;
            }
        }
        else
        {
            _out.WriteRaw(raw[..^1]);   // a parsed object's raw text ends with its '}'
            any = raw[1..^1].IndexOfAnyExcept(" \t\n\r"u8) >= 0;   // anything but whitespace between the braces is a property
        }
        if (any) _out.WriteRaw(","u8);
        _out.WriteRaw(_tail.WrittenSpan[1..]);
    }

    // A cheap screen (vectorised substring searches over the raw bytes) before the exact per-property check: a property
    // named attack_classifier or threat, dotted or not, needs those bytes in the event, or an escape that could spell them.
    private bool MayHoldOurs(ReadOnlySpan<byte> raw) =>
        raw.IndexOf("attack_classifier"u8) >= 0 || (_ecs && raw.IndexOf("threat"u8) >= 0) || raw.IndexOf("\\u"u8) >= 0;

    // attack_classifier (and for ECS threat), nested or as a dotted key: fields this writer owns in its output.
    private bool IsOurs(JsonProperty property)
    {
        ReadOnlySpan<byte> name = JsonMarshal.GetRawUtf8PropertyName(property);
        if (name.IndexOf((byte)'\\') >= 0)
        {
            // Escaped in the input: compare the real name. A name holding an escaped lone surrogate has no string value
            // (Name throws) and cannot be one of ours.
            try
            {
                name = System.Text.Encoding.UTF8.GetBytes(property.Name);
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
        return Owns(name, "attack_classifier"u8) || (_ecs && Owns(name, "threat"u8));
    }

    private static bool Owns(ReadOnlySpan<byte> name, ReadOnlySpan<byte> field) =>
        name.StartsWith(field) && (name.Length == field.Length || name[field.Length] == (byte)'.');
}
