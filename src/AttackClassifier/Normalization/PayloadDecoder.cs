using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace AttackClassifier.Normalization;

/// <summary>
/// Decodes one payload found by <see cref="PayloadFinder"/>, or says it is not an encoding of text. All work is linear in
/// the payload's length.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Base64</b> (RFC 4648 §4, the standard alphabet <c>A–Z a–z 0–9 + /</c>): at most two <c>=</c> of padding, only at the
/// end; without padding the length must not leave a single character over (length mod 4 ≠ 1), as a decoder that tolerates
/// missing padding needs. Any other character (white space, <c>-</c>, <c>_</c>, a quote) makes the payload invalid.</item>
/// <item><see cref="DecodedKind.Base64"/> bytes must be valid UTF-8; <see cref="DecodedKind.PowerShellEncoded"/> bytes must be
/// UTF-16LE (what <c>[Text.Encoding]::Unicode</c> writes): an even number of bytes and no unpaired surrogate.</item>
/// <item><see cref="DecodedKind.HexEscape"/> interprets the string as bash's <c>echo -e</c>/<c>printf</c> do for the escapes that
/// matter here: <c>\xH</c>/<c>\xHH</c> give a byte, <c>\n</c> <c>\t</c> <c>\r</c> <c>\\</c> <c>\'</c> <c>\"</c> their character; any other
/// backslash pair is kept as written. Bytes and literal characters (as UTF-8) together must be valid UTF-8.</item>
/// <item>Text rule, for every kind (a leading byte-order mark removed first): not empty or white space only, and at most 10 %
/// control characters (Unicode Cc other than tab, line feed and carriage return). Compressed or encrypted payloads fail it.</item>
/// <item>A decoded text longer than the remaining budget is rejected whole; a payload whose decoded length is certainly above
/// the budget is rejected before decoding.</item>
/// </list>
/// </remarks>
internal static class PayloadDecoder
{
    private const double MaxControlShare = 0.10;

    /// <summary>The decoded text, or null when the payload is not a valid encoding of text or its text exceeds <paramref name="budget"/> characters.</summary>
    internal static string? Decode(DecodedKind kind, ReadOnlySpan<char> payload, int budget) => kind switch
    {
        DecodedKind.Base64 => DecodeBase64Utf8(payload, budget),
        DecodedKind.PowerShellEncoded => DecodeBase64Utf16(payload, budget),
        _ => DecodeHexEscapes(payload, budget),
    };

    private static string? DecodeBase64Utf8(ReadOnlySpan<char> payload, int budget)
    {
        // UTF-8 needs at most 3 bytes per UTF-16 character (4 for a surrogate pair), so the text has ≥ bytes/3 characters.
        if (Base64ByteCount(payload) is not int count || count / 3 > budget) return null;
        byte[] bytes = new byte[count];
        if (!TryDecodeBase64(payload, bytes)) return null;
        return Utf8Text(bytes, budget);
    }

    private static string? DecodeBase64Utf16(ReadOnlySpan<char> payload, int budget)
    {
        if (Base64ByteCount(payload) is not int count || count % 2 != 0 || count / 2 > budget) return null;
        byte[] bytes = new byte[count];
        if (!TryDecodeBase64(payload, bytes)) return null;
        var chars = new char[count / 2];
        for (int k = 0; k < chars.Length; k++) chars[k] = (char)(bytes[2 * k] | bytes[2 * k + 1] << 8);   // little-endian
        for (int k = 0; k < chars.Length; k++)
        {
            if (char.IsHighSurrogate(chars[k]) && k + 1 < chars.Length && char.IsLowSurrogate(chars[k + 1])) k++;
            else if (char.IsSurrogate(chars[k])) return null;
        }
        return Accept(chars, budget);
    }

    /// <summary>The number of bytes <paramref name="s"/> decodes to, or null if it is not Base64 as the class remarks define it.</summary>
    internal static int? Base64ByteCount(ReadOnlySpan<char> s)
    {
        int padding = s.EndsWith("==") ? 2 : s.EndsWith("=") ? 1 : 0;
        ReadOnlySpan<char> body = s[..^padding];
        if (body.IsEmpty || body.ContainsAnyExcept(Base64Alphabet)) return null;
        if (padding > 0 ? s.Length % 4 != 0 : body.Length % 4 == 1) return null;
        return body.Length / 4 * 3 + (body.Length % 4 == 0 ? 0 : body.Length % 4 - 1);
    }

    private static readonly SearchValues<char> Base64Alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    private static bool TryDecodeBase64(ReadOnlySpan<char> s, byte[] destination)
    {
        int padded = (s.Length + 3) / 4 * 4;
        if (padded == s.Length) return Convert.TryFromBase64Chars(s, destination, out int written) && written == destination.Length;
        var chars = new char[padded];   // restore the padding a tolerant decoder would assume
        s.CopyTo(chars);
        chars.AsSpan(s.Length).Fill('=');
        return Convert.TryFromBase64Chars(chars, destination, out int w) && w == destination.Length;
    }

    private static string? DecodeHexEscapes(ReadOnlySpan<char> s, int budget)
    {
        var bytes = new List<byte>(s.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (int j = 0; j < s.Length; j++)
        {
            char c = s[j];
            if (c == '\\' && j + 1 < s.Length)
            {
                char e = s[j + 1];
                if (e == 'x' && j + 2 < s.Length && char.IsAsciiHexDigit(s[j + 2]))
                {
                    int value = HexValue(s[j + 2]);
                    j += 2;
                    if (j + 1 < s.Length && char.IsAsciiHexDigit(s[j + 1])) value = 16 * value + HexValue(s[++j]);
                    bytes.Add((byte)value);
                    continue;
                }
                char? escaped = e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '\\' => '\\', '\'' => '\'', '"' => '"', _ => null };
                if (escaped is char x) { bytes.Add((byte)x); j++; continue; }
            }
            // A literal character (a surrogate pair together) as UTF-8; an unpaired surrogate is not text.
            OperationStatus status = Rune.DecodeFromUtf16(s[j..], out Rune rune, out int used);
            if (status != OperationStatus.Done) return null;
            int n = rune.EncodeToUtf8(utf8);
            for (int k = 0; k < n; k++) bytes.Add(utf8[k]);
            j += used - 1;
            if (bytes.Count / 3 > budget) return null;   // its text is certainly over budget: stop early
        }
        return Utf8Text(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes), budget);
    }

    private static int HexValue(char h) => h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10;

    // Strict UTF-8 → UTF-16 (no replacement characters), then the text rule.
    private static string? Utf8Text(ReadOnlySpan<byte> bytes, int budget)
    {
        var chars = new char[bytes.Length];   // UTF-8 never yields more UTF-16 units than bytes
        if (Utf8.ToUtf16(bytes, chars, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done) return null;
        return Accept(chars.AsSpan(0, written), budget);
    }

    // The text rule of the class remarks; the BOM is dropped before measuring.
    private static string? Accept(ReadOnlySpan<char> text, int budget)
    {
        if (text.StartsWith('\uFEFF')) text = text[1..];
        if (text.Length > budget || text.IsWhiteSpace()) return null;
        int control = 0;
        foreach (char c in text) if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) control++;
        return control > MaxControlShare * text.Length ? null : new string(text);
    }
}
