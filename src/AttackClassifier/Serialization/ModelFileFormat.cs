using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AttackClassifier.Serialization;

/// <summary>The kinds of model a model file can hold. The numbers are part of the file format: never renumber.</summary>
public enum ModelKind : byte
{
    /// <summary>TF-IDF features + multinomial logistic regression.</summary>
    LogisticRegression = 1,

    /// <summary>Sequence encoder + embedding + LSTM.</summary>
    Lstm = 2,

    /// <summary>A session tagger: a per-statement tactic model smoothed over the session, by tactic transitions (Sessions/SessionTagger)
    /// or a bidirectional LSTM over statement vectors (Models/Sequence/BiLstmTagger); the payload's first field says which.</summary>
    SessionTagger = 3,
}

/// <summary>
/// The container every model file shares. Byte layout (little-endian):
/// <code>
/// offset  size  field
///      0     4  magic "ACMF" (AttackClassifier Model File)
///      4     2  format version (uint16): 1, 2, or currently 3 (3 = 2 without the LSTM's per-epoch wall-clock seconds)
///      6     1  model kind (uint8, <see cref="ModelKind"/>)
///      7     1  reserved, 0
///      8     8  payload length L in bytes (int64)
///     16    32  SHA-256 of the payload: the model's identity (the same data and seed give the same hash)
///     48     L  payload: the model's fields, written by <see cref="PayloadWriter"/> in the order its writer documents;
///               from version 2 it ends with the calibration (temperature double, threshold double, rule string)
/// version ≥ 2, after the payload:
///   48+L     4  metadata length M (int32)
///   52+L     M  metadata: one UTF-8 JSON object (<see cref="ModelMetadata"/>: created, tool version, training data, options)
///   52+L+M  32  SHA-256 of the metadata bytes
/// </code>
/// The metadata is descriptive and kept outside the payload so that the payload hash does not depend on the time a model
/// was written; nothing in it changes a prediction. Nothing the writer stores depends on the wall clock (from version 3 the
/// LSTM history keeps no epoch durations; a creation time is stored only when the caller gives one), so the same model and
/// metadata give byte-identical files. The payload holds only numbers, strings and arrays of them: nothing in
/// the file names a type or code to run, so loading cannot instantiate anything the library does not already decide to build.
/// </summary>
internal static class ModelFileFormat
{
    internal static ReadOnlySpan<byte> Magic => "ACMF"u8;
    internal const ushort CurrentVersion = 3;
    internal const int HeaderSize = 48;
    internal const int MaxMetadataBytes = 1 << 20;

    internal static void Write(Stream stream, ModelKind kind, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> metadata)
    {
        if (metadata.Length > MaxMetadataBytes) throw new ArgumentException($"The metadata is {metadata.Length} bytes; at most {MaxMetadataBytes}.", nameof(metadata));
        Span<byte> header = stackalloc byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], CurrentVersion);
        header[6] = (byte)kind;
        header[7] = 0;
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], payload.Length);
        SHA256.HashData(payload, header[16..]);
        stream.Write(header);
        stream.Write(payload);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, metadata.Length);
        stream.Write(length);
        stream.Write(metadata);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(metadata, hash);
        stream.Write(hash);
    }

    /// <summary>Reads and verifies the container; returns the payload of a model of kind <paramref name="expected"/>.</summary>
    internal static byte[] Read(Stream stream, string source, ModelKind? expected) => Read(stream, source, expected, out _, out _, out _);

    // A stream of unknown length: grow the buffer with the bytes that actually arrive, so a header announcing gigabytes
    // costs nothing until they come.
    private static byte[] ReadUnseekable(Stream stream, long length, string source)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < length)
        {
            int n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, length - buffer.Length));
            if (n == 0)
                throw new ModelFormatException($"{source}: truncated: the header announces {length} payload bytes, the stream ended after {buffer.Length}.");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    /// <summary>As <see cref="Read(Stream, string, ModelKind?)"/>, also returning the file's model kind.</summary>
    internal static byte[] Read(Stream stream, string source, ModelKind? expected, out ModelKind kind, out ushort version, out byte[]? metadata)
    {
        metadata = null;
        Span<byte> header = stackalloc byte[HeaderSize];
        int got = stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false);
        if (got >= 4 && !header[..4].SequenceEqual(Magic) || got == 0)
            throw new ModelFormatException($"{source}: not an AttackClassifier model file (no 'ACMF' signature).");
        if (got < HeaderSize)
            throw new ModelFormatException($"{source}: truncated: the file ends inside its {HeaderSize}-byte header ({got} bytes).");
        version = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
        if (version > CurrentVersion)
            throw new ModelFormatException($"{source}: written in model format version {version}, newer than this library reads ({CurrentVersion}); upgrade AttackClassifier or retrain the model with this version.");
        if (version == 0)
            throw new ModelFormatException($"{source}: invalid format version 0.");
        kind = (ModelKind)header[6];
        if (!Enum.IsDefined(kind))
            throw new ModelFormatException($"{source}: unknown model kind {header[6]}.");
        if (expected is { } want && kind != want)
            throw new ModelFormatException($"{source}: holds a {kind} model, not a {want} model.");
        long length = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
        if (stream.CanSeek && length > stream.Length - stream.Position || length < 0 || length > Array.MaxLength)
            throw new ModelFormatException($"{source}: truncated: the header announces {length} payload bytes, the file has {(stream.CanSeek ? stream.Length - stream.Position : 0)}.");
        byte[] payload = stream.CanSeek ? new byte[length] : ReadUnseekable(stream, length, source);
        int read = stream.CanSeek ? stream.ReadAtLeast(payload, payload.Length, throwOnEndOfStream: false) : payload.Length;
        if (read < length)
            throw new ModelFormatException($"{source}: truncated: the header announces {length} payload bytes, the file has {read}.");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload, hash);
        if (!hash.SequenceEqual(header[16..]))
            throw new ModelFormatException($"{source}: corrupted: the payload's SHA-256 does not match the header.");
        if (version >= 2) metadata = ReadMetadata(stream, source);
        return payload;
    }

    private static byte[] ReadMetadata(Stream stream, string source)
    {
        Span<byte> length = stackalloc byte[4];
        if (stream.ReadAtLeast(length, 4, throwOnEndOfStream: false) < 4)
            throw new ModelFormatException($"{source}: truncated: the file ends before its metadata block.");
        int m = BinaryPrimitives.ReadInt32LittleEndian(length);
        if (m < 0 || m > MaxMetadataBytes)
            throw new ModelFormatException($"{source}: corrupted: invalid metadata length {m} (at most {MaxMetadataBytes} bytes).");
        byte[] metadata = new byte[m];
        Span<byte> stored = stackalloc byte[32];
        if (stream.ReadAtLeast(metadata, m, throwOnEndOfStream: false) < m || stream.ReadAtLeast(stored, 32, throwOnEndOfStream: false) < 32)
            throw new ModelFormatException($"{source}: truncated or corrupted: the file ends inside the {m}-byte metadata block its length field announces.");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(metadata, hash);
        if (!hash.SequenceEqual(stored))
            throw new ModelFormatException($"{source}: corrupted: the metadata's SHA-256 does not match.");
        return metadata;
    }
}

/// <summary>Appends little-endian primitives, UTF-8 strings and arrays to a model payload.</summary>
internal sealed class PayloadWriter
{
    private readonly MemoryStream _buffer = new();
    private readonly BinaryWriter _writer;

    internal PayloadWriter() => _writer = new BinaryWriter(_buffer, Encoding.UTF8, leaveOpen: true);

    internal void Write(int value) => _writer.Write(value);
    internal void Write(double value) => _writer.Write(value);
    internal void Write(bool value) => _writer.Write(value);

    /// <summary>Int32 byte length, then UTF-8 bytes.</summary>
    internal void Write(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        _writer.Write(bytes.Length);
        _writer.Write(bytes);
    }

    /// <summary>Int32 count, then the elements.</summary>
    internal void Write(ReadOnlySpan<double> values)
    {
        _writer.Write(values.Length);
        foreach (double v in values) _writer.Write(v);
    }

    /// <summary>Int32 count, then the elements.</summary>
    internal void Write(ReadOnlySpan<float> values)
    {
        _writer.Write(values.Length);
        foreach (float v in values) _writer.Write(v);
    }

    /// <summary>Int32 count, then the elements.</summary>
    internal void Write(ReadOnlySpan<int> values)
    {
        _writer.Write(values.Length);
        foreach (int v in values) _writer.Write(v);
    }

    /// <summary>Int32 count, then each string as <see cref="Write(string)"/>.</summary>
    internal void Write(IReadOnlyList<string> values)
    {
        _writer.Write(values.Count);
        foreach (string v in values) Write(v);
    }

    internal ReadOnlySpan<byte> Payload
    {
        get
        {
            _writer.Flush();
            return _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length);
        }
    }
}

/// <summary>Reads what <see cref="PayloadWriter"/> wrote; every length is checked against the bytes left before anything is allocated.</summary>
internal sealed class PayloadReader(byte[] payload, string source, ushort version = ModelFileFormat.CurrentVersion)
{
    private int _position;

    /// <summary>The file's format version: fields added in a later version are read only from files of that version.</summary>
    internal ushort Version => version;

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (count < 0 || count > payload.Length - _position)
            throw new ModelFormatException($"{source}: invalid model payload: {what} needs {count} bytes at offset {_position}, {payload.Length - _position} left.");
        var span = payload.AsSpan(_position, count);
        _position += count;
        return span;
    }

    internal int ReadInt32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));
    internal double ReadDouble(string what) => BinaryPrimitives.ReadDoubleLittleEndian(Take(8, what));
    internal bool ReadBoolean(string what) => Take(1, what)[0] switch
    {
        0 => false,
        1 => true,
        byte b => throw new ModelFormatException($"{source}: invalid model payload: {what} is {b}, not a boolean."),
    };

    internal string ReadString(string what) => Encoding.UTF8.GetString(Take(ReadInt32(what), what));

    internal double[] ReadDoubles(string what)
    {
        int n = ReadCount(what, 8);
        var values = new double[n];
        ReadOnlySpan<byte> bytes = Take(8 * n, what);
        for (int i = 0; i < n; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(8 * i)..]);
        return values;
    }

    internal float[] ReadFloats(string what)
    {
        int n = ReadCount(what, 4);
        var values = new float[n];
        ReadOnlySpan<byte> bytes = Take(4 * n, what);
        for (int i = 0; i < n; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
        return values;
    }

    internal int[] ReadInt32s(string what)
    {
        int n = ReadCount(what, 4);
        var values = new int[n];
        ReadOnlySpan<byte> bytes = Take(4 * n, what);
        for (int i = 0; i < n; i++) values[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]);
        return values;
    }

    internal string[] ReadStrings(string what)
    {
        int n = ReadCount(what, 4);
        var values = new string[n];
        for (int i = 0; i < n; i++) values[i] = ReadString(what);
        return values;
    }

    /// <summary>Throws unless the whole payload was consumed: trailing bytes mean writer and reader disagree.</summary>
    internal void EnsureEnd()
    {
        if (_position != payload.Length)
            throw new ModelFormatException($"{source}: invalid model payload: {payload.Length - _position} unexpected trailing bytes.");
    }

    /// <summary>Fails with a clear message unless <paramref name="condition"/> holds.</summary>
    internal void Check(bool condition, string problem)
    {
        if (!condition) throw new ModelFormatException($"{source}: invalid model payload: {problem}.");
    }

    private int ReadCount(string what, int elementSize)
    {
        int n = ReadInt32(what);
        if (n < 0 || (long)n * elementSize > payload.Length - _position)
            throw new ModelFormatException($"{source}: invalid model payload: {what} claims {n} elements, more than the {payload.Length - _position} bytes left.");
        return n;
    }
}
