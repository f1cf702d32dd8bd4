using System.Runtime.InteropServices;
using System.Text.Json;

namespace AttackClassifier.Cli.Output;

/// <summary>Input text and input JSON made safe to write into one output line.</summary>
internal static class JsonText
{
    /// <summary>
    /// <paramref name="text"/> with each unpaired surrogate replaced by U+FFFD. Utf8JsonWriter refuses to write one (it
    /// has no UTF-8 form), and a command read through a <see cref="TextReader"/> may hold one; the byte-stream path of the
    /// telemetry reader already turns invalid UTF-8 into U+FFFD, so both paths end alike. Returns the same string when
    /// there is nothing to replace (one vectorised scan for the surrogate range).
    /// </summary>
    internal static string Wellformed(string text)
    {
        int first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0 || IsWellformedFrom(text, first)) return text;
        return string.Create(text.Length, text, static (chars, source) =>
        {
            source.AsSpan().CopyTo(chars);
            for (int i = 0; i < chars.Length; i++)
            {
                if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
                else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
            }
        });
    }

    private static bool IsWellformedFrom(string text, int start)
    {
        for (int i = start; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    /// <summary>
    /// The input's own bytes of a parsed element, to copy into the output without re-encoding. They are valid JSON (the
    /// reader parsed them), escapes included (a lone-surrogate escape stays an escape, which Utf8JsonWriter could not
    /// write). A CR byte can only be whitespace there — JSON strings hold control characters escaped — and is dropped, so
    /// no output line can be split by it; <paramref name="scratch"/> holds the copy then.
    /// </summary>
    internal static ReadOnlySpan<byte> Raw(JsonElement element, ref byte[] scratch)
    {
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.IndexOf((byte)'\r') < 0) return raw;
        if (scratch.Length < raw.Length) scratch = new byte[raw.Length];
        int n = 0;
        foreach (byte b in raw) if (b != (byte)'\r') scratch[n++] = b;
        return scratch.AsSpan(0, n);
    }
}
