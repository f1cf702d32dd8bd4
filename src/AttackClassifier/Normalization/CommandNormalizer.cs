namespace AttackClassifier.Normalization;

/// <summary>
/// Normalises a raw command line for feature extraction: splits it into statements, decodes obfuscated payloads as extra
/// text beside the original (never in its place), and lists the segments a classifier takes its features from.
/// </summary>
/// <remarks>
/// <para><b>Statements.</b> The line is split at top-level <c>;</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>|</c>, <c>&amp;</c> and newlines,
/// respecting quotes, escapes, <c>$( … )</c>, backticks and <c>${ … }</c>, under the rules of the shell its first word suggests:
/// POSIX sh/bash, Windows cmd.exe or PowerShell (the dialect guess is described on <c>ShellDialects</c>, the grammar and
/// its simplifications on <c>StatementSplitter</c>). Each statement is trimmed, empty ones are dropped, and each keeps its
/// offset and length in the line.</para>
/// <para><b>Decoding</b> (finding: <c>PayloadFinder</c>; decoding and the text rule: <c>PayloadDecoder</c>): literal Base64 fed to
/// <c>base64 -d</c>/<c>--decode</c>/<c>-D</c> (<c>echo X | base64 -d | sh</c>, <c>printf '%s' X | base64 -d</c>,
/// <c>base64 -d &lt;&lt;&lt; X</c>) as UTF-8; PowerShell's <c>-EncodedCommand</c> and every prefix of it, <c>-ec</c>, <c>/enc</c>
/// (Base64 of UTF-16LE); and strings with at least two <c>\xNN</c> escapes (<c>printf '\x63\x61\x74'</c>, <c>echo -e</c>,
/// <c>$'…'</c>). A payload that is not valid Base64, has an odd UTF-16 byte count, is not valid UTF-8/UTF-16 or decodes to
/// more than 10 % control characters is left as it is, with no decoded text.</para>
/// <para><b>Recursion and caps.</b> Each decoded text is normalised in turn — split, and searched for payloads while its depth
/// is below <see cref="CommandNormalizerOptions.MaxDepth"/> (default 3) — breadth first, so shallow payloads are decoded before
/// deep ones. All decoded texts of a line together hold at most <see cref="CommandNormalizerOptions.MaxDecodedChars"/>
/// (default 65 536) characters; one that does not fit in what is left is dropped whole.</para>
/// <para><b>Segments.</b> The cleaned line (quotes around Windows paths removed: <c>"C:\…\cmd.exe" /c x</c> →
/// <c>C:\…\cmd.exe /c x</c>, see <c>WindowsPathQuotes</c>), then each statement if there are several, then each decoded text and,
/// if there are several, its statements, all cleaned the same way. Feature extractors take each segment on its own, so
/// no n-gram joins the end of one statement to the start of the next.</para>
/// <para><b>Cost.</b> Every pass is a single left-to-right scan with explicit stacks (no recursion, no backtracking), so a line
/// of L characters costs O(L) time and memory whatever it holds; decoded texts add at most MaxDepth · MaxDecodedChars.</para>
/// </remarks>
public static class CommandNormalizer
{
    private static readonly CommandNormalizerOptions Defaults = new();

    /// <summary>Splits, decodes and segments <paramref name="commandLine"/> (see the class remarks for every rule).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="commandLine"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static NormalizedCommand Normalize(string commandLine, CommandNormalizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        options ??= Defaults;
        options.Validate();

        CommandStatement[] statements = Statements(commandLine, ShellDialects.Detect(commandLine));
        var decoded = new List<DecodedText>();
        int budget = options.MaxDecodedChars;
        // Breadth first: t = −1 is the line, then each decoded text in the order it was found (depths never decrease).
        for (int t = -1; t < decoded.Count; t++)
        {
            int depth = t < 0 ? 0 : decoded[t].Depth;
            if (depth >= options.MaxDepth) break;
            string text = t < 0 ? commandLine : decoded[t].Text;
            IReadOnlyList<CommandStatement> parentStatements = t < 0 ? statements : decoded[t].Statements;
            foreach (Payload payload in PayloadFinder.Find(text))
            {
                if (PayloadDecoder.Decode(payload.Kind, text.AsSpan(payload.Start, payload.Length), budget) is not string plain) continue;
                budget -= plain.Length;
                ShellDialect dialect = payload.Kind == DecodedKind.PowerShellEncoded ? ShellDialect.PowerShell : ShellDialects.Detect(plain);
                decoded.Add(new DecodedText(payload.Kind, depth + 1, plain, Statements(plain, dialect), t, StatementAt(parentStatements, payload.Start)));
            }
        }
        return new NormalizedCommand(commandLine, statements, decoded.ToArray(), Segments(commandLine, statements, decoded));
    }

    private static CommandStatement[] Statements(string text, ShellDialect dialect)
    {
        List<StatementSplitter.Piece> pieces = StatementSplitter.Split(text, dialect);
        var statements = new CommandStatement[pieces.Count];
        for (int k = 0; k < pieces.Count; k++) statements[k] = new CommandStatement(text.Substring(pieces[k].Start, pieces[k].Length), pieces[k].Start, pieces[k].Length);
        return statements;
    }

    // The last statement starting at or before offset (the payload's statement); the first if offset precedes them all; −1 if there are none.
    private static int StatementAt(IReadOnlyList<CommandStatement> statements, int offset)
    {
        int lo = 0, hi = statements.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (statements[mid].Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found < 0 && statements.Count > 0 ? 0 : found;
    }

    private static string[] Segments(string line, CommandStatement[] statements, List<DecodedText> decoded)
    {
        var segments = new List<string> { WindowsPathQuotes.Strip(line) };
        AddStatements(segments, statements);
        foreach (DecodedText d in decoded)
        {
            segments.Add(WindowsPathQuotes.Strip(d.Text));
            AddStatements(segments, d.Statements);
        }
        return segments.ToArray();
    }

    private static void AddStatements(List<string> segments, IReadOnlyList<CommandStatement> statements)
    {
        if (statements.Count < 2) return;
        foreach (CommandStatement s in statements) segments.Add(WindowsPathQuotes.Strip(s.Text));
    }
}
