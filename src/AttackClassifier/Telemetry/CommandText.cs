using System.Text;

namespace AttackClassifier.Telemetry;

/// <summary>The two rules that shape a command line read from telemetry: where a long one is cut, and how an argv array
/// becomes one line.</summary>
internal static class CommandText
{
    /// <summary>
    /// The length of <paramref name="text"/> cut to at most <paramref name="maxChars"/> chars: one char shorter when the
    /// cut would split a surrogate pair (one code point in two UTF-16 chars), so no half code point is ever kept.
    /// </summary>
    internal static int CutLength(ReadOnlySpan<char> text, int maxChars) =>
        text.Length <= maxChars ? text.Length
        : maxChars > 0 && char.IsHighSurrogate(text[maxChars - 1]) && char.IsLowSurrogate(text[maxChars]) ? maxChars - 1
        : maxChars;

    /// <summary><paramref name="text"/> cut by <see cref="CutLength"/>; <paramref name="truncated"/> says whether anything was cut.</summary>
    internal static string Cut(string text, int maxChars, out bool truncated)
    {
        truncated = text.Length > maxChars;
        return truncated ? text[..CutLength(text, maxChars)] : text;
    }

    /// <summary>
    /// argv → one POSIX shell line that would re-create it: Python's <c>shlex.join</c> (Lib/shlex.py). Each argument is
    /// <c>shlex.quote</c>d: kept as is when every char is in <c>[A-Za-z0-9_@%+=:,./-]</c>, <c>''</c> when empty, otherwise
    /// wrapped in single quotes with each <c>'</c> written <c>'"'"'</c>.
    /// </summary>
    internal static string ShellJoin(IReadOnlyList<string> argv)
    {
        var line = new StringBuilder();
        for (int i = 0; i < argv.Count; i++)
        {
            if (i > 0) line.Append(' ');
            AppendShellQuoted(line, argv[i]);
        }
        return line.ToString();
    }

    private static void AppendShellQuoted(StringBuilder line, string argument)
    {
        if (argument.Length == 0)
        {
            line.Append("''");
            return;
        }
        bool safe = true;
        foreach (char c in argument)
            if (!(char.IsAsciiLetterOrDigit(c) || "_@%+=:,./-".Contains(c))) { safe = false; break; }
        if (safe)
        {
            line.Append(argument);
            return;
        }
        line.Append('\'').Append(argument.Replace("'", "'\"'\"'", StringComparison.Ordinal)).Append('\'');
    }
}
