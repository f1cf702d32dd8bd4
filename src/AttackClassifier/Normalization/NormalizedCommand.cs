namespace AttackClassifier.Normalization;

/// <summary>One statement of a compound command line: the trimmed text between two top-level separators.</summary>
/// <param name="Text">The statement, trimmed of white space; never empty. Equal to <c>source.Substring(Start, Length)</c>.</param>
/// <param name="Start">Offset of the first character in the text it was split from (the original line, or a decoded text).</param>
/// <param name="Length">Number of UTF-16 characters, ≥ 1.</param>
public readonly record struct CommandStatement(string Text, int Start, int Length);

/// <summary>How a <see cref="DecodedText"/> was recovered.</summary>
public enum DecodedKind
{
    /// <summary>A literal Base64 payload fed to <c>base64 -d</c> / <c>--decode</c> / <c>-D</c> (through <c>echo</c>/<c>printf</c> and a
    /// pipe, or a <c>&lt;&lt;&lt;</c> here-string), decoded as UTF-8.</summary>
    Base64,

    /// <summary>The argument of PowerShell's <c>-EncodedCommand</c> (or <c>-e</c>, <c>-ec</c>, <c>-enc</c>, any prefix; <c>/</c> too):
    /// Base64 of UTF-16LE text.</summary>
    PowerShellEncoded,

    /// <summary>A string holding <c>\xNN</c> escapes (<c>printf '\x63\x61\x74'</c>, <c>echo -e</c>, <c>$'…'</c>), with its escapes interpreted.</summary>
    HexEscape,
}

/// <summary>A text decoded from a payload in the line (or in another decoded text), kept beside the original.</summary>
/// <param name="Kind">The decoder that produced it.</param>
/// <param name="Depth">1 for a payload in the original line, 2 for one inside a depth-1 text, … up to
/// <see cref="CommandNormalizerOptions.MaxDepth"/>.</param>
/// <param name="Text">The decoded text (a leading byte-order mark removed).</param>
/// <param name="Statements">Its statements; offsets index <paramref name="Text"/>.</param>
/// <param name="ParentIndex">The text the payload was found in: −1 for the original line, otherwise an index into
/// <see cref="NormalizedCommand.Decoded"/> (always smaller than this text's own index).</param>
/// <param name="StatementIndex">The statement of the parent that holds the payload (an index into the parent's statements),
/// so a decoded text can be traced to its command of origin (−1 only if the parent has no statements).</param>
public sealed record DecodedText(DecodedKind Kind, int Depth, string Text, IReadOnlyList<CommandStatement> Statements, int ParentIndex, int StatementIndex);

/// <summary>The result of <see cref="CommandNormalizer.Normalize"/>.</summary>
/// <param name="Original">The command line as given.</param>
/// <param name="Statements">Its statements, in order; offsets index <paramref name="Original"/>. Empty for a blank line or one made
/// only of separators.</param>
/// <param name="Decoded">Texts decoded from payloads, breadth first: every depth-1 text, then every depth-2 text, and so on.</param>
/// <param name="Segments">The texts features are taken from, each on its own (no n-gram spans two): the whole line with quotes
/// around Windows paths removed; then each statement (quotes likewise removed) if there is more than one; then, for each decoded
/// text in order, the text and, if it has more than one, its statements (quotes likewise removed). Never empty: the first is
/// always the cleaned whole line.</param>
public sealed record NormalizedCommand(string Original, IReadOnlyList<CommandStatement> Statements, IReadOnlyList<DecodedText> Decoded, IReadOnlyList<string> Segments);

/// <summary>Limits of <see cref="CommandNormalizer"/>.</summary>
public sealed record CommandNormalizerOptions
{
    /// <summary>Largest total length, in UTF-16 characters, of all decoded texts of one line. A decoded text that would take
    /// the total past it is dropped whole (never truncated). Default 65 536; range 0 (decode nothing) to <see cref="int.MaxValue"/>.</summary>
    public int MaxDecodedChars { get; init; } = 65536;

    /// <summary>How many decodings may be nested: a payload inside a decoded text is decoded while its depth stays ≤ this.
    /// Default 3; range 0 (no decoding) to 16.</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    internal void Validate()
    {
        if (MaxDecodedChars < 0) throw new ArgumentException($"MaxDecodedChars must be ≥ 0, not {MaxDecodedChars}.", nameof(MaxDecodedChars));
        if (MaxDepth is < 0 or > 16) throw new ArgumentException($"MaxDepth must lie in [0, 16], not {MaxDepth}.", nameof(MaxDepth));
    }
}
