using System.Text;

namespace AttackClassifier.Data;

/// <summary>
/// Reads command lines out of raw Linux audit records. A <c>type=PROCTITLE</c> record carries the process's argv
/// in its <c>proctitle=</c> field, written by auditd either as hex (when any byte is a space, quote, control or
/// non-ASCII character — argv is NUL-separated, so this is the usual case) or as a double-quoted string;
/// <c>ausearch -i</c> prints the already-decoded text unquoted to the end of the line. All three are accepted.
/// </summary>
/// <remarks>
/// The kernel truncates proctitle to 128 bytes, so long command lines arrive cut; that is the data, not an error.
/// argv elements are joined by single spaces, as the study's <c>proctitle</c> column is. Bytes that are not valid
/// UTF-8 become U+FFFD (visible, never dropped): telemetry is not ours to reject.
/// </remarks>
public static class AuditdProctitle
{
    private const string Field = "proctitle=";

    /// <summary>
    /// Decodes <paramref name="line"/> when it is a PROCTITLE record. Returns false for other record types and for
    /// lines that are not audit records at all.
    /// </summary>
    /// <exception cref="FormatException">A PROCTITLE record whose value is malformed (odd-length or non-hex digits, an unclosed quote, no value).</exception>
    public static bool TryDecodeRecord(string line, out string commandLine)
    {
        ArgumentNullException.ThrowIfNull(line);
        commandLine = "";
        ReadOnlySpan<char> text = line.AsSpan().Trim();
        if (!text.StartsWith("type=PROCTITLE ", StringComparison.Ordinal) && !text.StartsWith("node=", StringComparison.Ordinal)) return false;
        int type = text.IndexOf("type=", StringComparison.Ordinal);
        if (type < 0 || !text[type..].StartsWith("type=PROCTITLE ", StringComparison.Ordinal)) return false;
        int start = FindField(text);
        if (start < 0) throw new FormatException("PROCTITLE record without a proctitle= field.");
        ReadOnlySpan<char> value = text[(start + Field.Length)..];
        // ausearch -i writes "msg=audit(<time>) : " (a space before the colon) and the value already decoded: a command
        // such as "df" or "cc" must not be read as hex there.
        bool interpreted = text.Contains(") : ", StringComparison.Ordinal);
        if (interpreted && value.IsEmpty) throw new FormatException("proctitle has no value.");
        commandLine = interpreted ? value.ToString() : DecodeValue(value);
        return true;
    }

    /// <summary>Decodes a proctitle value: hex argv, a quoted string, or (as <c>ausearch -i</c> prints) plain text.</summary>
    /// <exception cref="FormatException">An unclosed quote, an empty value, or hex of odd length.</exception>
    public static string DecodeValue(ReadOnlySpan<char> value)
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
            return DecodeHexArgv(token);
        }
        return value.ToString();
    }

    /// <summary>Hex-encoded, NUL-separated argv → the arguments joined by single spaces (trailing NULs ignored).</summary>
    internal static string DecodeHexArgv(ReadOnlySpan<char> hex)
    {
        byte[] bytes = Convert.FromHexString(hex);
        int length = bytes.Length;
        while (length > 0 && bytes[length - 1] == 0) length--;
        for (int i = 0; i < length; i++) if (bytes[i] == 0) bytes[i] = (byte)' ';
        return Encoding.UTF8.GetString(bytes, 0, length);
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (!char.IsAsciiHexDigit(c)) return false;
        return !s.IsEmpty;
    }

    // The proctitle= that starts a field (preceded by a space), not one inside another value.
    private static int FindField(ReadOnlySpan<char> text)
    {
        for (int from = 0; ;)
        {
            int i = text[from..].IndexOf(Field, StringComparison.Ordinal);
            if (i < 0) return -1;
            i += from;
            if (i > 0 && text[i - 1] == ' ') return i;
            from = i + Field.Length;
        }
    }
}
