using System.Text;
using AttackClassifier.Telemetry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Telemetry;

public class BoundedLineReaderTests
{
    private static List<(long Number, string Text, bool Truncated, long Bytes)> Lines(TextReader reader, int maxChars = int.MaxValue, long maxBytes = long.MaxValue)
    {
        var lines = new BoundedLineReader(reader);
        var result = new List<(long, string, bool, long)>();
        while (lines.TryRead(maxChars, maxBytes, out BoundedLine line)) result.Add((line.Number, line.Text.ToString(), line.Truncated, line.Utf8Bytes));
        return result;
    }

    /// <summary>A reader that hands out its text a few chars at a time, so lines straddle every chunk boundary.</summary>
    private sealed class TrickleReader(string text, int step) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            int n = Math.Min(Math.Min(count, step), text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }

    /// <summary>A line of <paramref name="length"/> 'a's, then the given tail, generated as read: nothing is held.</summary>
    private sealed class HugeLineReader(long length, string tail) : TextReader
    {
        private long _position;

        public override int Read(char[] buffer, int index, int count)
        {
            int n = 0;
            for (; n < count && _position < length + tail.Length; n++, _position++)
                buffer[index + n] = _position < length ? 'a' : tail[(int)(_position - length)];
            return n;
        }
    }

    /// <summary>The same as bytes, for the Stream overload.</summary>
    private sealed class HugeLineStream(long length, byte[] tail) : Stream
    {
        private long _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            for (; n < count && _position < length + tail.Length; n++, _position++)
                buffer[offset + n] = _position < length ? (byte)'a' : tail[(int)(_position - length)];
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void Lines_end_at_lf_crlf_loses_its_cr_a_lone_cr_stays_and_a_bom_is_skipped()
    {
        var lines = Lines(new StringReader("\uFEFFa\r\nb\rc\n\nlast"));
        Assert.Equal([(1L, "a", false, 1L), (2, "b\rc", false, 3), (3, "", false, 0), (4, "last", false, 4)], lines);
    }

    [Fact]
    public void Utf8_length_counts_the_whole_line_even_past_what_is_kept()
    {
        var lines = Lines(new StringReader("é€\U0001F600xyz\n"), maxChars: 3);
        Assert.Equal([(1L, "é€", true, 2 + 3 + 4 + 3L)], lines);   // the emoji's pair is not split at char 3
    }

    [Property(MaxTest = 300)]
    public Property Any_text_read_in_any_chunks_splits_like_string_split_on_lf()
    {
        var text = Gen.Elements("a", "b", "\n", "\r", "\r\n", "é", "\U0001F600", " ").ArrayOf().Select(string.Concat);
        return Prop.ForAll(text.ToArbitrary(), Gen.Choose(1, 7).ToArbitrary(), Gen.Choose(0, 6).ToArbitrary(), (s, step, max) =>
        {
            List<string> expected = [.. s.Split('\n')];
            if (expected[^1].Length == 0) expected.RemoveAt(expected.Count - 1);   // a final LF ends the last line
            expected = [.. expected.Select(l => l.EndsWith('\r') ? l[..^1] : l)];
            var lines = Lines(new TrickleReader(s, step), maxChars: max);
            Assert.Equal(expected.Count, lines.Count);
            for (int i = 0; i < lines.Count; i++)
            {
                string e = expected[i];
                int keep = CommandText.CutLength(e, max);
                Assert.Equal((i + 1L, e[..keep], e.Length > max, (long)Encoding.UTF8.GetByteCount(e)), lines[i]);
            }
        });
    }

    [Fact]
    public void A_50_MB_plain_line_is_cut_without_being_buffered()
    {
        const long length = 50_000_000;
        long before = GC.GetAllocatedBytesForCurrentThread();
        List<TelemetryRecord> records = [.. TelemetryReader.Read(new HugeLineReader(length, "\nid\n"), new TelemetryReaderOptions())];
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2, records.Count);
        Assert.Equal((64 * 1024, true), (records[0].CommandLine!.Length, records[0].Truncated));
        Assert.Equal(("id", 2L), (records[1].CommandLine, records[1].LineNumber));
        Assert.True(allocated < 2_000_000, $"allocated {allocated:N0} bytes for a {length:N0}-char line");
    }

    [Fact]
    public void A_50_MB_json_line_from_a_stream_is_one_error_record_without_being_buffered()
    {
        const long length = 50_000_000;
        var stream = new HugeLineStream(length, "\n{\"c\":\"id\"}\n"u8.ToArray());
        long before = GC.GetAllocatedBytesForCurrentThread();
        List<TelemetryRecord> records = [.. TelemetryReader.Read(stream, new TelemetryReaderOptions { Format = TelemetryFormat.Jsonl, FieldPath = "c" })];
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2, records.Count);
        Assert.Equal("line is 50000000 bytes, over the 1048576-byte JSON line limit.", records[0].Error);
        Assert.Equal("id", records[1].CommandLine);
        Assert.True(allocated < 8_000_000, $"allocated {allocated:N0} bytes for a {length:N0}-byte line");
    }

    [Fact]
    public void A_50_MB_audit_line_is_one_error_record_without_being_buffered()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        List<TelemetryRecord> records = [.. TelemetryReader.Read(new HugeLineReader(50_000_000, "\n"), new TelemetryReaderOptions { Format = TelemetryFormat.Auditd })];
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("audit record is 50000000 bytes, over the 1048576-byte line limit.", Assert.Single(records).Error);
        Assert.True(allocated < 8_000_000, $"allocated {allocated:N0} bytes");
    }
}
