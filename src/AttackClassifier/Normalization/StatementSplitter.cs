namespace AttackClassifier.Normalization;

/// <summary>
/// Splits a text into statements at top-level separators in one left-to-right pass with an explicit stack of open
/// quotes and substitutions (so nesting depth costs memory, never time or call stack): O(L) for a text of L characters.
/// </summary>
/// <remarks>
/// <para>Separators, outside every quote and substitution:</para>
/// <list type="table">
/// <listheader><term>dialect</term><description>separators</description></listheader>
/// <item><term>POSIX</term><description><c>;</c> <c>&amp;&amp;</c> <c>||</c> <c>|</c> <c>|&amp;</c> a lone <c>&amp;</c>, newline</description></item>
/// <item><term>cmd</term><description><c>&amp;&amp;</c> <c>||</c> <c>|</c> <c>&amp;</c>, newline (cmd.exe treats <c>;</c> like a space)</description></item>
/// <item><term>PowerShell</term><description><c>;</c> <c>&amp;&amp;</c> <c>||</c> <c>|</c>, newline (a lone <c>&amp;</c> is the call operator)</description></item>
/// </list>
/// <para>A <c>&amp;</c> that is part of a redirection separates nothing: after <c>&gt;</c> or <c>&lt;</c> (<c>2&gt;&amp;1</c>,
/// <c>&gt;&amp;2</c>, <c>&lt;&amp;3</c>) or before <c>&gt;</c> (<c>&amp;&gt;file</c>, <c>&amp;&gt;&gt;file</c>); nor does a <c>|</c>
/// after <c>&gt;</c> (<c>&gt;|file</c>, clobber). <c>|&amp;</c> (bash: pipe stdout and stderr) is one pipe.</para>
/// <para>Quoting and nesting (bash(1) "QUOTING" and "Command Substitution"; cmd /?; about_Quoting_Rules):</para>
/// <list type="bullet">
/// <item>POSIX: <c>\</c> escapes the next character outside single quotes (so <c>\;</c> and a backslash-newline do not
/// split); <c>'…'</c> holds everything literally; <c>$'…'</c> honours <c>\'</c>; inside <c>"…"</c>, <c>\</c> escapes and
/// <c>$(</c>, <c>${</c> and backticks nest; <c>$(…)</c>, <c>&lt;(…)</c>, <c>&gt;(…)</c> nest with their own quotes and count
/// plain parentheses so the right <c>)</c> closes them (<c>$((1+2))</c>, <c>$( (a) )</c>); <c>${…}</c> closes at its
/// <c>}</c>; a backtick substitution ends at the next unescaped backtick.</item>
/// <item>cmd: only <c>"…"</c> quotes (no escapes inside); outside it <c>^</c> escapes the next character
/// (<c>^&amp;</c>, caret-newline).</item>
/// <item>PowerShell: <c>'…'</c> (a doubled <c>''</c> inside is simply a closed and reopened quote); <c>"…"</c> in which the
/// backtick escapes and <c>$(</c> nests; outside quotes the backtick escapes; <c>$(…)</c> and <c>@(…)</c> nest.</item>
/// <item>PowerShell here-strings <c>@'</c>/<c>@"</c> (followed by only spaces or tabs to the end of the line) run to a line
/// that starts with <c>'@</c>/<c>"@</c> and are never split. They are recognised in POSIX text too, because a PowerShell
/// script does not always start with a word that gives it away; not in cmd, where <c>'</c> is no quote.</item>
/// </list>
/// <para>Simplifications: plain grouping — subshells <c>( … )</c>, braces <c>{ …; }</c>, PowerShell script blocks — is not
/// tracked at the top level, so <c>(a; b)</c> splits into <c>(a</c> and <c>b)</c>; comments, here-documents (<c>&lt;&lt;EOF</c>),
/// <c>case</c> patterns and the quote handling of <c>cmd /c "…"</c> are not modelled (the quoted argument stays one statement).
/// Anything left open at the end (an unclosed quote or substitution) runs to the end of the text.</para>
/// </remarks>
internal static class StatementSplitter
{
    /// <summary>One statement: <c>text[Start .. Start + Length)</c>, trimmed and non-empty. <paramref name="PipesIntoNext"/> is
    /// true when a pipe (<c>|</c> or <c>|&amp;</c>) follows it directly and the next statement starts right after that pipe.</summary>
    internal readonly record struct Piece(int Start, int Length, bool PipesIntoNext);

    private enum Context : byte { Single, AnsiC, Double, Substitution, Paren, Backtick, Brace, HereSingle, HereDouble }

    private enum Separator : byte { None, Pipe, Other }

    internal static List<Piece> Split(string text, ShellDialect dialect)
    {
        var pieces = new List<Piece>();
        var stack = new Stack<Context>();
        int pieceStart = 0;
        bool pendingPipe = false;   // the last piece was closed by a pipe
        int i = 0;
        int n = text.Length;

        // Closes the raw piece text[pieceStart .. end), trimmed and kept if non-empty, and starts the next one at next.
        void Close(int end, int next, Separator separator)
        {
            int a = pieceStart, b = end;
            while (a < b && char.IsWhiteSpace(text[a])) a++;
            while (b > a && char.IsWhiteSpace(text[b - 1])) b--;
            bool kept = b > a;
            if (kept)
            {
                if (pendingPipe) pieces[^1] = pieces[^1] with { PipesIntoNext = true };
                pieces.Add(new Piece(a, b - a, false));
            }
            pendingPipe = kept && separator == Separator.Pipe;   // "a | | b": a pipes into an empty piece, not into b
            pieceStart = next;
        }

        while (i < n)
        {
            char c = text[i];
            char next = i + 1 < n ? text[i + 1] : '\0';
            if (stack.Count > 0 && !IsCode(stack.Peek()))
            {
                i = StepInsideString(text, i, stack, dialect);
                continue;
            }

            // Code: the top level, or the body of $( ), ( ), ${ }.
            if (IsEscape(c, dialect)) { i += 2; continue; }
            if (TryOpen(text, i, dialect, stack, out int after)) { i = after; continue; }
            if (stack.Count > 0)
            {
                Context top = stack.Peek();
                if ((top == Context.Substitution || top == Context.Paren) && c == '(') stack.Push(Context.Paren);
                else if ((top == Context.Substitution || top == Context.Paren) && c == ')') stack.Pop();
                else if (top == Context.Brace && c == '}') stack.Pop();
                i++;
                continue;
            }

            // Top level: the width of the separator starting here, 0 if none.
            char previous = i > 0 ? text[i - 1] : '\0';
            int width = c switch
            {
                '\n' => 1,
                ';' when dialect != ShellDialect.Cmd => 1,
                '&' when next == '&' => 2,
                '&' when dialect != ShellDialect.PowerShell && previous != '>' && previous != '<' && next != '>' => 1,   // not a redirection
                '|' when next == '|' => 2,
                '|' when previous != '>' => next == '&' && dialect == ShellDialect.Posix ? 2 : 1,                          // |& is one pipe
                _ => 0,
            };
            if (width == 0) { i++; continue; }
            Close(i, i + width, c == '|' && next != '|' ? Separator.Pipe : Separator.Other);
            i += width;
        }
        Close(n, n, Separator.None);
        return pieces;
    }

    private static bool IsCode(Context c) => c is Context.Substitution or Context.Paren or Context.Brace;

    private static bool IsEscape(char c, ShellDialect dialect) => dialect switch
    {
        ShellDialect.Posix => c == '\\',
        ShellDialect.Cmd => c == '^',
        _ => c == '`',
    };

    // At text[i] in code: opens a quote, substitution or here-string if one starts here; `after` is where scanning resumes.
    private static bool TryOpen(string text, int i, ShellDialect dialect, Stack<Context> stack, out int after)
    {
        char c = text[i];
        char next = i + 1 < text.Length ? text[i + 1] : '\0';
        after = i + 1;
        if (c == '"') { stack.Push(Context.Double); return true; }
        if (dialect == ShellDialect.Cmd) return false;
        if (c == '@' && (next == '\'' || next == '"') && HereStringLineEnd(text, i + 2) is int newline)
        {
            stack.Push(next == '\'' ? Context.HereSingle : Context.HereDouble);
            after = newline;   // the newline itself: the closing '@ must follow a newline, and this one counts
            return true;
        }
        if (c == '\'') { stack.Push(Context.Single); return true; }
        if (dialect == ShellDialect.Posix)
        {
            if (c == '$' && next == '\'') { stack.Push(Context.AnsiC); after = i + 2; return true; }
            if (c == '`') { stack.Push(Context.Backtick); return true; }
            if ((c == '$' || c == '<' || c == '>') && next == '(') { stack.Push(Context.Substitution); after = i + 2; return true; }
        }
        else if ((c == '$' || c == '@') && next == '(') { stack.Push(Context.Substitution); after = i + 2; return true; }
        if (c == '$' && next == '{') { stack.Push(Context.Brace); after = i + 2; return true; }
        return false;
    }

    // After "@'" or "@\"" at `start`: the index of the newline if only spaces or tabs come before it, else null.
    // Each call scans only the blanks right after one "@'", so all calls together stay linear.
    private static int? HereStringLineEnd(string text, int start)
    {
        int k = start;
        while (k < text.Length && (text[k] == ' ' || text[k] == '\t')) k++;
        if (k < text.Length && text[k] == '\r') k++;
        return k < text.Length && text[k] == '\n' ? k : null;
    }

    // One step inside a quote, backtick substitution or here-string; returns the next index.
    private static int StepInsideString(string text, int i, Stack<Context> stack, ShellDialect dialect)
    {
        char c = text[i];
        char next = i + 1 < text.Length ? text[i + 1] : '\0';
        switch (stack.Peek())
        {
            case Context.Single:
                if (c == '\'') stack.Pop();
                return i + 1;
            case Context.AnsiC:
                if (c == '\\') return i + 2;
                if (c == '\'') stack.Pop();
                return i + 1;
            case Context.Backtick:
                if (c == '\\') return i + 2;
                if (c == '`') stack.Pop();
                return i + 1;
            case Context.HereSingle:
            case Context.HereDouble:
                char quote = stack.Peek() == Context.HereSingle ? '\'' : '"';
                if (c == '\n' && next == quote && i + 2 < text.Length && text[i + 2] == '@') { stack.Pop(); return i + 3; }
                return i + 1;
            default:   // Double
                if (c == '"') { stack.Pop(); return i + 1; }
                if (dialect == ShellDialect.Cmd) return i + 1;
                if (dialect == ShellDialect.Posix)
                {
                    if (c == '\\') return i + 2;
                    if (c == '`') { stack.Push(Context.Backtick); return i + 1; }
                    if (c == '$' && next == '(') { stack.Push(Context.Substitution); return i + 2; }
                    if (c == '$' && next == '{') { stack.Push(Context.Brace); return i + 2; }
                    return i + 1;
                }
                if (c == '`') return i + 2;
                if (c == '$' && next == '(') { stack.Push(Context.Substitution); return i + 2; }
                return i + 1;
        }
    }
}
