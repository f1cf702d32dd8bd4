using System.Text;

namespace AttackClassifier.Normalization;

/// <summary>
/// Removes the quotes around quoted Windows paths, so <c>"C:\Windows\System32\cmd.exe" /c x</c> reads
/// <c>C:\Windows\System32\cmd.exe /c x</c>: the tokenizer's Windows-path pattern runs to the next white space and would
/// otherwise keep the closing quote in the token (<c>c:\windows\system32\cmd.exe"</c>).
/// </summary>
/// <remarks>
/// A quoted string is a <c>"</c> or <c>'</c> and the next equal quote on the same line. Its quotes are dropped when its
/// content starts like a Windows path (<see cref="ShellDialects.IsWindowsPathStart"/>: <c>C:\</c>, <c>C:/</c>, <c>\\server</c>,
/// <c>%VAR%\</c>); other quoted strings are copied as they are. This is lexical, not shell-aware (a quote inside another
/// kind of quote counts too); it only shapes features. Linear: a quote either pairs with the next quote of its kind on
/// its line, and the scan resumes after that, or has none — which only the last quote of each kind on a line can, so
/// the failed searches cover each line at most twice.
/// </remarks>
internal static class WindowsPathQuotes
{
    internal static string Strip(string text)
    {
        if (text.IndexOfAny('"', '\'') < 0) return text;
        var result = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c != '"' && c != '\'')
            {
                result.Append(c);
                i++;
                continue;
            }
            int close = i + 1;
            while (close < text.Length && text[close] != c && text[close] != '\n') close++;
            if (close == text.Length || text[close] != c) close = -1;
            if (close < 0)
            {
                result.Append(c);
                i++;
                continue;
            }
            ReadOnlySpan<char> content = text.AsSpan(i + 1, close - i - 1);
            if (ShellDialects.IsWindowsPathStart(content)) result.Append(content);
            else result.Append(text.AsSpan(i, close - i + 1));
            i = close + 1;
        }
        return result.ToString();
    }
}
