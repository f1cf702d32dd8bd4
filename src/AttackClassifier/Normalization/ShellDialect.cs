namespace AttackClassifier.Normalization;

/// <summary>Whose quoting and separator rules a text is split by.</summary>
internal enum ShellDialect
{
    /// <summary>POSIX sh / bash: <c>'…'</c>, <c>"…"</c>, <c>$'…'</c>, backslash escapes, <c>$(…)</c>, backticks, <c>${…}</c>.</summary>
    Posix,

    /// <summary>Windows cmd.exe: <c>"…"</c> only (<c>'</c> is an ordinary character), <c>^</c> escapes, <c>;</c> separates nothing.</summary>
    Cmd,

    /// <summary>PowerShell: <c>'…'</c>, <c>"…"</c> with backtick escapes, <c>$(…)</c>/<c>@(…)</c>, here-strings; a lone <c>&amp;</c> is
    /// the call operator, not a separator.</summary>
    PowerShell,
}

/// <summary>
/// Guesses the dialect of a text from its first word, since a command line does not name its shell. The first word is the
/// text up to the first white space, or the quoted run when it starts with <c>"</c>; its base name is what follows the last
/// <c>\</c> or <c>/</c>, compared without case.
/// <list type="bullet">
/// <item><c>cmd</c>, <c>cmd.exe</c> → <see cref="ShellDialect.Cmd"/>.</item>
/// <item><c>powershell</c>, <c>pwsh</c> (optionally <c>.exe</c>), <c>powershell_ise.exe</c>; or a PowerShell-looking start: a
/// cmdlet <c>Verb-Noun</c> of letters with at least one capital (Linux's <c>apt-get</c> is lower case), a type literal
/// <c>[Name…]</c> (not sh's <c>[ -f x ]</c> or <c>[[</c>), the call operator <c>&amp;</c>, a <c>$env:</c> variable, or an assignment <c>$name = …</c> (not valid sh)
/// → <see cref="ShellDialect.PowerShell"/>.</item>
/// <item>Any other Windows program — a drive (<c>C:\</c>, <c>C:/</c>), UNC (<c>\\</c>) or <c>%VAR%</c> path, or a base name
/// ending in <c>.exe</c>, <c>.bat</c>, <c>.cmd</c>, <c>.com</c> → <see cref="ShellDialect.Cmd"/> (the shell Windows
/// command lines are most often typed into, and in which <c>\</c> is a path separator, never an escape).</item>
/// <item>Everything else → <see cref="ShellDialect.Posix"/>.</item>
/// </list>
/// Bare Windows built-ins without an extension (<c>net</c>, <c>reg</c>) read as POSIX; the rules differ only in escapes
/// and <c>'</c>, which rarely decide a split there.
/// </summary>
internal static class ShellDialects
{
    internal static ShellDialect Detect(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        ReadOnlySpan<char> rest = text[i..];
        ReadOnlySpan<char> word;
        if (rest.StartsWith('"'))
        {
            int close = rest[1..].IndexOf('"');
            word = close < 0 ? rest[1..] : rest.Slice(1, close);
        }
        else
        {
            int end = 0;
            while (end < rest.Length && !char.IsWhiteSpace(rest[end])) end++;
            word = rest[..end];
        }
        if (word.IsEmpty) return ShellDialect.Posix;

        ReadOnlySpan<char> name = BaseName(word);
        if (name.Equals("cmd", StringComparison.OrdinalIgnoreCase) || name.Equals("cmd.exe", StringComparison.OrdinalIgnoreCase))
            return ShellDialect.Cmd;
        if (IsPowerShellProgram(word) || LooksLikePowerShell(word, rest[word.Length..]))
            return ShellDialect.PowerShell;
        if (IsWindowsPathStart(word) || name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".bat", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".cmd", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".com", StringComparison.OrdinalIgnoreCase))
            return ShellDialect.Cmd;
        return ShellDialect.Posix;
    }

    /// <summary>What follows the last <c>\</c> or <c>/</c> of <paramref name="word"/>.</summary>
    internal static ReadOnlySpan<char> BaseName(ReadOnlySpan<char> word) => word[(word.LastIndexOfAny('\\', '/') + 1)..];

    /// <summary>True when the base name of <paramref name="word"/> is a PowerShell host: powershell, pwsh (with or without .exe) or powershell_ise.exe.</summary>
    internal static bool IsPowerShellProgram(ReadOnlySpan<char> word)
    {
        ReadOnlySpan<char> name = BaseName(word);
        if (name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)) name = name[..^4];
        return name.Equals("powershell", StringComparison.OrdinalIgnoreCase) || name.Equals("pwsh", StringComparison.OrdinalIgnoreCase)
            || name.Equals("powershell_ise", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A drive path (<c>C:\</c>, <c>C:/</c>), a UNC path (<c>\\</c>) or a <c>%VAR%\</c> path.</summary>
    internal static bool IsWindowsPathStart(ReadOnlySpan<char> s)
    {
        if (s.Length >= 3 && char.IsAsciiLetter(s[0]) && s[1] == ':' && (s[2] == '\\' || s[2] == '/')) return true;
        if (s.StartsWith(@"\\")) return true;
        if (s.Length < 3 || s[0] != '%') return false;
        // %NAME%\ : the scan stops at white space or a quote, so callers scanning many quotes stay linear overall.
        int k = 1;
        while (k < s.Length && s[k] != '%' && s[k] != '"' && s[k] != '\'' && !char.IsWhiteSpace(s[k])) k++;
        return k > 1 && k + 1 < s.Length && s[k] == '%' && s[k + 1] == '\\';
    }

    private static bool LooksLikePowerShell(ReadOnlySpan<char> word, ReadOnlySpan<char> after)
    {
        if (word is "&") return true;
        if (word[0] == '[') return word.Length > 2 && char.IsAsciiLetter(word[1]) && word.Contains(']');   // [Type]::…, not sh's "[ -f x ]"
        if (word[0] == '$')
        {
            if (word.StartsWith("$env:", StringComparison.OrdinalIgnoreCase) || word.StartsWith("${env:", StringComparison.OrdinalIgnoreCase)) return true;
            // $name = …  (also "$name=…" inside the word)
            int eq = word.IndexOf('=');
            if (eq > 1) return eq + 1 == word.Length || word[eq + 1] != '=';
            after = after.TrimStart();
            return word.Length > 1 && after.StartsWith('=') && !after.StartsWith("==");
        }
        int dash = word.IndexOf('-');
        if (dash <= 0 || dash == word.Length - 1) return false;
        bool capital = false;
        for (int k = 0; k < word.Length; k++)
        {
            if (k == dash) continue;
            if (!char.IsAsciiLetter(word[k])) return false;
            capital |= char.IsAsciiLetterUpper(word[k]);
        }
        return capital;
    }
}
