using System.Globalization;
using System.Text;
using AttackClassifier.Classification;
using AttackClassifier.Cli.Commands;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Cli.Output;

/// <summary>
/// The text format: one line per input record, tab-separated, with the same number of columns on every line of a run:
/// <c>line</c>, <c>kind</c> (technique, benign, other, unknown or error; <c>,truncated</c> appended when the reader cut the
/// command), <c>top</c> (<c>label probability</c> pairs joined by <c>; </c>, or the error message), <c>evidence</c> with
/// <c>--explain</c>, one column per <c>--keep</c> field, and last the input command.
/// </summary>
/// <remarks>
/// Every value that comes from the input or the model — command, error message, labels, n-grams, kept fields — goes through
/// <see cref="TextEscaping.EscapeForText"/>, which escapes tab, CR, LF, every other control character, the Unicode line
/// separators and bidi controls: no input can add a line or a column, or rewrite the terminal. The escaping is reversible
/// (<c>\\</c> for a backslash), so the command column reads back exactly.
/// </remarks>
internal sealed class TextRecordWriter(OutputBuffer output, bool explain, KeptFields kept) : IRecordWriter
{
    private readonly StringBuilder _line = new(256);

    public void Write(TelemetryRecord record, Prediction? prediction, IReadOnlyList<Evidence>? evidence)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        _line.Clear();
        _line.Append(record.LineNumber.ToString(ci)).Append('\t');
        _line.Append(prediction is null ? "error" : PredictionJson.KindName(prediction.Kind));
        if (record.Truncated) _line.Append(",truncated");
        _line.Append('\t');
        if (prediction is null)
        {
            _line.Append(TextEscaping.EscapeForText(record.Error ?? "no command"));
        }
        else
        {
            for (int i = 0; i < prediction.Top.Count; i++)
            {
                ClassProbability c = prediction.Top[i];
                if (i > 0) _line.Append("; ");
                _line.Append(TextEscaping.EscapeForText(c.Label)).Append(' ').Append(c.Probability.ToString("F3", ci));
            }
        }
        if (explain)
        {
            _line.Append("\tbecause: ");
            for (int i = 0; i < (evidence?.Count ?? 0); i++)
            {
                if (i > 0) _line.Append(", ");
                _line.Append('\'').Append(TextEscaping.EscapeForText(evidence![i].Feature)).Append("' ").Append(evidence[i].Weight.ToString("+0.000;-0.000", ci));
            }
        }
        for (int k = 0; k < kept.ColumnCount; k++)
            _line.Append('\t').Append(TextEscaping.EscapeForText(kept.Text(k, record) ?? ""));
        _line.Append('\t').Append(TextEscaping.EscapeForText(record.CommandLine ?? ""));
        output.WriteText(_line.ToString());
        output.EndRecord();
    }
}
