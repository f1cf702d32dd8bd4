using System.Globalization;
using System.Text.Json;
using AttackClassifier.Attack;
using AttackClassifier.Classification;
using AttackClassifier.Data;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// The two errors that cost a SOC most, on labelled data with a benign class: benign rows the classifier answers with a
/// technique (false alarms), and technique rows it calls benign (missed attacks). Decisions as <c>predict</c> makes them,
/// at the classifier's abstention threshold (an unsure answer is neither). Count-weighted and per row.
/// </summary>
internal sealed record BenignRates(int BenignRows, double BenignFalseTechniqueRows, double BenignFalseTechniqueWeighted,
                                   int AttackRows, double AttackToBenignRows, double AttackToBenignWeighted)
{
    internal static BenignRates Compute(IAttackClassifier classifier, CommandDataset data)
    {
        Prediction[] predictions = classifier.PredictBatch(data.CommandLines(), top: 1);
        int benignRows = 0, attackRows = 0, falseTechnique = 0, missed = 0;
        double benignWeight = 0, attackWeight = 0, falseTechniqueWeight = 0, missedWeight = 0;
        for (int i = 0; i < predictions.Length; i++)
        {
            CommandRecord r = data.Records[i];
            LabelKind truth = AttackCatalog.Default.Resolve(r.Label).Kind;
            if (truth == LabelKind.Benign)
            {
                benignRows++;
                benignWeight += r.Count;
                if (predictions[i].Kind == LabelKind.Technique) { falseTechnique++; falseTechniqueWeight += r.Count; }
            }
            else if (truth == LabelKind.Technique)
            {
                attackRows++;
                attackWeight += r.Count;
                if (predictions[i].Kind == LabelKind.Benign) { missed++; missedWeight += r.Count; }
            }
        }
        return new BenignRates(benignRows, Share(falseTechnique, benignRows), Share(falseTechniqueWeight, benignWeight),
                               attackRows, Share(missed, attackRows), Share(missedWeight, attackWeight));
    }

    private static double Share(double part, double whole) => whole > 0 ? part / whole : double.NaN;

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject("benign");
        w.WriteNumber("benign_rows", BenignRows);
        MetricsOutput.Number(w, "false_technique_rate_rows", BenignFalseTechniqueRows);
        MetricsOutput.Number(w, "false_technique_rate_weighted", BenignFalseTechniqueWeighted);
        w.WriteNumber("technique_rows", AttackRows);
        MetricsOutput.Number(w, "technique_to_benign_rate_rows", AttackToBenignRows);
        MetricsOutput.Number(w, "technique_to_benign_rate_weighted", AttackToBenignWeighted);
        w.WriteEndObject();
    }

    internal void WriteText(TextWriter output)
    {
        var ci = CultureInfo.InvariantCulture;
        if (BenignRows > 0)
            output.WriteLine(string.Create(ci, $"benign rows answered with a technique: {BenignFalseTechniqueRows:P2} of {BenignRows} rows ({BenignFalseTechniqueWeighted:P2} count-weighted)"));
        if (AttackRows > 0)
            output.WriteLine(string.Create(ci, $"technique rows called benign: {AttackToBenignRows:P2} of {AttackRows} rows ({AttackToBenignWeighted:P2} count-weighted)"));
    }
}
