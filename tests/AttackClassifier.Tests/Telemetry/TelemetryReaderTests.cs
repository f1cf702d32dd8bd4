using System.Text;
using System.Text.Json;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Tests.Telemetry;

public class TelemetryReaderTests
{
    internal static List<TelemetryRecord> Read(string text, TelemetryReaderOptions options) =>
        [.. TelemetryReader.Read(new StringReader(text), options)];

    private static readonly TelemetryReaderOptions Ecs = new() { Format = TelemetryFormat.Ecs };

    private static string EcsEvent(string id, string command) =>
        $$$"""{"@timestamp":"2024-03-14T09:21:07Z","event":{"id":"{{{id}}}","category":["process"]},"host":{"name":"web-01"},"process":{"pid":4242,"command_line":{{{JsonSerializer.Serialize(command)}}}}}""";

    [Fact]
    public void Three_ecs_events_with_a_blank_and_a_broken_line_between_give_five_records_in_order()
    {
        string text = string.Join('\n',
            EcsEvent("e1", "whoami"),
            "",
            EcsEvent("e2", "cat /etc/shadow"),
            """{"event":{"id":"e-broken"},"process":{"command_line":"id" """,
            EcsEvent("e3", "uname -a")) + "\n";
        List<TelemetryRecord> records = Read(text, Ecs);
        Assert.Equal(5, records.Count);
        Assert.Equal([1L, 2, 3, 4, 5], records.Select(r => r.LineNumber));
        Assert.Equal(["whoami", null, "cat /etc/shadow", null, "uname -a"], records.Select(r => r.CommandLine));
        Assert.Equal(["e1", null, "e2", null, "e3"], records.Select(r => r.EventId));
        Assert.Equal("empty line", records[1].Error);
        Assert.StartsWith("invalid JSON at byte ", records[3].Error, StringComparison.Ordinal);
        Assert.All(new[] { records[0], records[2], records[4] }, r => Assert.Null(r.Error));
        Assert.Null(records[3].Original);
        Assert.Equal("e2", records[2].Original!.Value.GetProperty("event").GetProperty("id").GetString());
    }

    [Fact]
    public void Plain_lines_are_commands_and_blank_lines_are_errors()
    {
        List<TelemetryRecord> records = Read("ls -la\r\n\n   \ncat 'a\rb'\nlast", new TelemetryReaderOptions());
        Assert.Equal(5, records.Count);
        Assert.Equal(["ls -la", null, null, "cat 'a\rb'", "last"], records.Select(r => r.CommandLine));   // CRLF's CR dropped, a lone CR kept
        Assert.Equal([null, "empty command", "empty command", null, null], records.Select(r => r.Error));
        Assert.Equal([1L, 2, 3, 4, 5], records.Select(r => r.LineNumber));
        Assert.All(records, r => Assert.Null(r.Original));
    }

    [Fact]
    public void Empty_input_gives_no_records_and_a_final_newline_ends_the_last_line() =>
        Assert.Equal((0, 1), (Read("", new TelemetryReaderOptions()).Count, Read("id\n", new TelemetryReaderOptions()).Count));

    [Fact]
    public void Plain_command_over_the_limit_is_cut_at_a_char_boundary()
    {
        var options = new TelemetryReaderOptions { MaxCommandChars = 5 };
        List<TelemetryRecord> records = Read("abcde\nabcdef\nabcd\U0001F600xyz\nabcde\r\n", options);
        Assert.Equal(["abcde", "abcde", "abcd", "abcde"], records.Select(r => r.CommandLine));
        Assert.Equal([false, true, true, false], records.Select(r => r.Truncated));   // the emoji's two chars are not split
    }

    [Theory]
    [InlineData("""{"cmd":42}""", "field 'cmd' is a number, not a string.")]
    [InlineData("""{"other":"x"}""", "field 'cmd' is missing.")]
    [InlineData("""{"cmd":"  "}""", "empty command")]
    [InlineData("""["cmd"]""", "the line is an array, not a JSON object.")]
    [InlineData("""{"cmd":{"a":1}}""", "field 'cmd' is an object, not a string.")]
    public void Jsonl_field_problems_are_error_records(string line, string error)
    {
        TelemetryRecord record = Assert.Single(Read(line, new TelemetryReaderOptions { Format = TelemetryFormat.Jsonl, FieldPath = "cmd" }));
        Assert.Equal(error, record.Error);
        Assert.Null(record.CommandLine);
    }

    [Fact]
    public void Jsonl_dot_path_reads_nested_dotted_and_indexed_fields()
    {
        var options = new TelemetryReaderOptions { Format = TelemetryFormat.Jsonl, FieldPath = "process.args.1" };
        string text = """
            {"process":{"args":["sh","id"]}}
            {"process.args":["sh","whoami"]}
            {"process":{"args":["sh"]}}
            """;
        List<TelemetryRecord> records = Read(text, options);
        Assert.Equal(["id", "whoami", null], records.Select(r => r.CommandLine));
        Assert.Equal("field 'process.args.1' is missing.", records[2].Error);
        Assert.All(records, r => Assert.Null(r.EventId));   // jsonl carries nothing by itself: use --keep
    }

    [Fact]
    public void Json_line_over_the_byte_limit_is_an_error_record_and_reading_goes_on()
    {
        var options = new TelemetryReaderOptions { Format = TelemetryFormat.Jsonl, FieldPath = "c", MaxLineBytes = 20 };
        string text = "{\"c\":\"0123456789ab\"}\n{\"c\":\"0123456789abc\"}\n{\"c\":\"é123456789a\"}\r\n";   // 20 bytes, 21, 20 + CRLF (é is 2)
        List<TelemetryRecord> records = Read(text, options);
        Assert.Equal(["0123456789ab", null, "é123456789a"], records.Select(r => r.CommandLine));
        Assert.Equal("line is 21 bytes, over the 20-byte JSON line limit.", records[1].Error);
    }

    [Fact]
    public void Json_command_over_the_limit_is_cut_and_flagged()
    {
        var options = new TelemetryReaderOptions { Format = TelemetryFormat.Jsonl, FieldPath = "c", MaxCommandChars = 4 };
        TelemetryRecord record = Assert.Single(Read("{\"c\":\"abc\\ud83d\\ude00\"}", options));
        Assert.Equal(("abc", true), (record.CommandLine, record.Truncated));
    }

    [Fact]
    public void Field_path_overrides_a_preset_command_rule_and_keeps_its_carried_fields()
    {
        var options = new TelemetryReaderOptions { Format = TelemetryFormat.Ecs, FieldPath = "process.title" };
        TelemetryRecord record = Assert.Single(Read("""{"event":{"id":"x1"},"process":{"title":"bash -i","command_line":"bash"}}""", options));
        Assert.Equal(("bash -i", "x1"), (record.CommandLine, record.EventId));
    }

    [Fact]
    public void Ecs_without_command_line_or_args_names_both()
    {
        TelemetryRecord record = Assert.Single(Read("""{"process":{"pid":1}}""", Ecs));
        Assert.Equal("no process.command_line or process.args.", record.Error);
        Assert.Equal("1", record.ProcessId);
        TelemetryRecord mixed = Assert.Single(Read("""{"process":{"args":["a",1]}}""", Ecs));
        Assert.Equal("field 'process.args' is not an array of strings.", mixed.Error);
    }

    [Fact]
    public void Win4688_of_another_event_id_and_osquery_without_rows_are_errors()
    {
        TelemetryRecord logon = Assert.Single(Read("""{"winlog":{"event_id":"4624","event_data":{"TargetUserName":"bob"}}}""",
            new TelemetryReaderOptions { Format = TelemetryFormat.Win4688 }));
        Assert.Equal("event ID 4624 is not process creation (event ID 4688).", logon.Error);
        TelemetryRecord notOsquery = Assert.Single(Read("""{"name":"x"}""", new TelemetryReaderOptions { Format = TelemetryFormat.Osquery }));
        Assert.Equal("no columns, diffResults or snapshot: not an osquery result.", notOsquery.Error);
    }

    [Fact]
    public void Empty_command_fields_fall_back_where_the_source_has_a_fallback()
    {
        TelemetryRecord image = Assert.Single(Read("""{"winlog":{"event_id":4688,"event_data":{"CommandLine":"","NewProcessName":"C:\\Windows\\System32\\whoami.exe"}}}""",
            new TelemetryReaderOptions { Format = TelemetryFormat.Win4688 }));
        Assert.Equal(@"C:\Windows\System32\whoami.exe", image.CommandLine);
        TelemetryRecord args = Assert.Single(Read("""{"process":{"command_line":"","args":["echo","a b"]}}""", Ecs));
        Assert.Equal("echo 'a b'", args.CommandLine);
        TelemetryRecord sysmon = Assert.Single(Read("""{"winlog":{"event_id":"1","event_data":{"Image":"C:\\x.exe"}}}""",
            new TelemetryReaderOptions { Format = TelemetryFormat.Sysmon }));
        Assert.Equal("no CommandLine in winlog.event_data or EventData.", sysmon.Error);
        Assert.Equal(@"C:\x.exe", sysmon.Executable);
    }

    [Fact]
    public void TryGetField_copies_fields_for_keep()
    {
        TelemetryRecord record = Assert.Single(Read(EcsEvent("e9", "id"), Ecs));
        Assert.True(record.TryGetField("host.name", out JsonElement host));
        Assert.Equal("web-01", host.GetString());
        Assert.True(record.TryGetField("event.category.0", out JsonElement category));
        Assert.Equal("process", category.GetString());
        Assert.False(record.TryGetField("host.ip", out _));
        Assert.Throws<ArgumentException>(() => record.TryGetField("host..name", out _));
        Assert.False(Read("id", new TelemetryReaderOptions())[0].TryGetField("a", out _));
    }

    [Fact]
    public void Stream_input_is_utf8_with_bom_and_invalid_bytes_become_replacement_chars()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "cat caf\u00e9\n"u8, (byte)'x', 0xFF, (byte)'y', (byte)'\n'];
        using var stream = new MemoryStream(bytes);
        List<TelemetryRecord> records = [.. TelemetryReader.Read(stream, new TelemetryReaderOptions())];
        Assert.Equal(["cat café", "x\uFFFDy"], records.Select(r => r.CommandLine));
        Assert.True(stream.CanRead);   // left open
    }

    [Fact]
    public void Bad_options_fail_before_reading()
    {
        var reader = new StringReader("x");
        Assert.Throws<ArgumentException>(() => TelemetryReader.Read(reader, new TelemetryReaderOptions { Format = TelemetryFormat.Jsonl }));
        Assert.Throws<ArgumentException>(() => TelemetryReader.Read(reader, new TelemetryReaderOptions { FieldPath = "a" }));
        Assert.Throws<ArgumentException>(() => TelemetryReader.Read(reader, new TelemetryReaderOptions { Format = TelemetryFormat.Auditd, FieldPath = "a" }));
        Assert.Throws<ArgumentException>(() => TelemetryReader.Read(reader, new TelemetryReaderOptions { Format = TelemetryFormat.Ecs, FieldPath = "a." }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TelemetryReader.Read(reader, new TelemetryReaderOptions { MaxCommandChars = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TelemetryReader.Read(reader, new TelemetryReaderOptions { MaxLineBytes = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TelemetryReader.Read(reader, new TelemetryReaderOptions { AuditdWindow = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TelemetryReader.Read(reader, new TelemetryReaderOptions { Format = (TelemetryFormat)99 }));
        Assert.Equal(1, reader.Peek() == 'x' ? 1 : 0);   // nothing was read
    }

    [Fact]
    public void Hostile_megabyte_of_json_nesting_is_one_error_record()
    {
        string deep = new string('[', 500_000) + new string(']', 500_000);
        List<TelemetryRecord> records = Read(deep + "\n" + EcsEvent("ok", "id"), Ecs);
        Assert.Equal(2, records.Count);
        Assert.StartsWith("invalid JSON", records[0].Error, StringComparison.Ordinal);
        Assert.Equal("id", records[1].CommandLine);
    }

    [Fact]
    public void Hostile_megabyte_of_lines_gives_one_record_per_line()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) text.Append(i % 3 == 0 ? "\n" : "ab cd\r\n");
        List<TelemetryRecord> records = Read(text.ToString(), new TelemetryReaderOptions());
        Assert.Equal(100_000, records.Count);
        Assert.Equal(33_334, records.Count(r => r.Error == "empty command"));
        Assert.All(records.Where(r => r.Error is null), r => Assert.Equal("ab cd", r.CommandLine));
        Assert.Equal(100_000, records[^1].LineNumber);
    }

    [Fact]
    public void An_escaped_lone_surrogate_is_an_error_record_and_reading_goes_on()
    {
        string input = "{\"process\":{\"command_line\":\"ls \\ud800\"}}\n{\"process\":{\"command_line\":\"id\"}}\n";
        var records = TelemetryReader.Read(new StringReader(input), new TelemetryReaderOptions { Format = TelemetryFormat.Ecs }).ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal(1L, records[0].LineNumber);
        Assert.Contains("lone surrogate", records[0].Error);
        Assert.Equal("id", records[1].CommandLine);
    }
}
