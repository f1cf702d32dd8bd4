using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace AttackClassifier.Telemetry;

/// <summary>
/// One line of a Linux audit log, split into its header and body: the one owner of auditd's record syntax (header,
/// fields, value encodings), used by <see cref="AuditdEventReader"/> and by <c>Data.AuditdProctitle</c>.
/// </summary>
/// <remarks>
/// Raw records, as auditd writes them (<c>auditd.conf log_format = RAW</c> or <c>ENRICHED</c>):
/// <c>[node=NAME ]type=TYPE msg=audit(SECONDS.MILLIS:SERIAL): key=value …</c>. The kernel writes an untrusted string
/// (an argument, <c>exe</c>, <c>cwd</c>, <c>proctitle</c>) double-quoted when every byte is printable ASCII other than
/// <c>"</c> and space, and as upper-case hex otherwise (<c>audit_log_n_untrustedstring</c>, kernel/audit.c); quoted values
/// therefore never contain a quote or a space. ENRICHED logs append the interpreted fields after a 0x1D (GS) byte
/// (<c>AUID="alice" UID="root"</c>). Interpreted records, as <c>ausearch -i</c> prints them, have a local-time stamp and a
/// space before the colon (<c>msg=audit(11/28/2026 10:00:00.123:456) : </c>) and already-decoded values, unquoted.
/// Old userspace prints record types it does not know as <c>UNKNOWN[n]</c>; the numbers of the types read here are
/// mapped to their names (include/uapi/linux/audit.h).
/// </remarks>
internal sealed class AuditdRecord
{
    private const char GroupSeparator = '\u001d';

    private AuditdRecord(string line, string? node, string type, string time, string serial, bool interpreted, int bodyStart)
    {
        Line = line;
        Node = node;
        Type = type;
        Time = time;
        Serial = serial;
        Interpreted = interpreted;
        BodyStart = bodyStart;
    }

    /// <summary>The line, trimmed.</summary>
    internal string Line { get; }

    /// <summary>The <c>node=</c> prefix (set by auditd's <c>name_format</c>), or null.</summary>
    internal string? Node { get; }

    /// <summary>The record type (<c>SYSCALL</c>, <c>EXECVE</c>, …).</summary>
    internal string Type { get; }

    /// <summary>TIME of <c>msg=audit(TIME:SERIAL)</c>: epoch seconds with milliseconds, or local time when interpreted.</summary>
    internal string Time { get; }

    /// <summary>SERIAL of <c>msg=audit(TIME:SERIAL)</c>: the event's number; every record of one event shares TIME:SERIAL.</summary>
    internal string Serial { get; }

    /// <summary>Printed by <c>ausearch -i</c>: values decoded, unquoted.</summary>
    internal bool Interpreted { get; }

    private int BodyStart { get; }

    /// <summary>The fields after the header.</summary>
    internal ReadOnlySpan<char> Body => Line.AsSpan(BodyStart);

    /// <summary>Parses the header of <paramref name="line"/>.</summary>
    /// <param name="line">One line of an audit log.</param>
    /// <param name="record">The parsed record.</param>
    /// <param name="type">The record type when the line got as far as <c>type=</c> (so a caller can tell a broken
    /// PROCTITLE record from a line that is not an audit record), else null.</param>
    /// <param name="error">Why the line is not a well-formed audit record.</param>
    internal static bool TryParse(string line, [NotNullWhen(true)] out AuditdRecord? record, out string? type, [NotNullWhen(false)] out string? error)
    {
        record = null;
        type = null;
        string t = line.Trim();
        int pos = 0;
        string? node = null;
        if (t.StartsWith("node=", StringComparison.Ordinal))
        {
            int space = t.IndexOf(' ');
            if (space < 0) return Fail("not an audit record: nothing follows node=.", out error);
            node = t[5..space];
            pos = space + 1;
        }
        if (!t.AsSpan(pos).StartsWith("type=", StringComparison.Ordinal))
            return Fail("not an audit record: expected 'type=TYPE msg=audit(TIME:SERIAL): …'.", out error);
        int typeEnd = t.IndexOf(' ', pos);
        if (typeEnd < 0) typeEnd = t.Length;
        type = NormalizeType(t[(pos + 5)..typeEnd]);
        if (type.Length == 0) return Fail("audit record with an empty type=.", out error);
        ReadOnlySpan<char> rest = t.AsSpan(typeEnd).TrimStart(' ');
        const string Msg = "msg=audit(";
        if (!rest.StartsWith(Msg, StringComparison.Ordinal)) return Fail($"{type} record without msg=audit(TIME:SERIAL).", out error);
        int close = rest.IndexOf(')');
        if (close < 0) return Fail($"{type} record: msg=audit( is not closed.", out error);
        ReadOnlySpan<char> stamp = rest[Msg.Length..close];
        int colon = stamp.LastIndexOf(':');
        if (colon <= 0 || colon == stamp.Length - 1 || !IsDigits(stamp[(colon + 1)..]))
            return Fail($"{type} record: msg=audit({stamp}) is not TIME:SERIAL.", out error);
        ReadOnlySpan<char> after = rest[(close + 1)..];
        bool interpreted = after.StartsWith(" :", StringComparison.Ordinal);
        if (!interpreted && !after.StartsWith(':')) return Fail($"{type} record: msg=audit(…) is not followed by ':'.", out error);
        int bodyStart = t.Length - after.Length + (interpreted ? 2 : 1);
        while (bodyStart < t.Length && t[bodyStart] == ' ') bodyStart++;
        record = new AuditdRecord(t, node, type, stamp[..colon].ToString(), stamp[(colon + 1)..].ToString(), interpreted, bodyStart);
        error = null;
        return true;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (!char.IsAsciiDigit(c)) return false;
        return !s.IsEmpty;
    }

    // UNKNOWN[n] → the name of audit record type n, for the types read here (include/uapi/linux/audit.h).
    private static string NormalizeType(string type) => type switch
    {
        "UNKNOWN[1300]" => "SYSCALL",
        "UNKNOWN[1302]" => "PATH",
        "UNKNOWN[1307]" => "CWD",
        "UNKNOWN[1309]" => "EXECVE",
        "UNKNOWN[1320]" => "EOE",
        "UNKNOWN[1327]" => "PROCTITLE",
        _ => type,
    };

    /// <summary>
    /// The body's <c>key=value</c> fields, in order, values as written (a quoted value keeps its quotes). Fields are
    /// separated by spaces or the ENRICHED format's 0x1D; a word without <c>=</c> is skipped. For EXECVE use
    /// <see cref="TryReadExecveFields"/>: interpreted arguments may contain spaces.
    /// </summary>
    internal bool TryReadFields(List<KeyValuePair<string, string>> fields, [NotNullWhen(false)] out string? error)
    {
        fields.Clear();
        ReadOnlySpan<char> body = Body;
        int i = 0;
        while (i < body.Length)
        {
            if (IsSeparator(body[i])) { i++; continue; }
            int start = i;
            while (i < body.Length && body[i] != '=' && !IsSeparator(body[i])) i++;
            if (i == body.Length || body[i] != '=') continue;   // a word that is not key=value
            string key = body[start..i].ToString();
            int valueStart = ++i;
            if (i < body.Length && body[i] == '"' && !Interpreted)
            {
                int close = body[(i + 1)..].IndexOf('"');
                if (close < 0) return Fail($"{Type} record: the quoted value of {key} is not closed.", out error);
                i += close + 2;
            }
            else
            {
                while (i < body.Length && !IsSeparator(body[i])) i++;
            }
            fields.Add(new(key, body[valueStart..i].ToString()));
        }
        error = null;
        return true;
    }

    private static bool IsSeparator(char c) => c is ' ' or GroupSeparator;

    /// <summary>
    /// An EXECVE body's fields: <c>argc</c>, <c>aN</c>, <c>aN_len</c>, <c>aN[i]</c>. Raw records split like any other.
    /// In interpreted records an argument is printed decoded, spaces included, so a field runs until the next word that
    /// starts one of those keys; words in between (and runs of spaces) belong to the value. An argument whose own text
    /// contains such a word (<c>x a3=y</c>) cannot be told apart; that is <c>ausearch -i</c>'s ambiguity, not ours.
    /// </summary>
    internal bool TryReadExecveFields(List<KeyValuePair<string, string>> fields, [NotNullWhen(false)] out string? error)
    {
        if (!Interpreted) return TryReadFields(fields, out error);
        fields.Clear();
        string? key = null;
        var value = new StringBuilder();
        foreach (string word in Body.ToString().Split(' '))
        {
            int eq = word.IndexOf('=');
            if (eq > 0 && IsExecveKey(word.AsSpan(0, eq)))
            {
                if (key is not null) fields.Add(new(key, value.ToString()));
                key = word[..eq];
                value.Clear().Append(word, eq + 1, word.Length - eq - 1);
            }
            else if (key is not null)
            {
                value.Append(' ').Append(word);
            }
        }
        if (key is not null) fields.Add(new(key, value.ToString()));
        error = null;
        return true;
    }

    /// <summary>argc, aN, aN_len or aN[i].</summary>
    internal static bool IsExecveKey(ReadOnlySpan<char> key) =>
        key.SequenceEqual("argc") || TryParseArgumentKey(key, out _, out _, out _);

    /// <summary>Splits an argument key: <c>a3</c> (index 3, chunk −1), <c>a3[1]</c> (chunk 1), <c>a3_len</c> (isLength).</summary>
    internal static bool TryParseArgumentKey(ReadOnlySpan<char> key, out int index, out int chunk, out bool isLength)
    {
        index = chunk = -1;
        isLength = false;
        if (key.Length < 2 || key[0] != 'a') return false;
        int digits = 1;
        while (digits < key.Length && char.IsAsciiDigit(key[digits])) digits++;
        if (digits == 1 || !int.TryParse(key[1..digits], NumberStyles.None, CultureInfo.InvariantCulture, out index)) return false;
        ReadOnlySpan<char> suffix = key[digits..];
        if (suffix.IsEmpty) return true;
        if (suffix.SequenceEqual("_len")) return isLength = true;
        return suffix.Length > 2 && suffix[0] == '[' && suffix[^1] == ']'
            && int.TryParse(suffix[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out chunk);
    }

    /// <summary>
    /// An untrusted-string field (<c>exe</c>, <c>cwd</c>) as text: quoted → the text inside; even-length hex → its bytes
    /// as UTF-8; anything else (<c>(null)</c>, interpreted text) as written. Not for numeric fields, whose digits would
    /// read as hex.
    /// </summary>
    internal string DecodeString(string value)
    {
        if (Interpreted) return value;
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') return value[1..^1];
        if (value.Length % 2 == 0 && IsHex(value)) return Encoding.UTF8.GetString(Convert.FromHexString(value));
        return value;
    }

    /// <summary>An EXECVE argument (or chunk of one) as bytes: quoted → its ASCII text, hex → the bytes it encodes;
    /// interpreted → the text as UTF-8.</summary>
    internal bool TryDecodeArgument(string key, string value, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (Interpreted)
            bytes = Encoding.UTF8.GetBytes(value);
        else if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            bytes = Encoding.UTF8.GetBytes(value, 1, value.Length - 2);
        else if (value.Length % 2 == 0 && IsHex(value))
            bytes = Convert.FromHexString(value);
        else
        {
            bytes = null;
            error = $"EXECVE record: {key}={Abbreviate(value)} is neither quoted nor even-length hex.";
        }
        return bytes is not null;
    }

    private static string Abbreviate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    /// <summary>The command line of a PROCTITLE record (see <see cref="DecodeProctitleValue"/>); interpreted records
    /// carry the decoded text to the end of the line.</summary>
    /// <exception cref="FormatException">No <c>proctitle=</c> field, or a malformed value.</exception>
    internal string DecodeProctitle()
    {
        const string Field = "proctitle=";
        ReadOnlySpan<char> body = Body;
        int start = FindField(body, Field);
        if (start < 0) throw new FormatException("PROCTITLE record without a proctitle= field.");
        ReadOnlySpan<char> value = body[(start + Field.Length)..];
        // ausearch -i has decoded the value already: a command such as "df" or "cc" must not be read as hex there.
        if (!Interpreted) return DecodeProctitleValue(value);
        if (value.IsEmpty) throw new FormatException("proctitle has no value.");
        return value.ToString();
    }

    // The field that starts the body or follows a space, not one inside another value.
    private static int FindField(ReadOnlySpan<char> body, string field)
    {
        for (int from = 0; ;)
        {
            int i = body[from..].IndexOf(field, StringComparison.Ordinal);
            if (i < 0) return -1;
            i += from;
            if (i == 0 || body[i - 1] == ' ') return i;
            from = i + field.Length;
        }
    }

    /// <summary>
    /// A proctitle value: hex (the process's argv, NUL-separated, joined here by single spaces as the study's
    /// <c>proctitle</c> column is; trailing NULs dropped), a quoted string, or plain text as <c>ausearch -i</c> prints it.
    /// Bytes that are not valid UTF-8 become U+FFFD (visible, never dropped).
    /// </summary>
    /// <exception cref="FormatException">An unclosed quote, an empty value, or hex of odd length.</exception>
    internal static string DecodeProctitleValue(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) throw new FormatException("proctitle has no value.");
        if (value[0] == '"')
        {
            int close = value[1..].IndexOf('"');
            if (close < 0) throw new FormatException("proctitle's quoted value is not closed.");
            return value.Slice(1, close).ToString();
        }
        // A hex value is one run of hex digits up to the next space; anything else is interpreted text.
        int end = value.IndexOf(' ');
        ReadOnlySpan<char> token = end < 0 ? value : value[..end];
        if (end < 0 && IsHex(token))
        {
            if (token.Length % 2 != 0) throw new FormatException($"proctitle hex has an odd number of digits ({token.Length}).");
            byte[] bytes = Convert.FromHexString(token);
            int length = bytes.Length;
            while (length > 0 && bytes[length - 1] == 0) length--;
            for (int i = 0; i < length; i++) if (bytes[i] == 0) bytes[i] = (byte)' ';
            return Encoding.UTF8.GetString(bytes, 0, length);
        }
        return value.ToString();
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (!char.IsAsciiHexDigit(c)) return false;
        return !s.IsEmpty;
    }
}
