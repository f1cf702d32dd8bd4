using System.Globalization;
using System.Text;

namespace AttackClassifier.Data;

/// <summary>What to do with a row whose command line or label is empty.</summary>
public enum EmptyFieldHandling
{
    /// <summary>Stop with a <see cref="DatasetFormatException"/> naming the file, line and field (the default).</summary>
    Error,

    /// <summary>Leave the row out and count it in <see cref="CommandDataset.SkippedRows"/>.</summary>
    Skip,
}

/// <summary>How a dataset CSV is read.</summary>
public sealed record DatasetReadOptions
{
    /// <summary>The column holding the class to learn: <c>technique_grouped</c> (the study's choice, default) or e.g. <c>technique</c>.</summary>
    public string LabelColumn { get; init; } = CommandCsv.TechniqueGroupedColumn;

    /// <summary>What to do with an empty <c>proctitle</c>. Default: error.</summary>
    public EmptyFieldHandling EmptyCommandLine { get; init; } = EmptyFieldHandling.Error;

    /// <summary>What to do with an empty label. Default: error.</summary>
    public EmptyFieldHandling EmptyLabel { get; init; } = EmptyFieldHandling.Error;
}

/// <summary>
/// Streams <see cref="CommandRecord"/>s out of a CSV in the study's schema: a header naming at least
/// <c>proctitle</c>, <c>technique_grouped</c> (or the chosen label column) and <c>count</c>, in any order; other columns are ignored,
/// <c>technique</c> is kept when present. UTF-8 with or without BOM, CRLF or LF, RFC 4180 quoting.
/// </summary>
internal sealed class CommandCsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly bool _ownsReader;
    private readonly CsvRecordReader _records;
    private readonly DatasetReadOptions _options;
    private readonly string _source;
    private readonly List<string> _fields = [];
    private readonly int _commandColumn, _labelColumn, _countColumn, _techniqueColumn;

    /// <summary>Reads from <paramref name="reader"/>; <paramref name="sourceName"/> is the name errors give for the input.</summary>
    /// <exception cref="DatasetFormatException">The header is missing, lacks a required column, or repeats one.</exception>
    public CommandCsvReader(TextReader reader, string sourceName, DatasetReadOptions? options = null)
        : this(reader, sourceName, options, ownsReader: false) { }

    private CommandCsvReader(TextReader reader, string sourceName, DatasetReadOptions? options, bool ownsReader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _ownsReader = ownsReader;
        _source = sourceName;
        _options = options ?? new DatasetReadOptions();
        _records = new CsvRecordReader(reader, sourceName);
        if (!_records.TryReadRecord(_fields))
            throw new DatasetFormatException(sourceName, 1, null, $"the file is empty; expected a header with the columns {CommandCsv.ProctitleColumn}, {_options.LabelColumn}, {CommandCsv.CountColumn}.");
        Columns = _fields.Select(f => f.Trim()).ToArray();
        for (int i = 0; i < Columns.Count; i++)
            for (int j = 0; j < i; j++)
                if (Columns[i] == Columns[j])
                    throw new DatasetFormatException(sourceName, 1, Columns[i], "the header names this column twice.");
        _commandColumn = Require(CommandCsv.ProctitleColumn);
        _labelColumn = Require(_options.LabelColumn);
        _countColumn = Require(CommandCsv.CountColumn);
        _techniqueColumn = IndexOf(CommandCsv.TechniqueColumn);
    }

    /// <summary>Opens a file (UTF-8, BOM optional; invalid UTF-8 is an error, not a replacement character).</summary>
    public static CommandCsvReader Open(string path, DatasetReadOptions? options = null)
    {
        var reader = new StrictUtf8Reader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan));
        try
        {
            return new CommandCsvReader(reader, path, options, ownsReader: true);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The header's column names, trimmed, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows left out so far under <see cref="EmptyFieldHandling.Skip"/>.</summary>
    public long SkippedRows { get; private set; }

    /// <summary>Sum of the counts read so far (finite: a row that would make it infinite is an error).</summary>
    public double TotalObservations { get; private set; }

    /// <summary>The physical line on which the last record read starts.</summary>
    public long Line => _records.RecordLine;

    /// <summary>Reads the next record; false at the end of the input.</summary>
    /// <exception cref="DatasetFormatException">The record is malformed; the message names the file, line and field.</exception>
    public bool TryRead(out CommandRecord record)
    {
        while (_records.TryReadRecord(_fields))
        {
            long line = _records.RecordLine;
            if (_fields.Count != Columns.Count)
                throw new DatasetFormatException(_source, line, null, $"expected {Columns.Count} fields as in the header, found {_fields.Count} (an unquoted comma in a command line? quote the field).");
            string command = _fields[_commandColumn];
            string label = _fields[_labelColumn];
            if (command.Length == 0 && Empty(_options.EmptyCommandLine, _commandColumn)) continue;
            if (label.Length == 0 && Empty(_options.EmptyLabel, _labelColumn)) continue;
            double count = ParseCount(_fields[_countColumn], _records.FieldLines[_countColumn]);
            // Counts are sample weights, summed by consolidation, metrics and the loss: a total beyond double range would
            // surface later as an infinite objective or NaN metrics, far from the row that caused it.
            TotalObservations += count;
            if (double.IsInfinity(TotalObservations))
                throw new DatasetFormatException(_source, _records.FieldLines[_countColumn], CommandCsv.CountColumn,
                    $"{Shorten(_fields[_countColumn])} brings the sum of the counts beyond {double.MaxValue:G3} (double range); counts are sample weights and their total must be finite.");
            string? technique = _techniqueColumn >= 0 ? _fields[_techniqueColumn] : null;
            record = new CommandRecord(command, label, count, technique);
            return true;
        }
        record = default;
        return false;
    }

    /// <summary>All remaining records, streamed.</summary>
    public IEnumerable<CommandRecord> ReadAll()
    {
        while (TryRead(out CommandRecord record)) yield return record;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsReader) _reader.Dispose();
    }

    // True when the row is to be skipped; throws under EmptyFieldHandling.Error.
    private bool Empty(EmptyFieldHandling handling, int column)
    {
        if (handling == EmptyFieldHandling.Error)
            throw new DatasetFormatException(_source, _records.FieldLines[column], Columns[column], "is empty (pass an option to skip such rows if that is intended).");
        SkippedRows++;
        return true;
    }

    private double ParseCount(string text, long line)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double count) || text.Trim().Length == 0)
            throw new DatasetFormatException(_source, line, CommandCsv.CountColumn, $"'{Shorten(text)}' is not a number.");
        if (!double.IsFinite(count))
            throw new DatasetFormatException(_source, line, CommandCsv.CountColumn, $"'{Shorten(text)}' is not finite; a count must be a finite number ≥ 0.");
        if (count < 0)
            throw new DatasetFormatException(_source, line, CommandCsv.CountColumn, $"{Shorten(text)} is negative; a count must be ≥ 0.");
        return count;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private int IndexOf(string column)
    {
        for (int i = 0; i < Columns.Count; i++) if (Columns[i] == column) return i;
        return -1;
    }

    private int Require(string column)
    {
        int i = IndexOf(column);
        if (i < 0)
            throw new DatasetFormatException(_source, 1, column, $"required column is missing from the header (found: {string.Join(", ", Columns)}).");
        return i;
    }
}

/// <summary>The study's CSV schema: column names, reading a whole file and writing records back.</summary>
internal static class CommandCsv
{
    /// <summary>The command-line column.</summary>
    public const string ProctitleColumn = "proctitle";

    /// <summary>The fine-grained technique column (optional).</summary>
    public const string TechniqueColumn = "technique";

    /// <summary>The grouped technique column: the study's class.</summary>
    public const string TechniqueGroupedColumn = "technique_grouped";

    /// <summary>The observation-count column: the sample weight.</summary>
    public const string CountColumn = "count";

    /// <summary>Writes records in the study's schema (<c>proctitle,technique,technique_grouped,count</c>), LF line ends, quoting as RFC 4180 requires.</summary>
    public static void Write(TextWriter writer, IEnumerable<CommandRecord> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        writer.Write($"{ProctitleColumn},{TechniqueColumn},{TechniqueGroupedColumn},{CountColumn}\n");
        foreach (CommandRecord r in records)
        {
            WriteField(writer, r.CommandLine);
            writer.Write(',');
            WriteField(writer, r.Technique ?? "");
            writer.Write(',');
            WriteField(writer, r.Label);
            writer.Write(',');
            writer.Write(r.Count.ToString("R", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    /// <summary>Writes records to a new UTF-8 file (no BOM).</summary>
    public static void WriteFile(string path, IEnumerable<CommandRecord> records)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(writer, records);
    }

    /// <summary>One field, quoted (RFC 4180) only when it holds a comma, quote or line break.</summary>
    internal static void WriteField(TextWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
