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
/// <remarks>Property names are encoded once (<see cref="JsonEncodedText"/>): predict writes them for every event.</remarks>
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

    /// <summary>The top-level names <see cref="WriteFields"/> writes (output records must not reuse them).</summary>
    internal static readonly string[] FieldNames = ["label", "kind", "technique_id", "technique_name", "tactics", "probability", "top", "top_tactics"];

    internal static string KindName(LabelKind kind) => kind switch
    {
        LabelKind.Technique => "technique",
        LabelKind.Benign => "benign",
        LabelKind.Other => "other",
        _ => "unknown",
    };

    internal static void WriteFields(Utf8JsonWriter w, Prediction prediction)
    {
        WriteClass(w, prediction.Label, prediction.Kind, prediction.Technique, prediction.Probability);
        w.WriteStartArray(TopName);
        foreach (ClassProbability c in prediction.Top)
        {
            w.WriteStartObject();
            WriteClass(w, c.Label, c.Kind, c.Technique, c.Probability);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray(TopTacticsName);
        foreach (TacticProbability t in prediction.TopTactics)
        {
            w.WriteStartObject();
            w.WriteString(IdName, t.Tactic.Id);
            w.WriteString(NameName, t.Tactic.Name);
            w.WriteNumber(ProbabilityName, t.Probability);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteClass(Utf8JsonWriter w, string label, LabelKind kind, AttackTechnique? technique, double probability)
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
        w.WriteNumber(ProbabilityName, probability);
    }

    /// <summary>The model a prediction came from: <c>model</c> {name, version, sha256}.</summary>
    internal static void WriteModel(Utf8JsonWriter w, string name, ModelInfo info)
    {
        w.WriteStartObject("model");
        w.WriteString(NameName, name);
        w.WriteString("version", info.Metadata?.ToolVersion ?? $"format {info.FormatVersion}");
        w.WriteString("sha256", info.Sha256);
        w.WriteEndObject();
    }

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
