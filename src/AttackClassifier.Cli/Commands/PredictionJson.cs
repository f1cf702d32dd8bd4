using System.Buffers;
using System.Text.Json;
using AttackClassifier.Attack;
using AttackClassifier.Classification;
using AttackClassifier.Serialization;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// The one place a <see cref="Prediction"/> becomes JSON (predict's JSONL and ECS output, and every output that embeds a
/// prediction): <c>label</c>, <c>kind</c>, <c>technique_id</c>, <c>technique_name</c>, <c>tactics</c> [{id, name}],
/// <c>probability</c>, <c>top</c> (each with the same fields), <c>top_tactics</c> [{id, name, probability}]; the model's
/// identity; the n-gram evidence; and the ECS <c>threat</c> object of a decided technique.
/// </summary>
/// <remarks>
/// Property names are encoded once (<see cref="JsonEncodedText"/>): predict writes them for every event. Probabilities are
/// written rounded to 9 decimal places (<see cref="WriteProbability"/>), not as the shortest round-trip form of the double.
/// </remarks>
internal static class PredictionJson
{
    private static readonly JsonEncodedText LabelName = JsonEncodedText.Encode("label");
    private static readonly JsonEncodedText KindPropertyName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText TechniqueIdName = JsonEncodedText.Encode("technique_id");
    private static readonly JsonEncodedText TechniqueNameName = JsonEncodedText.Encode("technique_name");
    private static readonly JsonEncodedText TacticsName = JsonEncodedText.Encode("tactics");
    private static readonly JsonEncodedText ProbabilityName = JsonEncodedText.Encode("probability");
    private static readonly JsonEncodedText TopName = JsonEncodedText.Encode("top");
    private static readonly JsonEncodedText TopTacticsName = JsonEncodedText.Encode("top_tactics");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText ReferenceName = JsonEncodedText.Encode("reference");

    /// <summary>The <c>model</c> property's name.</summary>
    internal static readonly JsonEncodedText ModelName = JsonEncodedText.Encode("model");

    /// <summary>The top-level names <see cref="WriteFields"/> writes (output records must not reuse them).</summary>
    internal static readonly string[] FieldNames = ["label", "kind", "technique_id", "technique_name", "tactics", "probability", "top", "top_tactics"];

    internal static string KindName(LabelKind kind) => kind switch
    {
        LabelKind.Technique => "technique",
        LabelKind.Benign => "benign",
        LabelKind.Other => "other",
        _ => "unknown",
    };

    /// <summary>Writes the prediction's fields into the object <paramref name="w"/> is in.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="prediction">The prediction.</param>
    /// <param name="classes">A stream's cache of the <c>top</c> entries' bytes (the same bytes, written faster), or null.</param>
    internal static void WriteFields(Utf8JsonWriter w, Prediction prediction, ClassJsonCache? classes = null)
    {
        WriteClass(w, prediction.Label, prediction.Kind, prediction.Technique, prediction.Probability);
        if (classes is null || !classes.TryWriteTop(w, prediction.Top)) WriteTop(w, prediction.Top);
        if (classes is null || !classes.TryWriteTopTactics(w, prediction.TopTactics)) WriteTopTactics(w, prediction.TopTactics);
    }

    private static void WriteTopTactics(Utf8JsonWriter w, IReadOnlyList<TacticProbability> topTactics)
    {
        w.WriteStartArray(TopTacticsName);
        foreach (TacticProbability t in topTactics)
        {
            w.WriteStartObject();
            WriteTacticWithoutProbability(w, t.Tactic);
            WriteProbability(w, ProbabilityName, t.Probability);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteTacticWithoutProbability(Utf8JsonWriter w, AttackTactic tactic)
    {
        w.WriteString(IdName, tactic.Id);
        w.WriteString(NameName, tactic.Name);
    }

    private static void WriteTop(Utf8JsonWriter w, IReadOnlyList<ClassProbability> top)
    {
        w.WriteStartArray(TopName);
        foreach (ClassProbability c in top)
        {
            w.WriteStartObject();
            WriteClass(w, c.Label, c.Kind, c.Technique, c.Probability);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteClass(Utf8JsonWriter w, string label, LabelKind kind, AttackTechnique? technique, double probability)
    {
        WriteClassWithoutProbability(w, label, kind, technique);
        WriteProbability(w, ProbabilityName, probability);
    }

    private static void WriteClassWithoutProbability(Utf8JsonWriter w, string label, LabelKind kind, AttackTechnique? technique)
    {
        w.WriteString(LabelName, label);
        w.WriteString(KindPropertyName, KindName(kind));
        if (technique is null)
        {
            w.WriteNull(TechniqueIdName);
            w.WriteNull(TechniqueNameName);
        }
        else
        {
            w.WriteString(TechniqueIdName, technique.Id);
            w.WriteString(TechniqueNameName, technique.Name);
        }
        w.WriteStartArray(TacticsName);
        foreach (AttackTactic t in technique?.Tactics ?? [])
        {
            w.WriteStartObject();
            w.WriteString(IdName, t.Id);
            w.WriteString(NameName, t.Name);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// Writes a probability p ∈ [0, 1] rounded to 9 decimal places, trailing zeros dropped ("0.997332912", "0.00082441",
    /// "1", "0"). Why not the double's shortest round-trip text: it costs about 220 ns per number on the reference machine,
    /// and a record holds 7 or more, a sixth of predict's per-event budget; 10⁻⁹ is far finer than any calibrated
    /// probability means. A value outside [0, 1] (never produced by a softmax) is written as the double it is.
    /// </summary>
    internal static void WriteProbability(Utf8JsonWriter w, JsonEncodedText name, double p)
    {
        Span<byte> text = stackalloc byte[ProbabilityBytes];
        int length = FormatProbability(p, text);
        if (length < 0)
        {
            w.WriteNumber(name, p);
            return;
        }
        w.WritePropertyName(name);
        w.WriteRawValue(text[..length], skipInputValidation: true);
    }

    private const int ProbabilityBytes = 11;   // "0." + 9 digits

    /// <summary><see cref="WriteProbability"/>'s text of <paramref name="p"/> into <paramref name="text"/> (11 bytes):
    /// its length, or −1 when p is not in [0, 1].</summary>
    private static int FormatProbability(double p, Span<byte> text)
    {
        if (!(p >= 0 && p <= 1)) return -1;
        long q = (long)Math.Round(p * 1e9, MidpointRounding.ToEven);   // q ∈ [0, 10⁹]: p = q·10⁻⁹ ± 5·10⁻¹⁰
        if (q == 0 || q == 1_000_000_000)
        {
            text[0] = q == 0 ? (byte)'0' : (byte)'1';
            return 1;
        }
        text[0] = (byte)'0';
        text[1] = (byte)'.';
        for (int i = 10; i >= 2; i--, q /= 10) text[i] = (byte)('0' + q % 10);
        int length = 11;
        while (text[length - 1] == (byte)'0') length--;   // q > 0, so a non-zero digit stops this
        return length;
    }

    /// <summary>
    /// One output stream's copy of each class's and each tactic's entry in <c>top</c> and <c>top_tactics</c> as bytes up to
    /// its probability — <c>{"label":…,"kind":…,"technique_id":…,"technique_name":…,"tactics":[…],"probability":</c>,
    /// <c>{"id":…,"name":…,"probability":</c> — written by the same Write…WithoutProbability methods once per class or
    /// tactic, so the two arrays cost copies and 6 probabilities instead of ~40 writer calls. The output is byte-identical
    /// to <see cref="WriteTop"/>'s and <see cref="WriteTopTactics"/>'s (a test holds them together). One per stream: not
    /// thread-safe.
    /// </summary>
    internal sealed class ClassJsonCache(JsonWriterOptions options)
    {
        // Keyed by instance: a classifier's predictions reuse its taxonomy's label strings and the catalog's tactics, so a
        // model has K + 14 entries. The cap only bounds a caller that makes new instances per prediction.
        private const int MaxEntries = 4096;
        private readonly Dictionary<object, byte[]> _prefixes = new(ReferenceEqualityComparer.Instance);
        private readonly ArrayBufferWriter<byte> _array = new(1024);

        /// <summary>Writes <c>"top": […]</c>; false (nothing written) when a probability is outside [0, 1].</summary>
        internal bool TryWriteTop(Utf8JsonWriter w, IReadOnlyList<ClassProbability> top)
        {
            Span<byte> number = stackalloc byte[ProbabilityBytes];
            _array.ResetWrittenCount();
            _array.Write("["u8);
            for (int i = 0; i < top.Count; i++)
            {
                ClassProbability c = top[i];
                byte[] prefix = _prefixes.TryGetValue(c.Label, out byte[]? known) ? known : ClassPrefix(c);
                if (!TryAppend(i, prefix, c.Probability, number)) return false;
            }
            return Finish(w, TopName);
        }

        /// <summary>Writes <c>"top_tactics": […]</c>; false (nothing written) when a probability is outside [0, 1].</summary>
        internal bool TryWriteTopTactics(Utf8JsonWriter w, IReadOnlyList<TacticProbability> topTactics)
        {
            Span<byte> number = stackalloc byte[ProbabilityBytes];
            _array.ResetWrittenCount();
            _array.Write("["u8);
            for (int i = 0; i < topTactics.Count; i++)
            {
                AttackTactic tactic = topTactics[i].Tactic;
                byte[] prefix = _prefixes.TryGetValue(tactic, out byte[]? known) ? known : TacticPrefix(tactic);
                if (!TryAppend(i, prefix, topTactics[i].Probability, number)) return false;
            }
            return Finish(w, TopTacticsName);
        }

        private bool TryAppend(int index, byte[] prefix, double probability, Span<byte> number)
        {
            int length = FormatProbability(probability, number);
            if (length < 0) return false;
            if (index > 0) _array.Write(","u8);
            _array.Write(prefix);
            _array.Write(number[..length]);
            _array.Write("}"u8);
            return true;
        }

        private bool Finish(Utf8JsonWriter w, JsonEncodedText name)
        {
            _array.Write("]"u8);
            w.WritePropertyName(name);
            w.WriteRawValue(_array.WrittenSpan, skipInputValidation: true);
            return true;
        }

        // The misses, apart from the loops so their closures are only made on a miss.
        private byte[] ClassPrefix(ClassProbability c) => Add(c.Label, json => WriteClassWithoutProbability(json, c.Label, c.Kind, c.Technique));

        private byte[] TacticPrefix(AttackTactic tactic) => Add(tactic, json => WriteTacticWithoutProbability(json, tactic));

        private byte[] Add(object key, Action<Utf8JsonWriter> writeFields)
        {
            if (_prefixes.Count >= MaxEntries) _prefixes.Clear();
            var bytes = new ArrayBufferWriter<byte>(256);
            using (var json = new Utf8JsonWriter(bytes, options))
            {
                json.WriteStartObject();
                writeFields(json);
                json.WriteNumber(ProbabilityName, 0);
                json.WriteEndObject();
            }
            return _prefixes[key] = bytes.WrittenSpan[..^"0}".Length].ToArray();   // up to and including "probability":
        }
    }

    /// <summary>The model a prediction came from: <c>model</c> {name, version, sha256}.</summary>
    internal static void WriteModel(Utf8JsonWriter w, string name, ModelInfo info)
    {
        w.WritePropertyName(ModelName);
        WriteModelValue(w, name, info);
    }

    /// <summary>The value of <see cref="WriteModel"/>'s <c>model</c> property (a stream writes it once and copies the bytes).</summary>
    internal static void WriteModelValue(Utf8JsonWriter w, string name, ModelInfo info)
    {
        w.WriteStartObject();
        w.WriteString(NameName, name);
        w.WriteString("version", ModelVersion(info));
        w.WriteString("sha256", info.Sha256);
        w.WriteEndObject();
    }

    /// <summary>A model's version as outputs name it: the tool version that wrote it, else its file format version.</summary>
    internal static string ModelVersion(ModelInfo info) => info.Metadata?.ToolVersion ?? $"format {info.FormatVersion}";

    /// <summary>The n-grams that pushed the prediction: <c>evidence</c> [{ngram, weight}].</summary>
    internal static void WriteEvidence(Utf8JsonWriter w, IReadOnlyList<Evidence> evidence)
    {
        w.WriteStartArray("evidence");
        foreach (Evidence e in evidence)
        {
            w.WriteStartObject();
            w.WriteString("ngram", e.Feature);
            w.WriteNumber("weight", e.Weight);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// The value of ECS's <c>threat</c> object for a decided technique (ECS threat fields, schemas/threat.yml of the ECS
    /// repository): <c>framework</c> "MITRE ATT&amp;CK"; <c>technique.{id,name,reference}</c> — for a sub-technique its
    /// parent, as ECS nests sub-techniques — and <c>technique.subtechnique.{id,name,reference}</c>; <c>tactic.{id,name,reference}</c>
    /// with one entry per tactic, omitted when the technique has none (revoked ones). ECS declares every technique and
    /// tactic field an array ("normalize: array"), so each is written as one, even with one value.
    /// </summary>
    internal static void WriteEcsThreatValue(Utf8JsonWriter w, AttackTechnique technique, AttackCatalog catalog)
    {
        w.WriteStartObject();
        w.WriteString("framework", "MITRE ATT&CK");
        w.WriteStartObject("technique");
        if (technique.ParentId is { } parentId)
        {
            if (catalog.FindTechnique(parentId) is { } parent) WriteEcsEntry(w, parent.Id, parent.Name, parent.Reference);
            else WriteEcsArray(w, IdName, parentId);   // a catalog always holds a sub-technique's parent; kept total anyway
            w.WriteStartObject("subtechnique");
            WriteEcsEntry(w, technique.Id, technique.Name, technique.Reference);
            w.WriteEndObject();
        }
        else
        {
            WriteEcsEntry(w, technique.Id, technique.Name, technique.Reference);
        }
        w.WriteEndObject();
        if (technique.Tactics.Count > 0)
        {
            w.WriteStartObject("tactic");
            w.WriteStartArray(IdName);
            foreach (AttackTactic t in technique.Tactics) w.WriteStringValue(t.Id);
            w.WriteEndArray();
            w.WriteStartArray(NameName);
            foreach (AttackTactic t in technique.Tactics) w.WriteStringValue(t.Name);
            w.WriteEndArray();
            w.WriteStartArray(ReferenceName);
            foreach (AttackTactic t in technique.Tactics) w.WriteStringValue(t.Reference);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteEcsEntry(Utf8JsonWriter w, string id, string name, string reference)
    {
        WriteEcsArray(w, IdName, id);
        WriteEcsArray(w, NameName, name);
        WriteEcsArray(w, ReferenceName, reference);
    }

    private static void WriteEcsArray(Utf8JsonWriter w, JsonEncodedText property, string value)
    {
        w.WriteStartArray(property);
        w.WriteStringValue(value);
        w.WriteEndArray();
    }
}
