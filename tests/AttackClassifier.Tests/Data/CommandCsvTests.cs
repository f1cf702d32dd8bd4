using System.Text;
using AttackClassifier.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Data;

public class CommandCsvTests
{
    private static List<CommandRecord> Read(string csv, DatasetReadOptions? options = null)
    {
        using var reader = new CommandCsvReader(new StringReader(csv), "test.csv", options);
        return reader.ReadAll().ToList();
    }

    private static DatasetFormatException ReadFails(string csv, DatasetReadOptions? options = null) =>
        Assert.Throws<DatasetFormatException>(() => Read(csv, options));

    [Fact]
    public void Reads_the_study_schema_with_optional_technique()
    {
        var rows = Read("proctitle,technique,technique_grouped,count\nuname -a,T1082: System Information Discovery,T1082: System Information Discovery,20000\n");
        var row = Assert.Single(rows);
        Assert.Equal("uname -a", row.CommandLine);
        Assert.Equal("T1082: System Information Discovery", row.Label);
        Assert.Equal("T1082: System Information Discovery", row.Technique);
        Assert.Equal(20000.0, row.Count);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_extra_columns_are_ignored()
    {
        var rows = Read("count,host,technique_grouped,proctitle\n3,web01,Normal,ls -la\n");
        Assert.Equal(new CommandRecord("ls -la", "Normal", 3, null), Assert.Single(rows));
    }

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var rows = Read("proctitle,technique_grouped,count\r\n\"awk -F, '{print $1}' /etc/passwd\",T1087,1\r\n\"echo \"\"hi\"\"\",Normal,2\r\n\"line1\r\nline2\",Normal,1\r\n");
        Assert.Equal(["awk -F, '{print $1}' /etc/passwd", "echo \"hi\"", "line1\r\nline2"], rows.Select(r => r.CommandLine));
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_literal_as_in_python_csv()
    {
        var rows = Read("proctitle,technique_grouped,count\nbash -c \"id\",T1059,1\n");
        Assert.Equal("bash -c \"id\"", Assert.Single(rows).CommandLine);
    }

    [Fact]
    public void Utf8_bom_is_skipped_and_lf_cr_lf_both_work()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("proctitle,technique_grouped,count\r\nid,T1033,1\nwhoami,T1033,2")]);
            var dataset = CommandDataset.Load(path);
            Assert.Equal(["id", "whoami"], dataset.Records.Select(r => r.CommandLine));
            Assert.Equal(3.0, dataset.TotalObservations);
        }
        finally { File.Delete(path); }
    }

    // Rows of ~50 bytes: row 3000 starts ~150 KB in, past two 64 KiB read buffers.
    private static byte[] ManyRows(bool bom, int badLine, byte[] bad)
    {
        var bytes = new List<byte>();
        if (bom) bytes.AddRange([0xEF, 0xBB, 0xBF]);
        bytes.AddRange(Encoding.UTF8.GetBytes("proctitle,technique_grouped,count\n"));
        for (int line = 2; line <= 4000; line++)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes($"cat /var/log/caf\u00e9-{line}.log | grep \u20ac,T1005,1"));   // 2- and 3-byte characters
            if (line == badLine) bytes.AddRange(bad);
            bytes.Add((byte)'\n');
        }
        return [.. bytes];
    }

    [Theory]
    [InlineData(false, 3000, new byte[] { 0xFF })]
    [InlineData(true, 3000, new byte[] { 0xFF })]
    [InlineData(true, 1311, new byte[] { 0xC3, 0x28 })]          // a lead byte without its continuation
    [InlineData(false, 2717, new byte[] { 0xC0, 0x80 })]          // overlong NUL
    [InlineData(true, 3999, new byte[] { 0xED, 0xA0, 0x80 })]     // an encoded surrogate
    [InlineData(false, 4000, new byte[] { 0xE2, 0x82 })]          // a sequence cut short by the line break
    public void Invalid_utf8_past_the_read_buffer_names_the_line_it_is_on(bool bom, int badLine, byte[] bad)
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, ManyRows(bom, badLine, bad));
            var e = Assert.Throws<DatasetFormatException>(() => CommandDataset.Load(path));
            Assert.Equal(badLine, e.Line);
            Assert.StartsWith($"{path}:{badLine}: the file is not valid UTF-8 (invalid UTF-8 byte 0x{bad[0]:X2} at byte offset ", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Valid_utf8_decodes_the_same_across_read_buffer_boundaries(bool bom)
    {
        string path = Path.GetTempFileName();
        try
        {
            byte[] bytes = ManyRows(bom, badLine: -1, []);
            File.WriteAllBytes(path, bytes);
            var expected = Read(new UTF8Encoding(false, true).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0)));
            Assert.Equal(expected, CommandDataset.Load(path).Records);
            Assert.Equal(3999, expected.Count);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Invalid_utf8_is_an_error_with_the_line()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("proctitle,technique_grouped,count\nid,T1033,1\n"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(",T1033,1\n")]);
            var e = Assert.Throws<DatasetFormatException>(() => CommandDataset.Load(path));
            Assert.Contains("UTF-8", e.Message);
            Assert.Equal(path, e.Source);
            Assert.Equal(3, e.Line);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Blank_lines_are_not_records()
    {
        Assert.Equal(2, Read("proctitle,technique_grouped,count\n\nid,T1033,1\n\r\n\nls,Normal,1\n\n").Count);
    }

    [Theory]
    [InlineData("proctitle,count\nid,1\n", 1, "technique_grouped", "missing")]
    [InlineData("proctitle,technique_grouped,count,proctitle\nid,T1,1,x\n", 1, "proctitle", "twice")]
    [InlineData("proctitle,technique_grouped,count\nid,T1033,abc\n", 2, "count", "not a number")]
    [InlineData("proctitle,technique_grouped,count\nid,T1033,\n", 2, "count", "not a number")]
    [InlineData("proctitle,technique_grouped,count\nid,T1033,-1\n", 2, "count", "negative")]
    [InlineData("proctitle,technique_grouped,count\nid,T1033,NaN\n", 2, "count", "not finite")]
    [InlineData("proctitle,technique_grouped,count\nid,T1033,Infinity\n", 2, "count", "not finite")]
    [InlineData("proctitle,technique_grouped,count\nid,T1033,1e999\n", 2, "count", "not finite")]
    [InlineData("proctitle,technique_grouped,count\na,T1,1e308\nb,T1,1e308\n", 3, "count", "beyond")]   // each finite, their sum not
    [InlineData("proctitle,technique_grouped,count\na,T1,1.7e308\nb,T1,1\n\"c\nd\",T2,2e307\n", 5, "count", "sum of the counts")]
    [InlineData("proctitle,technique_grouped,count\nok,T1,1\n,T1033,1\n", 3, "proctitle", "empty")]
    [InlineData("proctitle,technique_grouped,count\nok,T1,1\nid,,1\n", 3, "technique_grouped", "empty")]
    public void Bad_fields_name_file_line_and_field(string csv, long line, string field, string problem)
    {
        var e = ReadFails(csv);
        Assert.Equal("test.csv", e.Source);
        Assert.Equal(line, e.Line);
        Assert.Equal(field, e.Field);
        Assert.Contains(problem, e.Message);
        Assert.StartsWith($"test.csv:{line}: field '{field}'", e.Message);
    }

    [Theory]
    [InlineData("proctitle,technique_grouped,count\nid,T1033,1\nawk -F, x,T1,1\n", 3, "expected 3 fields")]
    [InlineData("proctitle,technique_grouped,count\nid,T1033,1\n\"echo unterminated,T1,1\nls,Normal,1\n", 3, "unterminated")]
    [InlineData("proctitle,technique_grouped,count\n\"a\nb\nc\"x,T1,1\n", 4, "after a closing quote")]
    [InlineData("", 1, "empty")]
    public void Malformed_records_name_file_and_line(string csv, long line, string problem)
    {
        var e = ReadFails(csv);
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Line_numbers_count_line_breaks_inside_quoted_fields()
    {
        var e = ReadFails("proctitle,technique_grouped,count\n\"multi\nline\",T1,1\nid,T1033,x\n");
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void Empty_fields_can_be_skipped_explicitly_and_are_counted()
    {
        var options = new DatasetReadOptions { EmptyCommandLine = EmptyFieldHandling.Skip, EmptyLabel = EmptyFieldHandling.Skip };
        using var reader = new CommandCsvReader(new StringReader("proctitle,technique_grouped,count\n,T1,1\nid,,1\nls,Normal,1\n"), "t", options);
        Assert.Equal(["ls"], reader.ReadAll().Select(r => r.CommandLine));
        Assert.Equal(2, reader.SkippedRows);
    }

    [Fact]
    public void Another_label_column_can_be_chosen()
    {
        var rows = Read("proctitle,technique,technique_grouped,count\nbash -i,T1059.004: Unix Shell,T1059,1\n", new DatasetReadOptions { LabelColumn = "technique" });
        Assert.Equal("T1059.004: Unix Shell", Assert.Single(rows).Label);
    }

    [Fact]
    public void Reading_streams_without_reading_ahead_of_the_record_asked_for()
    {
        // A reader that fails if read past the second data row proves records are produced one at a time.
        const string head = "proctitle,technique_grouped,count\nid,T1033,1\nls,Normal,1\n";
        using var reader = new CommandCsvReader(new FailingAfter(head), "stream");
        Assert.True(reader.TryRead(out var first));
        Assert.Equal("id", first.CommandLine);
        Assert.True(reader.TryRead(out var second));
        Assert.Equal("ls", second.CommandLine);
        Assert.Throws<IOException>(() => reader.TryRead(out _));
    }

    private sealed class FailingAfter(string text) : TextReader
    {
        private int _position;
        public override int Peek() => throw new NotSupportedException();
        public override int Read() => _position < text.Length ? text[_position++] : throw new IOException("read past the prepared text");
    }

    private static readonly Gen<string> CommandText =
        Gen.Elements("a", "b", ",", "\"", "\n", "\r\n", " ", "-la", "/etc/passwd", "é", "$HOME", "'", "\t")
            .ArrayOf().Select(parts => string.Concat(parts)).Where(s => s.Length > 0);

    [Property(MaxTest = 300)]
    public Property Write_then_read_round_trips_any_text()
    {
        var record = from command in CommandText
                     from label in CommandText
                     from count in Gen.Choose(0, 100000)
                     select new CommandRecord(command, label, count / 8.0, "T0000: x");
        return Prop.ForAll(record.ArrayOf().ToArbitrary(), rows =>
        {
            var writer = new StringWriter();
            new CommandDataset(rows).Write(writer);   // the public entry points: Write, then Read
            Assert.Equal(rows, CommandDataset.Read(new StringReader(writer.ToString()), "round-trip").Records);
        });
    }
}
