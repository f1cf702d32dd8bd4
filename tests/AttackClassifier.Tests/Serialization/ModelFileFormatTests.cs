using AttackClassifier.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Serialization;

public class ModelFileFormatTests
{
    private static byte[] File(ModelKind kind = ModelKind.LogisticRegression)
    {
        var payload = new PayloadWriter();
        payload.Write("T1082: System Information Discovery");
        payload.Write([1.5, -2.0, double.Epsilon]);
        payload.Write([0.25f, 3f]);
        payload.Write([7, -1]);
        payload.Write(["a", "é,\"", ""]);
        payload.Write(42);
        payload.Write(true);
        var stream = new MemoryStream();
        ModelFileFormat.Write(stream, kind, payload.Payload, """{"name":"test"}"""u8);
        return stream.ToArray();
    }

    private static ModelFormatException LoadFails(byte[] bytes, ModelKind expected = ModelKind.LogisticRegression) =>
        Assert.Throws<ModelFormatException>(() => ModelFileFormat.Read(new MemoryStream(bytes), "model.acm", expected));

    [Fact]
    public void Payload_round_trips_every_field_type()
    {
        byte[] payload = ModelFileFormat.Read(new MemoryStream(File()), "model.acm", ModelKind.LogisticRegression);
        var r = new PayloadReader(payload, "model.acm");
        Assert.Equal("T1082: System Information Discovery", r.ReadString("label"));
        Assert.Equal([1.5, -2.0, double.Epsilon], r.ReadDoubles("d"));
        Assert.Equal([0.25f, 3f], r.ReadFloats("f"));
        Assert.Equal([7, -1], r.ReadInt32s("i"));
        Assert.Equal(["a", "é,\"", ""], r.ReadStrings("s"));
        Assert.Equal(42, r.ReadInt32("n"));
        Assert.True(r.ReadBoolean("b"));
        r.EnsureEnd();
    }

    [Fact]
    public void Header_starts_with_magic_version_and_kind()
    {
        byte[] bytes = File(ModelKind.Lstm);
        Assert.Equal("ACMF"u8.ToArray(), bytes[..4]);
        Assert.Equal([3, 0], bytes[4..6]);
        Assert.Equal((byte)ModelKind.Lstm, bytes[6]);
    }

    [Fact]
    public void Wrong_kind_is_named()
    {
        var e = LoadFails(File(ModelKind.Lstm), ModelKind.LogisticRegression);
        Assert.Contains("holds a Lstm model, not a LogisticRegression model", e.Message);
    }

    [Fact]
    public void Future_version_says_to_upgrade()
    {
        byte[] bytes = File();
        bytes[4] = 4;
        Assert.Contains("newer than this library reads", LoadFails(bytes).Message);
    }

    [Fact]
    public void Not_a_model_file_is_recognised()
    {
        Assert.Contains("not an AttackClassifier model file", LoadFails("proctitle,technique_grouped,count\n"u8.ToArray()).Message);
        Assert.Contains("not an AttackClassifier model file", LoadFails([]).Message);
    }

    [Property(MaxTest = 100)]
    public Property Every_truncation_is_rejected_as_truncated()
    {
        byte[] bytes = File();
        return Prop.ForAll(Gen.Choose(4, bytes.Length - 1).ToArbitrary(), length =>
            Assert.Contains("truncated", LoadFails(bytes[..length]).Message));
    }

    [Property(MaxTest = 200)]
    public Property Any_flipped_payload_bit_is_rejected_as_corrupted()
    {
        byte[] bytes = File();
        var flip = from position in Gen.Choose(ModelFileFormat.HeaderSize, bytes.Length - 1) from bit in Gen.Choose(0, 7) select (position, bit);
        return Prop.ForAll(flip.ToArbitrary(), f =>
        {
            byte[] copy = (byte[])bytes.Clone();
            copy[f.position] ^= (byte)(1 << f.bit);
            Assert.Contains("corrupted", LoadFails(copy).Message);
        });
    }

    [Fact]
    public void A_payload_claiming_a_huge_array_fails_before_allocating()
    {
        var payload = new PayloadWriter();
        payload.Write(int.MaxValue);   // read back as the element count of a double array
        var r = new PayloadReader(payload.Payload.ToArray(), "model.acm");
        Assert.Contains("claims 2147483647 elements", Assert.Throws<ModelFormatException>(() => r.ReadDoubles("coefficients")).Message);
    }

    [Fact]
    public void Trailing_bytes_are_reported()
    {
        var payload = new PayloadWriter();
        payload.Write(1);
        payload.Write(2);
        var r = new PayloadReader(payload.Payload.ToArray(), "model.acm");
        r.ReadInt32("first");
        Assert.Contains("trailing", Assert.Throws<ModelFormatException>(r.EnsureEnd).Message);
    }

    [Fact]
    public void A_non_seekable_stream_announcing_a_huge_payload_fails_as_truncated_without_allocating_it()
    {
        byte[] bytes = File();
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 8), (long)Array.MaxLength);   // header claims ~2 GB of payload
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ModelFormatException>(() => ModelFileFormat.Read(new ForwardOnly(bytes), "pipe", ModelKind.LogisticRegression));
        Assert.Contains("truncated", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000, "allocated as much as the header claimed");
    }

    /// <summary>A stream that cannot seek, as a pipe or a network stream.</summary>
    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
