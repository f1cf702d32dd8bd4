using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AttackClassifier.Cli.Output;

/// <summary>
/// The UTF-8 bytes of an output stream's records: one <see cref="Utf8JsonWriter"/> and one growable buffer for the whole
/// stream, reused record after record, handed to the destination in blocks (or after every record when asked).
/// </summary>
/// <remarks>
/// A record is built by the JSON writer and raw byte copies (an input event passed through unparsed) in any mix: call
/// <see cref="Utf8JsonWriter.Flush"/> on <see cref="Json"/> before a raw write so the bytes land in order. Every record
/// ends with <see cref="EndRecord"/>, which writes the LF and resets the writer for the next top-level value.
/// </remarks>
internal sealed class OutputBuffer : IDisposable
{
    /// <summary>Compact JSON; non-ASCII kept readable. Control characters, quotes and backslashes are still escaped, so a
    /// JSON string never holds a raw line break.</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private const int BlockBytes = 32 * 1024;
    private readonly ArrayBufferWriter<byte> _bytes = new(2 * BlockBytes);
    private readonly Action<ReadOnlySpan<byte>> _write;
    private readonly Action _flush;
    private readonly bool _flushEveryRecord;

    private OutputBuffer(Action<ReadOnlySpan<byte>> write, Action flush, bool flushEveryRecord)
    {
        _write = write;
        _flush = flush;
        _flushEveryRecord = flushEveryRecord;
        Json = new Utf8JsonWriter(_bytes, WriterOptions);
    }

    /// <summary>Writes to a byte stream (standard output, a file, a benchmark's sink).</summary>
    internal static OutputBuffer ForStream(Stream stream, bool flushEveryRecord) =>
        new(stream.Write, stream.Flush, flushEveryRecord);

    /// <summary>Writes to a text writer (tests capture output this way): each block is decoded from UTF-8. Blocks end at
    /// record boundaries, so no character is split between two of them.</summary>
    internal static OutputBuffer ForTextWriter(TextWriter writer, bool flushEveryRecord) =>
        new(bytes => writer.Write(Encoding.UTF8.GetString(bytes)), writer.Flush, flushEveryRecord);

    /// <summary>The stream's one JSON writer; it writes into this buffer.</summary>
    internal Utf8JsonWriter Json { get; }

    /// <summary>Appends bytes as they are (call <c>Json.Flush()</c> first when the JSON writer holds pending output).</summary>
    internal void WriteRaw(ReadOnlySpan<byte> bytes) => _bytes.Write(bytes);

    /// <summary>True for a live stream: every record is handed on as soon as it is complete.</summary>
    internal bool FlushesEveryRecord => _flushEveryRecord;

    /// <summary>Appends complete records formatted elsewhere (each ending with LF); hands the buffer on when it is full. A live
    /// stream's caller decides when to <see cref="Flush"/>.</summary>
    internal void WriteRecords(ReadOnlySpan<byte> records)
    {
        _bytes.Write(records);
        if (_bytes.WrittenCount >= BlockBytes) Flush();
    }

    /// <summary>Appends text as UTF-8.</summary>
    internal void WriteText(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        int written = Encoding.UTF8.GetBytes(text, _bytes.GetSpan(max));
        _bytes.Advance(written);
    }

    /// <summary>Ends the current record with LF; hands the buffer on when it is full or every record is flushed.</summary>
    internal void EndRecord()
    {
        Json.Flush();
        Json.Reset();
        _bytes.GetSpan(1)[0] = (byte)'\n';
        _bytes.Advance(1);
        if (_flushEveryRecord || _bytes.WrittenCount >= BlockBytes) Flush();
    }

    /// <summary>Hands every complete record written so far to the destination and flushes it.</summary>
    internal void Flush()
    {
        if (_bytes.WrittenCount > 0) _write(_bytes.WrittenSpan);
        _bytes.ResetWrittenCount();
        _flush();
    }

    public void Dispose() => Json.Dispose();
}
