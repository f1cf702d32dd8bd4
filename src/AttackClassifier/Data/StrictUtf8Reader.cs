using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace AttackClassifier.Data;

/// <summary>
/// Decodes a UTF-8 stream (a leading BOM is skipped) and reports the first invalid byte only when the reader reaches it:
/// every character before it is returned first, so a caller counting lines names the line the bad byte is on. (A
/// <see cref="StreamReader"/> with a throwing decoder fails when it decodes a whole 64 KiB buffer, so the caller's line is
/// wherever that buffer started.)
/// </summary>
internal sealed class StrictUtf8Reader : TextReader
{
    private readonly Stream _stream;
    private readonly byte[] _bytes = new byte[1 << 16];
    private readonly char[] _chars = new char[1 << 16];
    private int _byteStart, _byteEnd, _charPos, _charEnd;
    private long _offset;            // file offset of _bytes[_byteStart]
    private bool _endOfStream, _started;
    private DecoderFallbackException? _invalid;   // thrown once the characters decoded before it are consumed

    internal StrictUtf8Reader(Stream stream) => _stream = stream;

    public override int Peek() => _charPos < _charEnd || Fill() ? _chars[_charPos] : -1;

    public override int Read() => _charPos < _charEnd || Fill() ? _chars[_charPos++] : -1;

    protected override void Dispose(bool disposing)
    {
        if (disposing) _stream.Dispose();
        base.Dispose(disposing);
    }

    // Decodes the next run of characters; false at the end of the stream.
    private bool Fill()
    {
        while (true)
        {
            if (_invalid is not null) throw _invalid;
            if (!_endOfStream)
            {
                Array.Copy(_bytes, _byteStart, _bytes, 0, _byteEnd - _byteStart);   // keep an incomplete sequence from the last read
                (_byteEnd, _byteStart) = (_byteEnd - _byteStart, 0);
                int n = _stream.Read(_bytes, _byteEnd, _bytes.Length - _byteEnd);
                if (n == 0) _endOfStream = true;
                _byteEnd += n;
            }
            if (!_started && (_byteEnd - _byteStart >= 3 || _endOfStream))
            {
                _started = true;
                if (_bytes.AsSpan(_byteStart, _byteEnd - _byteStart).StartsWith("\uFEFF"u8)) { _byteStart += 3; _offset += 3; }
            }
            if (!_started) continue;
            if (_byteStart == _byteEnd && _endOfStream) return false;
            OperationStatus status = Utf8.ToUtf16(_bytes.AsSpan(_byteStart, _byteEnd - _byteStart), _chars, out int read, out int written,
                                                  replaceInvalidSequences: false, isFinalBlock: _endOfStream);
            if (status == OperationStatus.InvalidData)
            {
                byte bad = _bytes[_byteStart + read];
                _invalid = new DecoderFallbackException($"invalid UTF-8 byte 0x{bad:X2} at byte offset {_offset + read}", [bad], 0);
            }
            _byteStart += read;
            _offset += read;
            (_charPos, _charEnd) = (0, written);
            if (written > 0) return true;
        }
    }
}
