using System.Globalization;

namespace AttackClassifier.Text;

/// <summary>
/// The study's cyber-artifact tokenizer as a hand-written, linear-time scanner. It yields exactly the tokens of
/// the study's regular expression (run by .NET's <see cref="System.Text.RegularExpressions.Regex"/> with
/// <c>RegexOptions.CultureInvariant</c>), in priority order:
/// <code>
/// (?:https?://[^\s]+)                                  URL, runs to the next whitespace
/// |(?:\b(?:\d{1,3}\.){3}\d{1,3}\b)                     IPv4 address (999.1.1.1 counts)
/// |(?:[A-Za-z]:\\[^\s]+)                               Windows path
/// |(?:/(?:[^ \t\n\r\f\v/]+/)*[^ \t\n\r\f\v]+)          Unix path
/// |(?:--?[\w-]+(?:=[^\s]+)?)                           flag, with an optional =value
/// |(?:\$\{?\w+\}?)                                     environment variable
/// |(?:0x[0-9a-fA-F]+)                                  hex literal
/// |(?:[A-Za-z_]\w+)                                    word of two or more characters
/// |(?:\d+)                                             number
/// </code>
/// </summary>
/// <remarks>
/// <para>scikit-learn lowercases before tokenizing, so <see cref="Tokenize(ReadOnlySpan{char})"/> lowercases
/// (invariant culture, one UTF-16 unit for one, so token ranges also index the original text) and then scans.
/// <see cref="EnumerateTokens"/> scans the text as given: it is the pattern itself, case-sensitive where the
/// pattern is (<c>HTTP://</c> is not a URL, <c>0X1F</c> is not hex).</para>
/// <para>Character classes are .NET's: <c>\s</c> is <see cref="char.IsWhiteSpace(char)"/>, <c>\d</c> is Unicode
/// category Nd, <c>\w</c> is categories L, Mn, Nd, Pc, and <c>\b</c> also treats
/// U+200C/U+200D as word characters. On ASCII text this equals Python's <c>re</c>, which the study used; they differ
/// only on a few non-ASCII and control characters (Python's <c>\s</c> includes U+001C–U+001F, its <c>\w</c> includes
/// <c>²</c> and letters above U+FFFF, and Python lowercases <c>İ</c> to two characters). We follow .NET everywhere.
/// Text is scanned in UTF-16 code units: a lone surrogate is simply a character no class contains.</para>
/// <para>Every alternative either fails after looking at a bounded number of characters or consumes what it
/// scans, so a line of length L costs O(L) time whatever its content, and the scanner allocates nothing.</para>
/// </remarks>
public static class CommandLineTokenizer
{
    /// <summary>Lowercases <paramref name="command"/> (invariant culture) and returns its tokens, in order.</summary>
    public static string[] Tokenize(ReadOnlySpan<char> command)
    {
        char[]? rented = null;
        Span<char> lower = command.Length <= 512 ? stackalloc char[command.Length]
            : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(command.Length)).AsSpan(0, command.Length);
        try
        {
            command.ToLowerInvariant(lower);
            var tokens = new List<string>();
            foreach (Range token in EnumerateTokens(lower)) tokens.Add(new string(lower[token]));
            return tokens.ToArray();
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Enumerates the token ranges of <paramref name="text"/> as given (no lowercasing), without allocating:
    /// <c>foreach (Range r in EnumerateTokens(s)) Use(s[r]);</c>
    /// </summary>
    public static TokenEnumerator EnumerateTokens(ReadOnlySpan<char> text) => new(text);

    /// <summary>Allocation-free enumerator of token ranges; see <see cref="EnumerateTokens"/>.</summary>
    public ref struct TokenEnumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private int _position;

        internal TokenEnumerator(ReadOnlySpan<char> text) { _text = text; _position = 0; Current = default; }

        /// <summary>The range of the current token in the scanned text.</summary>
        public Range Current { get; private set; }

        /// <summary>Returns this enumerator, so it works in <c>foreach</c>.</summary>
        public readonly TokenEnumerator GetEnumerator() => this;

        /// <summary>Advances to the next token; false at the end of the text.</summary>
        public bool MoveNext()
        {
            int start = NextToken(_text, _position, out int end);
            if (start < 0) { _position = _text.Length; return false; }
            Current = start..end;
            _position = end;
            return true;
        }
    }

    /// <summary>
    /// Finds the first token starting at or after <paramref name="from"/>: returns its start and sets
    /// <paramref name="end"/> (exclusive), or returns −1. The regex engine's scan: try the alternation at each
    /// position, leftmost-first; on failure move one character on.
    /// </summary>
    internal static int NextToken(ReadOnlySpan<char> s, int from, out int end)
    {
        for (int i = from; i < s.Length; i++)
        {
            end = MatchAt(s, i);
            if (end > i) return i;
        }
        end = -1;
        return -1;
    }

    /// <summary>The end of the pattern's match starting exactly at <paramref name="i"/>, or −1.</summary>
    internal static int MatchAt(ReadOnlySpan<char> s, int i)
    {
        char c = s[i];
        int end;
        switch (c)
        {
            case '/':
                return UnixPath(s, i);
            case '-':
                return Flag(s, i);
            case '$':
                return EnvironmentVariable(s, i);
            case '_':
                return Word(s, i);
        }
        if (IsAsciiLetter(c))
        {
            if (c == 'h' && (end = Url(s, i)) > 0) return end;
            if ((end = WindowsPath(s, i)) > 0) return end;
            return Word(s, i);
        }
        if (char.IsDigit(c))   // \d is Unicode Nd in .NET (and in Python 3)
        {
            if ((end = Ipv4(s, i)) > 0) return end;
            if (c == '0' && (end = Hex(s, i)) > 0) return end;
            return DigitRunEnd(s, i);   // \d+
        }
        return -1;
    }

    // https?://[^\s]+
    private static int Url(ReadOnlySpan<char> s, int i)
    {
        ReadOnlySpan<char> rest = s[i..];
        int prefix = rest.StartsWith("https://", StringComparison.Ordinal) ? 8
                   : rest.StartsWith("http://", StringComparison.Ordinal) ? 7 : 0;
        if (prefix == 0) return -1;
        int end = NonSpaceRunEnd(s, i + prefix);
        return end > i + prefix ? end : -1;
    }

    // \b(?:\d{1,3}\.){3}\d{1,3}\b — each \d{1,3} is followed by '.' or a non-word character, so the greedy
    // match never needs to backtrack into a shorter digit run: a run of 1–3 digits works or nothing does.
    private static int Ipv4(ReadOnlySpan<char> s, int i)
    {
        if (i > 0 && IsBoundaryWordChar(s[i - 1])) return -1;   // \b before a digit: previous is not a word char
        int p = i;
        for (int group = 0; group < 4; group++)
        {
            int q = p;
            while (q < s.Length && q - p < 4 && char.IsDigit(s[q])) q++;
            int digits = q - p;
            if (digits is 0 or 4) return -1;
            if (group < 3)
            {
                if (q >= s.Length || s[q] != '.') return -1;
                p = q + 1;
            }
            else
            {
                if (q < s.Length && IsBoundaryWordChar(s[q])) return -1;   // \b after the last digit
                return q;
            }
        }
        return -1;
    }

    // [A-Za-z]:\\[^\s]+
    private static int WindowsPath(ReadOnlySpan<char> s, int i)
    {
        if (i + 3 >= s.Length || s[i + 1] != ':' || s[i + 2] != '\\') return -1;
        int end = NonSpaceRunEnd(s, i + 3);
        return end > i + 3 ? end : -1;
    }

    // /(?:[^ \t\n\r\f\v/]+/)*[^ \t\n\r\f\v]+ — whatever the segments, the final [^…]+ can take slashes too, so the
    // match is '/' plus the longest run of characters outside the ASCII space set (note: not \s), if non-empty.
    private static int UnixPath(ReadOnlySpan<char> s, int i)
    {
        int q = i + 1;
        while (q < s.Length && !IsAsciiSpace(s[q])) q++;
        return q > i + 1 ? q : -1;
    }

    // --?[\w-]+(?:=[^\s]+)? — with or without the optional second '-', [\w-]+ ends where the run of [\w-] that
    // starts right after the first '-' ends (the second '-' belongs to that run), so: that run must be non-empty.
    private static int Flag(ReadOnlySpan<char> s, int i)
    {
        int q = i + 1;
        while (q < s.Length && (s[q] == '-' || IsWordChar(s[q]))) q++;
        if (q == i + 1) return -1;
        if (q + 1 < s.Length && s[q] == '=' && !char.IsWhiteSpace(s[q + 1])) q = NonSpaceRunEnd(s, q + 1);
        return q;
    }

    // \$\{?\w+\}? — '{' is not a word character, so the optional '{' cannot be given back usefully.
    private static int EnvironmentVariable(ReadOnlySpan<char> s, int i)
    {
        int p = i + 1;
        if (p < s.Length && s[p] == '{') p++;
        int q = WordRunEnd(s, p);
        if (q == p) return -1;
        return q < s.Length && s[q] == '}' ? q + 1 : q;
    }

    // 0x[0-9a-fA-F]+
    private static int Hex(ReadOnlySpan<char> s, int i)
    {
        if (i + 2 >= s.Length || s[i + 1] != 'x') return -1;
        int q = i + 2;
        while (q < s.Length && char.IsAsciiHexDigit(s[q])) q++;
        return q > i + 2 ? q : -1;
    }

    // [A-Za-z_]\w+ (the caller checked the first character)
    private static int Word(ReadOnlySpan<char> s, int i)
    {
        int q = WordRunEnd(s, i + 1);
        return q > i + 1 ? q : -1;
    }

    private static int WordRunEnd(ReadOnlySpan<char> s, int p)
    {
        while (p < s.Length && IsWordChar(s[p])) p++;
        return p;
    }

    private static int DigitRunEnd(ReadOnlySpan<char> s, int p)
    {
        while (p < s.Length && char.IsDigit(s[p])) p++;
        return p;
    }

    private static int NonSpaceRunEnd(ReadOnlySpan<char> s, int p)
    {
        while (p < s.Length && !char.IsWhiteSpace(s[p])) p++;
        return p;
    }

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    // [ \t\n\r\f\v]: the Unix-path alternative spells its whitespace out, so U+0085 and U+00A0 stay inside paths.
    private static bool IsAsciiSpace(char c) => c == ' ' || (uint)(c - '\t') <= '\r' - '\t';

    private const int WordCategories =
        1 << (int)UnicodeCategory.UppercaseLetter | 1 << (int)UnicodeCategory.LowercaseLetter |
        1 << (int)UnicodeCategory.TitlecaseLetter | 1 << (int)UnicodeCategory.ModifierLetter |
        1 << (int)UnicodeCategory.OtherLetter | 1 << (int)UnicodeCategory.NonSpacingMark |
        1 << (int)UnicodeCategory.DecimalDigitNumber |
        1 << (int)UnicodeCategory.ConnectorPunctuation;

    /// <summary>.NET's <c>\w</c>.</summary>
    internal static bool IsWordChar(char c)
    {
        if (c < 128) return char.IsAsciiLetterOrDigit(c) || c == '_';
        return (WordCategories & (1 << (int)CharUnicodeInfo.GetUnicodeCategory(c))) != 0;
    }

    /// <summary>What .NET's <c>\b</c> counts as a word character: <c>\w</c> plus ZWNJ and ZWJ.</summary>
    internal static bool IsBoundaryWordChar(char c) => IsWordChar(c) || c == '\u200C' || c == '\u200D';
}
