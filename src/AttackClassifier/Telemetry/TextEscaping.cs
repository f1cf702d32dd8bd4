using System.Globalization;
using System.Text;

namespace AttackClassifier.Telemetry;

/// <summary>
/// Makes untrusted text safe to print on one line of a terminal or text log: a command line from telemetry may carry a
/// newline (forging a second output line), an ANSI escape (rewriting the terminal), or a bidi override that shows
/// <c>exe.txt</c> for <c>txt.exe</c> (Trojan Source, CVE-2021-42574).
/// </summary>
public static class TextEscaping
{
    /// <summary>
    /// Escapes, reversibly: backslash → <c>\\</c>; LF, CR, tab → <c>\n</c>, <c>\r</c>, <c>\t</c>; every other C0 control,
    /// DEL and C1 control → <c>\xHH</c> (ESC is <c>\x1b</c>); the line and paragraph separators U+2028/U+2029, the bidi
    /// controls U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, and unpaired surrogates → <c>\uHHHH</c>
    /// (lower-case hex). Everything else is kept, so ordinary text is returned unchanged.
    /// </summary>
    public static string EscapeForText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = 0;
        while (first < text.Length && EscapeWidth(text, first) == 0) first += char.IsHighSurrogate(text[first]) ? 2 : 1;
        if (first == text.Length) return text;
        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            switch (EscapeWidth(text, i))
            {
                case 0:
                    escaped.Append(c);
                    if (char.IsHighSurrogate(c)) escaped.Append(text[++i]);   // a valid pair: keep both halves
                    break;
                case 1:
                    escaped.Append('\\').Append(c switch { '\\' => '\\', '\n' => 'n', '\r' => 'r', _ => 't' });
                    break;
                case 2:
                    escaped.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>The inverse of <see cref="EscapeForText"/>.</summary>
    /// <exception cref="FormatException">A backslash not starting one of the escapes <see cref="EscapeForText"/> writes.</exception>
    internal static string Unescape(string escaped)
    {
        var text = new StringBuilder(escaped.Length);
        for (int i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] != '\\')
            {
                text.Append(escaped[i]);
                continue;
            }
            if (++i == escaped.Length) throw new FormatException("a lone backslash ends the text.");
            switch (escaped[i])
            {
                case '\\': text.Append('\\'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'x': text.Append(Hex(escaped, i + 1, 2)); i += 2; break;
                case 'u': text.Append(Hex(escaped, i + 1, 4)); i += 4; break;
                default: throw new FormatException($"unknown escape '\\{escaped[i]}' at char {i - 1}.");
            }
        }
        return text.ToString();
    }

    private static char Hex(string s, int start, int digits)
    {
        if (start + digits > s.Length || !int.TryParse(s.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
            throw new FormatException($"escape at char {start - 2} needs {digits} hex digits.");
        return (char)code;
    }

    // 0: keep; 1: backslash + letter; 2: \xHH; 4: \uHHHH.
    private static int EscapeWidth(string s, int i)
    {
        char c = s[i];
        if (c is '\\' or '\n' or '\r' or '\t') return 1;
        if (c < 0x20 || c is >= '\u007f' and <= '\u009f') return 2;
        if (c is '\u2028' or '\u2029' or '\u061c' or '\u200e' or '\u200f' or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069') return 4;
        if (char.IsHighSurrogate(c)) return i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 0 : 4;
        if (char.IsLowSurrogate(c)) return 4;   // a low surrogate reached here has no high surrogate before it
        return 0;
    }
}
