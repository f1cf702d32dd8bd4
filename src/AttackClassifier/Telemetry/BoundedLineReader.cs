using System.Text;

namespace AttackClassifier.Telemetry;

/// <summary>One line from <see cref="BoundedLineReader"/>. <see cref="Text"/> is valid until the next read.</summary>
/// <param name="Number">1-based line number (lines end at LF).</param>
/// <param name="Text">The kept part of the line, without its LF and without a CR before the LF.</param>
/// <param name="Truncated">The line had more chars than the reader was asked to keep; <see cref="Text"/> is its cut prefix.</param>
/// <param name="Utf8Bytes">The whole line's UTF-8 length (without the line break), counted even past what was kept.</param>
internal readonly record struct BoundedLine(long Number, ReadOnlyMemory<char> Text, bool Truncated, long Utf8Bytes);

/// <summary>
/// Reads LF-terminated lines keeping at most a given number of chars and UTF-8 bytes of each: the rest of an over-long
/// line is read in fixed chunks and dropped, so a 50 MB line costs one chunk of memory, not 50 MB. A CR before the LF
/// (CRLF files) is dropped; a lone CR is content, so line numbers agree with <c>wc -l</c> and <c>sed -n Np</c>.
/// A U+FEFF byte-order mark at the very start of the input is skipped.
/// </summary>
internal sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly char[] _chunk = new char[16 * 1024];
    private int _chunkStart, _chunkEnd;
    private char[] _line = new char[256];
    private long _lineNumber;
    private bool _atStart = true;

    internal BoundedLineReader(TextReader reader) => _reader = reader;

    /// <summary>Reads the next line; false at end of input (an empty last "line" after a final LF is not a line).</summary>
    /// <param name="maxChars">Chars to keep; beyond them <see cref="BoundedLine.Truncated"/> is set and the text is cut
    /// by <see cref="CommandText.CutLength"/>.</param>
    /// <param name="maxUtf8Bytes">Stop keeping chars once the line passes this many UTF-8 bytes (the caller rejects the
    /// line by <see cref="BoundedLine.Utf8Bytes"/>).</param>
    /// <param name="line">The line read.</param>
    internal bool TryRead(int maxChars, long maxUtf8Bytes, out BoundedLine line)
    {
        // Keep one char (and byte) beyond the limits: a CR there may still be the CR of CRLF (no cut), and a low
        // surrogate there tells whether the cut would split a pair.
        int keepLimit = maxChars < int.MaxValue ? maxChars + 1 : maxChars;
        int kept = 0;
        long bytes = 0;
        char last = '\0';
        bool overflow = false, consumed = false, pendingHigh = false;
        while (true)
        {
            if (_chunkStart == _chunkEnd)
            {
                _chunkStart = 0;
                _chunkEnd = _reader.Read(_chunk, 0, _chunk.Length);
                if (_chunkEnd == 0) break;
                if (_atStart && _chunk[0] == '\uFEFF') _chunkStart = 1;
                _atStart = false;
                if (_chunkStart == _chunkEnd) continue;
            }
            consumed = true;
            ReadOnlySpan<char> available = _chunk.AsSpan(_chunkStart, _chunkEnd - _chunkStart);
            int lf = available.IndexOf('\n');
            ReadOnlySpan<char> part = lf < 0 ? available : available[..lf];
            _chunkStart += lf < 0 ? part.Length : lf + 1;
            bytes += Utf8Length(part, ref pendingHigh);
            if (!part.IsEmpty) last = part[^1];
            if (!overflow)
            {
                int take = bytes - 1 > maxUtf8Bytes ? 0 : Math.Min(keepLimit - kept, part.Length);
                Keep(part[..take], ref kept);
                overflow = take < part.Length;
            }
            if (lf >= 0) break;
        }
        if (!consumed)
        {
            line = default;
            return false;
        }
        _lineNumber++;
        if (pendingHigh) bytes += 3;   // a lone high surrogate ends the line: encoded as U+FFFD
        if (last == '\r')
        {
            bytes--;
            if (!overflow) kept--;
        }
        bool truncated = overflow || kept > maxChars;
        kept = CommandText.CutLength(_line.AsSpan(0, kept), maxChars);
        line = new BoundedLine(_lineNumber, _line.AsMemory(0, kept), truncated, bytes);
        return true;
    }

    // The UTF-8 length of part, exact across chunk boundaries: a surrogate pair split between two chunks counts 4
    // bytes, not 3 + 3 for two lone halves.
    private static long Utf8Length(ReadOnlySpan<char> part, ref bool pendingHigh)
    {
        long n = 0;
        if (pendingHigh)
        {
            pendingHigh = false;
            if (!part.IsEmpty && char.IsLowSurrogate(part[0]))
            {
                n += 4;
                part = part[1..];
            }
            else
            {
                n += 3;
            }
        }
        if (!part.IsEmpty && char.IsHighSurrogate(part[^1]))
        {
            pendingHigh = true;
            part = part[..^1];
        }
        return n + Encoding.UTF8.GetByteCount(part);
    }

    private void Keep(ReadOnlySpan<char> part, ref int kept)
    {
        if (part.IsEmpty) return;
        if (kept + part.Length > _line.Length)
            Array.Resize(ref _line, (int)Math.Min(Array.MaxLength, Math.Max(2L * _line.Length, (long)kept + part.Length)));
        part.CopyTo(_line.AsSpan(kept));
        kept += part.Length;
    }
}
