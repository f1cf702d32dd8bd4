using System.Text.Json;
using AttackClassifier.Attack;
using AttackClassifier.Classification;
using AttackClassifier.Serialization;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// The one place a <see cref="Prediction"/> becomes JSON fields (predict's JSONL, and every output that embeds a prediction):
/// <c>label</c>, <c>kind</c>, <c>technique_id</c>, <c>technique_name</c>, <c>tactics</c> [{id, name}], <c>probability</c>,
/// <c>top</c> (each with the same fields), <c>top_tactics</c> [{id, name, probability}].
/// </summary>
internal static class PredictionJson
{
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
        w.WriteStartArray("top");
        foreach (ClassProbability c in prediction.Top)
        {
            w.WriteStartObject();
            WriteClass(w, c.Label, c.Kind, c.Technique, c.Probability);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("top_tactics");
        foreach (TacticProbability t in prediction.TopTactics)
        {
            w.WriteStartObject();
            w.WriteString("id", t.Tactic.Id);
            w.WriteString("name", t.Tactic.Name);
            w.WriteNumber("probability", t.Probability);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteClass(Utf8JsonWriter w, string label, LabelKind kind, AttackTechnique? technique, double probability)
    {
        w.WriteString("label", label);
        w.WriteString("kind", KindName(kind));
        if (technique is null)
        {
            w.WriteNull("technique_id");
            w.WriteNull("technique_name");
        }
        else
        {
            w.WriteString("technique_id", technique.Id);
            w.WriteString("technique_name", technique.Name);
        }
        w.WriteStartArray("tactics");
        foreach (AttackTactic t in technique?.Tactics ?? [])
        {
            w.WriteStartObject();
            w.WriteString("id", t.Id);
            w.WriteString("name", t.Name);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("probability", probability);
    }

    /// <summary>The model a prediction came from: <c>model</c> {name, version, sha256}.</summary>
    internal static void WriteModel(Utf8JsonWriter w, string name, ModelInfo info)
    {
        w.WriteStartObject("model");
        w.WriteString("name", name);
        w.WriteString("version", info.Metadata?.ToolVersion ?? $"format {info.FormatVersion}");
        w.WriteString("sha256", info.Sha256);
        w.WriteEndObject();
    }
}
