using System.Text;

namespace AttackClassifier.Data;

/// <summary>
/// A streaming RFC 4180 record reader: fields separated by commas, records by CRLF, LF or a lone CR; a field that
/// starts with <c>"</c> is quoted and may contain commas, line breaks and doubled quotes (<c>""</c> → <c>"</c>).
/// Holds one record in memory at a time.
/// </summary>
/// <remarks>
/// Leniency follows Python's <c>csv</c> module (which the study's pandas used) where RFC 4180 is silent:
/// a quote inside an unquoted field is a literal character (command lines are full of them). Where the input is
/// ambiguous it is an error instead: text after a closing quote, or end of file inside a quoted field.
/// Lines that are entirely empty are not records (as pandas' <c>skip_blank_lines</c>).
/// </remarks>
internal sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly string _source;
    private readonly StringBuilder _field = new();
    private long _line = 1;      // physical line of the next unread character
    private int _peeked = -2;    // one character of look-ahead; −2 = none

    internal CsvRecordReader(TextReader reader, string source)
    {
        _reader = reader;
        _source = source;
    }

    /// <summary>The 1-based physical line on which the last record returned starts.</summary>
    internal long RecordLine { get; private set; }

    /// <summary>The 1-based physical line on which each field of the last record starts.</summary>
    internal List<long> FieldLines { get; } = [];

    /// <summary>Reads the next record into <paramref name="fields"/>; false at end of input.</summary>
    internal bool TryReadRecord(List<string> fields)
    {
        fields.Clear();
        FieldLines.Clear();
        int c;
        // Skip empty lines between records.
        while (true)
        {
            c = Peek();
            if (c == -1) return false;
            if (c == '\n' || c == '\r') { ReadLineBreak(); continue; }
            break;
        }
        RecordLine = _line;
        while (true)
        {
            FieldLines.Add(_line);
            bool endOfRecord = ReadField(out string value);
            fields.Add(value);
            if (endOfRecord) return true;
        }
    }

    // Reads one field and its terminator; returns true when the terminator ended the record.
    private bool ReadField(out string value)
    {
        _field.Clear();
        if (Peek() == '"')
        {
            long openLine = _line;
            Read();
            while (true)
            {
                int c = Read();
                if (c == -1) throw new DatasetFormatException(_source, openLine, null, "unterminated quoted field: the file ends before its closing quote.");
                if (c == '"')
                {
                    if (Peek() == '"') { Read(); _field.Append('"'); continue; }
                    break;
                }
                if (c == '\r' && Peek() == '\n') { Read(); _field.Append("\r\n"); _line++; continue; }
                if (c == '\n' || c == '\r') _line++;
                _field.Append((char)c);
            }
            value = _field.ToString();
            int after = Peek();
            if (after == ',') { Read(); return false; }
            if (after == -1) return true;
            if (after == '\n' || after == '\r') { ReadLineBreak(); return true; }
            throw new DatasetFormatException(_source, _line, null, $"unexpected character '{Printable((char)after)}' after a closing quote (a quote inside a quoted field must be doubled).");
        }
        while (true)
        {
            int c = Peek();
            if (c == -1) { value = _field.ToString(); return true; }
            if (c == ',') { Read(); value = _field.ToString(); return false; }
            if (c == '\n' || c == '\r') { ReadLineBreak(); value = _field.ToString(); return true; }
            _field.Append((char)Read());
        }
    }

    private void ReadLineBreak()
    {
        if (Read() == '\r' && Peek() == '\n') Read();
        _line++;
    }

    private int Peek()
    {
        if (_peeked == -2) _peeked = ReadRaw();
        return _peeked;
    }

    private int Read()
    {
        int c = Peek();
        _peeked = -2;
        return c;
    }

    private int ReadRaw()
    {
        try
        {
            return _reader.Read();
        }
        catch (DecoderFallbackException e)
        {
            throw new DatasetFormatException(_source, _line, null, $"the file is not valid UTF-8 ({e.Message}).", e);
        }
    }

    internal static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString();
}
