using System.Globalization;
using System.Text;
using AttackClassifier.Attack;
using AttackClassifier.Data;

namespace AttackClassifier.Review;

/// <summary>
/// The review queue as a CSV an analyst fills in, and the filled-in file read back as training data. Columns:
/// the training schema (<c>proctitle, technique, technique_grouped, count</c>: <c>technique_grouped</c> and <c>technique</c>
/// empty to fill, <c>count</c> = occurrences) then <c>predicted, probability, top3, occurrences, normalized</c>.
/// Because the first four columns are the training schema, the filled file is a training file as it is.
/// </summary>
public static class ReviewCsv
{
    /// <summary>The review columns after the training schema's, in file order.</summary>
    public static IReadOnlyList<string> ReviewColumns { get; } = ["predicted", "probability", "top3", "occurrences", "normalized"];

    private static readonly string[] TrainingColumns = [CommandCsv.ProctitleColumn, CommandCsv.TechniqueColumn, CommandCsv.TechniqueGroupedColumn, CommandCsv.CountColumn];

    /// <summary>Writes the queue (LF line ends, RFC 4180 quoting, probabilities with 4 decimals). <c>top3</c> is
    /// <c>label (p) | label (p) | label (p)</c>.</summary>
    public static void Write(TextWriter writer, IEnumerable<ReviewItem> queue)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(queue);
        writer.Write(string.Join(',', TrainingColumns.Concat(ReviewColumns)));
        writer.Write('\n');
        var ci = CultureInfo.InvariantCulture;
        foreach (ReviewItem item in queue)
        {
            CommandCsv.WriteField(writer, item.CommandLine);
            writer.Write(",,,");                                                   // technique, technique_grouped: to fill
            writer.Write(item.Occurrences.ToString(ci));                          // count: every occurrence is an observation
            writer.Write(',');
            CommandCsv.WriteField(writer, item.Prediction.Label);
            writer.Write(',');
            writer.Write(item.Prediction.Probability.ToString("F4", ci));
            writer.Write(',');
            CommandCsv.WriteField(writer, string.Join(" | ", item.Prediction.Top.Select(c => string.Create(ci, $"{c.Label} ({c.Probability:F4})"))));
            writer.Write(',');
            writer.Write(item.Occurrences.ToString(ci));
            writer.Write(',');
            CommandCsv.WriteField(writer, item.Normalized);
            writer.Write('\n');
        }
    }

    /// <summary>Writes the queue to a new UTF-8 file (no BOM).</summary>
    public static void WriteFile(string path, IEnumerable<ReviewItem> queue)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(writer, queue);
    }

    /// <summary>
    /// Reads a labelled file (a filled review queue, or any file in the training schema) for retraining a model whose classes
    /// are <paramref name="modelLabels"/>. Rows with an empty label are queue rows the analyst left open: skipped and counted in
    /// <see cref="CommandDataset.SkippedRows"/>. Rows for commands that were never in a queue are just more data.
    /// </summary>
    /// <exception cref="DatasetFormatException">Naming file, line and field: a column that is neither the training schema's nor
    /// the review queue's; a label naming one of the model's classes in other words, or in another label schema (see
    /// <see cref="LabelSchema"/>); or any error of <see cref="CommandCsvReader"/>.</exception>
    public static CommandDataset ReadLabelled(string path, IReadOnlyList<string> modelLabels, string labelColumn = CommandCsv.TechniqueGroupedColumn)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(modelLabels);
        var options = new DatasetReadOptions { LabelColumn = labelColumn, EmptyLabel = EmptyFieldHandling.Skip };
        using CommandCsvReader reader = CommandCsvReader.Open(path, options);
        var known = new HashSet<string>(TrainingColumns.Concat(ReviewColumns).Append(labelColumn), StringComparer.Ordinal);
        foreach (string column in reader.Columns)
            if (!known.Contains(column))
                throw new DatasetFormatException(path, 1, column, $"unknown column: a labelled file has the training schema ({string.Join(", ", TrainingColumns)}) and optionally the review queue's columns ({string.Join(", ", ReviewColumns)}).");
        var schema = new LabelSchema(modelLabels, AttackCatalog.Default);
        var records = new List<CommandRecord>();
        while (reader.TryRead(out CommandRecord record))
        {
            if (schema.Problem(record.Label) is { } problem) throw new DatasetFormatException(path, reader.Line, labelColumn, problem);
            records.Add(record);
        }
        return new CommandDataset(records).WithSkippedRows(reader.SkippedRows);
    }
}

/// <summary>
/// Whether a label fits the label schema of a model's classes. A label that is one of the classes fits; a new label is a new
/// class and fits too, unless it names an existing class in other words or follows another schema:
/// <list type="bullet">
/// <item>a benign label other than the model's own (<c>Benign</c> where the model says <c>Normal</c>);</item>
/// <item>the technique of one of the model's classes written differently (<c>T1105</c> where the model says
/// <c>T1105: Ingress Tool Transfer</c>);</item>
/// <item>a sub-technique (<c>T1059.004: Unix Shell</c>) where every technique class of the model is a parent technique — the
/// model was trained on <c>technique_grouped</c>;</item>
/// <item>a technique ID without its name where the model's technique classes are written <c>ID: Name</c>.</item>
/// </list>
/// </summary>
internal sealed class LabelSchema
{
    private readonly HashSet<string> _labels;
    private readonly Dictionary<string, string> _byTechnique = new(StringComparer.Ordinal);   // technique ID → the model's label
    private readonly string? _benign;
    private readonly bool _parentsOnly, _named;
    private readonly AttackCatalog _catalog;

    internal LabelSchema(IReadOnlyList<string> modelLabels, AttackCatalog catalog)
    {
        _catalog = catalog;
        _labels = new HashSet<string>(modelLabels, StringComparer.Ordinal);
        int techniques = 0, parents = 0, named = 0;
        foreach (string label in modelLabels)
        {
            AttackLabel resolved = catalog.Resolve(label);
            if (resolved.Kind == LabelKind.Benign) _benign ??= label;
            if (resolved.Technique is not { } t) continue;
            techniques++;
            if (t.ParentId is null) parents++;
            if (label.Contains(':', StringComparison.Ordinal)) named++;
            _byTechnique.TryAdd(t.Id, label);
        }
        _parentsOnly = techniques > 0 && parents == techniques;
        _named = techniques > 0 && named == techniques;
    }

    /// <summary>Null when <paramref name="label"/> fits; otherwise what is wrong and what to write instead.</summary>
    internal string? Problem(string label)
    {
        if (_labels.Contains(label)) return null;
        AttackLabel resolved = _catalog.Resolve(label);
        if (resolved.Kind == LabelKind.Benign)
            return _benign is null ? null : $"'{label}' names the model's benign class in other words; write '{_benign}'.";
        if (resolved.Technique is not { } t) return null;   // a new class outside the catalog (e.g. a local category)
        if (_byTechnique.TryGetValue(t.Id, out string? same)) return $"'{label}' names the model's class '{same}' in other words; write '{same}'.";
        if (_parentsOnly && t.ParentId is not null)
            return $"'{label}' is a sub-technique, but the model's classes are parent techniques (the technique_grouped schema); write '{_catalog.ToParentLabel(label)}'.";
        if (_named && !label.Contains(':', StringComparison.Ordinal))
            return $"'{label}' has no technique name, unlike the model's classes; write '{t.Id}: {t.Name}'.";
        return null;
    }
}
