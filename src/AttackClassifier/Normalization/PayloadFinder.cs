namespace AttackClassifier.Normalization;

/// <summary>An encoded payload found in a text: <c>text[Start .. Start + Length)</c>, to be decoded as <paramref name="Kind"/>
/// says (for <see cref="DecodedKind.HexEscape"/>, the content of the string holding the escapes).</summary>
internal readonly record struct Payload(DecodedKind Kind, int Start, int Length);

/// <summary>
/// Finds the payloads <see cref="CommandNormalizer"/> decodes, in two linear passes over a text.
/// </summary>
/// <remarks>
/// <para><b>Commands.</b> The first pass cuts the text into words and operators, ignoring how the shell would group them: a
/// word is a run of characters other than white space, quotes (<c>"</c> <c>'</c>, which are dropped) and the operator characters
/// <c>| ; &amp; ( ) &lt; &gt; { }</c>, backtick and newline. A simple command is a run of words between two operators. Quotes are
/// dropped rather than honoured so that the same rules find a payload at the top level, inside <c>$( … )</c> or backticks,
/// and inside a quoted argument (<c>bash -c "$(echo … | base64 -d)"</c>, <c>cmd /c "powershell -enc …"</c>). A program word
/// matches by its base name (after the last <c>\</c> or <c>/</c>), without case. Then:</para>
/// <list type="bullet">
/// <item><b>Base64, pipe</b>: a simple command holding <c>echo</c>/<c>printf</c> with at least one word after it, a pipe
/// (<c>|</c>, <c>|&amp;</c>), then a simple command holding <c>base64</c> with a decode flag after it: the payload is the last word
/// before the pipe (<c>echo -n X | base64 -d | sh</c>, <c>printf '%s' X | base64 --decode</c>,
/// <c>bash -c "echo X | base64 -d | bash"</c>).</item>
/// <item><b>Base64, here-string</b>: <c>base64</c> with a decode flag, then <c>&lt;&lt;&lt;</c>: the payload is the word after it (the
/// flag may also follow the payload: <c>base64 &lt;&lt;&lt; X -d</c>).</item>
/// <item>A decode flag is <c>--decode</c> or a prefix of it of at least three characters (<c>--d</c>, getopt's abbreviations),
/// or a short-option cluster containing <c>d</c> or <c>D</c> (<c>-d</c>, GNU; <c>-D</c>, macOS; <c>-di</c>).</item>
/// <item><b>PowerShell</b>: in a simple command holding a PowerShell host (<c>powershell</c>, <c>pwsh</c>, <c>.exe</c> or not, any
/// path), a later parameter <c>-ec</c> or any non-empty prefix of <c>-EncodedCommand</c> (<c>-e</c>, <c>-en</c>, <c>-enc</c>, …;
/// PowerShell's own command-line parser tests EncodedCommand before its other <c>e</c> parameters, so every prefix means
/// it), written with <c>-</c>, <c>--</c>, <c>/</c> or a Unicode dash (en dash, em dash, horizontal bar, which PowerShell
/// also accepts); the payload is the next word.</item>
/// </list>
/// <para><b>Strings with <c>\x</c> escapes.</b> The second pass reads strings: the content of <c>'…'</c>, <c>"…"</c> (a backslash
/// escapes the next character) and <c>$'…'</c> (likewise), or else a run of characters other than white space and quotes. A
/// string holding at least two <c>\xH</c>/<c>\xHH</c> escapes is a payload (one escape alone is too often a path such as
/// <c>C:\x64</c>). Unclosed quotes run to the end of the text.</para>
/// </remarks>
internal static class PayloadFinder
{
    private enum TokenKind : byte { Word, Pipe, HereString, Break }

    private readonly record struct Token(TokenKind Kind, int Start, int Length);

    /// <summary>The payloads of <paramref name="text"/>, ordered by start.</summary>
    internal static List<Payload> Find(string text)
    {
        var payloads = new List<Payload>();
        FindInCommands(text, payloads);
        FindHexStrings(text, payloads);
        payloads.Sort((a, b) => a.Start.CompareTo(b.Start));
        return payloads;
    }

    private static List<Token> Lex(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if ((char.IsWhiteSpace(c) && c != '\n') || c == '"' || c == '\'') { i++; continue; }   // quotes only end words
            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '|')
            {
                bool or = next == '|';
                tokens.Add(new Token(or ? TokenKind.Break : TokenKind.Pipe, i, or || next == '&' ? 2 : 1));
                i += or || next == '&' ? 2 : 1;
            }
            else if (c == '<' && next == '<' && i + 2 < text.Length && text[i + 2] == '<')
            {
                tokens.Add(new Token(TokenKind.HereString, i, 3));
                i += 3;
            }
            else if (IsOperator(c))
            {
                tokens.Add(new Token(TokenKind.Break, i, 1));
                i++;
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"' && text[i] != '\'' && !IsOperator(text[i]) && text[i] != '|') i++;
                tokens.Add(new Token(TokenKind.Word, start, i - start));
            }
        }
        return tokens;
    }

    private static bool IsOperator(char c) => c is ';' or '&' or '(' or ')' or '<' or '>' or '{' or '}' or '`' or '\n';

    private static void FindInCommands(string text, List<Payload> payloads)
    {
        List<Token> tokens = Lex(text);
        ReadOnlySpan<char> Word(int t) => text.AsSpan(tokens[t].Start, tokens[t].Length);

        // Simple commands as token ranges [start, end): a maximal run of words; tokens[end] (if any) is its terminator.
        int previousStart = -1, previousEnd = -1;   // the simple command before the current one
        int t = 0;
        while (t < tokens.Count)
        {
            if (tokens[t].Kind != TokenKind.Word) { t++; continue; }
            int start = t;
            while (t < tokens.Count && tokens[t].Kind == TokenKind.Word) t++;
            int end = t;
            int b64 = FindProgram(tokens, text, start, end, "base64");
            if (b64 >= 0)
            {
                bool decode = false;
                for (int w = b64 + 1; w < end; w++) decode |= IsDecodeFlag(Word(w));
                // echo X | base64 -d: the previous command ends at a pipe that this one starts right after, and holds
                // echo or printf with at least one word after it (also "bash -c 'echo X' | …", "sudo echo X | …").
                if (decode && previousEnd >= 0 && previousEnd == start - 1 && tokens[previousEnd].Kind == TokenKind.Pipe)
                {
                    int source = Math.Max(LastProgram(tokens, text, previousStart, previousEnd, "echo"), LastProgram(tokens, text, previousStart, previousEnd, "printf"));
                    if (source >= 0 && source < previousEnd - 1)
                        payloads.Add(new Payload(DecodedKind.Base64, tokens[previousEnd - 1].Start, tokens[previousEnd - 1].Length));
                }
                // base64 -d <<< X [more flags]
                if (end + 1 < tokens.Count && tokens[end].Kind == TokenKind.HereString && tokens[end + 1].Kind == TokenKind.Word)
                {
                    for (int w = end + 2; w < tokens.Count && tokens[w].Kind == TokenKind.Word; w++) decode |= IsDecodeFlag(Word(w));
                    if (decode) payloads.Add(new Payload(DecodedKind.Base64, tokens[end + 1].Start, tokens[end + 1].Length));
                }
            }

            // powershell … -enc X
            int host = -1;
            for (int w = start; w < end && host < 0; w++)
                if (ShellDialects.IsPowerShellProgram(Word(w))) host = w;
            if (host >= 0)
            {
                for (int w = host + 1; w + 1 < end; w++)
                {
                    if (!IsEncodedCommandParameter(Word(w))) continue;
                    payloads.Add(new Payload(DecodedKind.PowerShellEncoded, tokens[w + 1].Start, tokens[w + 1].Length));
                    break;
                }
            }
            (previousStart, previousEnd) = (start, end);
        }
    }

    // The first / last word in [start, end) whose base name is `name` (any case), or −1.
    private static int FindProgram(List<Token> tokens, string text, int start, int end, string name)
    {
        for (int w = start; w < end; w++)
            if (ShellDialects.BaseName(text.AsSpan(tokens[w].Start, tokens[w].Length)).Equals(name, StringComparison.OrdinalIgnoreCase)) return w;
        return -1;
    }

    private static int LastProgram(List<Token> tokens, string text, int start, int end, string name)
    {
        for (int w = end - 1; w >= start; w--)
            if (ShellDialects.BaseName(text.AsSpan(tokens[w].Start, tokens[w].Length)).Equals(name, StringComparison.OrdinalIgnoreCase)) return w;
        return -1;
    }

    /// <summary>--decode or a prefix of at least "--d"; or a short-option cluster with d or D (-d, -D, -di).</summary>
    internal static bool IsDecodeFlag(ReadOnlySpan<char> w)
    {
        if (w.StartsWith("--")) return w.Length >= 3 && "--decode".AsSpan().StartsWith(w);
        if (w.Length < 2 || w[0] != '-') return false;
        foreach (char c in w[1..]) if (!char.IsAsciiLetterOrDigit(c)) return false;
        return w[1..].ContainsAny('d', 'D');
    }

    /// <summary>-ec, or a non-empty prefix of -EncodedCommand, introduced by -, --, /, or an en dash, em dash or horizontal bar.</summary>
    internal static bool IsEncodedCommandParameter(ReadOnlySpan<char> w)
    {
        if (w.StartsWith("--")) w = w[2..];
        else if (w.Length > 0 && w[0] is '-' or '/' or '\u2013' or '\u2014' or '\u2015') w = w[1..];
        else return false;
        return w.Length > 0 && (w.Equals("ec", StringComparison.OrdinalIgnoreCase) || "encodedcommand".AsSpan().StartsWith(w, StringComparison.OrdinalIgnoreCase));
    }

    private static void FindHexStrings(string text, List<Payload> payloads)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int open = c is '\'' or '"' ? 1 : c == '$' && i + 1 < text.Length && text[i + 1] == '\'' ? 2 : 0;
            int start = i + open, end;
            if (open > 0)
            {
                char quote = text[i + open - 1];
                bool escapes = quote == '"' || open == 2;
                end = start;
                while (end < text.Length && text[end] != quote) end += escapes && text[end] == '\\' ? 2 : 1;
                end = Math.Min(end, text.Length);
                i = end + 1;
            }
            else
            {
                end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '\'' && text[end] != '"') end++;
                i = end;
            }
            if (CountHexEscapes(text.AsSpan(start, end - start)) >= 2) payloads.Add(new Payload(DecodedKind.HexEscape, start, end - start));
        }
    }

    /// <summary>The number of <c>\xH</c>/<c>\xHH</c> escapes in <paramref name="s"/>, reading <c>\\</c> as one escaped backslash.</summary>
    internal static int CountHexEscapes(ReadOnlySpan<char> s)
    {
        int count = 0;
        for (int j = 0; j < s.Length; j++)
        {
            if (s[j] != '\\' || j + 1 == s.Length) continue;
            if (s[j + 1] == 'x' && j + 2 < s.Length && char.IsAsciiHexDigit(s[j + 2])) count++;
            j++;   // skip the escaped character
        }
        return count;
    }
}
