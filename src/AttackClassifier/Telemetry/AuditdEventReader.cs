using System.Globalization;
using System.Text;

namespace AttackClassifier.Telemetry;

/// <summary>
/// Turns a Linux audit log into one <see cref="TelemetryRecord"/> per event that carries a command. auditd's unit is
/// the event, not the line: an execve is written as SYSCALL, EXECVE (one or more), CWD, PATH…, PROCTITLE, EOE records
/// sharing <c>msg=audit(TIME:SERIAL)</c>, and other events' records may interleave with them.
/// </summary>
/// <remarks>
/// <para>Records read: SYSCALL (pid, ppid, uid, auid, ses, tty, exe, and ENRICHED's <c>UID</c> name), EXECVE (argv),
/// CWD, PATH and PROCTITLE open or join an event, keyed by node and TIME:SERIAL; EOE closes one. Every other record type
/// (USER_*, CRED_*, AVC, BPRM_FCAPS, …) is checked for a well-formed header and otherwise skipped; so are blank lines and
/// <c>ausearch</c>'s <c>----</c> separators (ausearch may split one event across two groups; the key rejoins them).</para>
/// <para>An event is complete at its EOE, or once it has SYSCALL, EXECVE and PROCTITLE. The kernel writes SYSCALL first
/// and PROCTITLE last, so on a raw log this is "at PROCTITLE"; requiring SYSCALL as well keeps the pid and exe when
/// <c>ausearch -i</c> prints the records in reverse (PROCTITLE first, SYSCALL last). An event still incomplete when
/// <see cref="TelemetryReaderOptions.AuditdWindow"/> (N) later entries — events begun or malformed lines — have arrived
/// is flushed with what it has, and so is everything at end of input; a record of a flushed event that arrives later
/// starts a new event.</para>
/// <para>Output is in order of each event's first record (events complete out of order are held, at most N + 1
/// entries), and a malformed line's error record takes its place in that order. The command: the EXECVE argv when all
/// <c>argc</c> arguments arrived (hex-encoded arguments decoded, <c>aN[i]</c> chunks of a long argument rejoined),
/// joined by single spaces like PROCTITLE; else the PROCTITLE, marked <see cref="TelemetryRecord.Truncated"/> when it is
/// 128 bytes or more (the kernel keeps at most 128, MAX_PROCTITLE_AUDIT_LEN in kernel/auditsc.c); else the arguments that
/// did arrive, marked truncated. PROCTITLE is only the fallback even when complete: a process can rewrite its own title.
/// An event with neither EXECVE nor PROCTITLE (a watched open() on a pre-3.17 kernel, say) gives no record.</para>
/// </remarks>
internal sealed class AuditdEventReader
{
    /// <summary>The kernel's proctitle limit, MAX_PROCTITLE_AUDIT_LEN (kernel/auditsc.c).</summary>
    internal const int KernelProctitleBytes = 128;

    private readonly TelemetryReaderOptions _options;
    private readonly long _argumentBudget;                  // bytes of argv kept per event: enough for MaxCommandChars chars
    private readonly Queue<AuditdEvent> _queue = new();     // entries in order of their first line
    private readonly Dictionary<string, AuditdEvent> _open = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, string>> _fields = [];
    private long _entries;                                  // ordinal of the last entry begun

    internal AuditdEventReader(TelemetryReaderOptions options)
    {
        _options = options;
        _argumentBudget = 4L * options.MaxCommandChars + 4;   // UTF-16 char ≤ 3 UTF-8 bytes (a pair: 2 chars, 4 bytes)
    }

    internal IEnumerable<TelemetryRecord> Read(BoundedLineReader lines)
    {
        while (lines.TryRead(int.MaxValue, _options.MaxLineBytes, out BoundedLine line))
        {
            if (line.Utf8Bytes > _options.MaxLineBytes)
                AddError(line.Number, $"audit record is {line.Utf8Bytes} bytes, over the {_options.MaxLineBytes}-byte line limit.");
            else
                Accept(line.Number, line.Text.ToString());
            while (TryTakeCompleted(out TelemetryRecord? record)) if (record is not null) yield return record;
        }
        foreach (AuditdEvent pending in _queue) pending.Complete = true;
        _open.Clear();
        while (TryTakeCompleted(out TelemetryRecord? record)) if (record is not null) yield return record;
    }

    private void Accept(long lineNumber, string text)
    {
        ReadOnlySpan<char> trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed.SequenceEqual("----")) return;
        if (!AuditdRecord.TryParse(text, out AuditdRecord? record, out _, out string? error))
        {
            AddError(lineNumber, error);
            return;
        }
        string key = $"{record.Node} {record.Time}:{record.Serial}";
        if (record.Type == "EOE")
        {
            if (_open.TryGetValue(key, out AuditdEvent? closing)) Finish(closing);
            return;
        }
        if (record.Type is not ("SYSCALL" or "EXECVE" or "PROCTITLE" or "CWD" or "PATH")) return;
        if (!_open.TryGetValue(key, out AuditdEvent? ev))
        {
            ev = new AuditdEvent(key, lineNumber, ++_entries, record);
            _queue.Enqueue(ev);
            _open.Add(key, ev);
            FlushExpired();
        }
        string? problem = record.Type switch
        {
            "SYSCALL" => ReadSyscall(ev, record),
            "EXECVE" => ReadExecve(ev, record),
            "PROCTITLE" => ReadProctitle(ev, record),
            "CWD" => ReadCwd(ev, record),
            _ => null,
        };
        // A broken record of an event is the event's problem, not a record of its own: auditd's unit is the event, so one
        // event gives one output record — its command when another record of it still yields one, else this error.
        if (problem is not null) ev.Problem ??= $"line {lineNumber}: {problem}";
        if (ev.HasSyscall && ev.HasExecve && ev.HasProctitle) Finish(ev);
    }

    private void AddError(long lineNumber, string error)
    {
        _queue.Enqueue(new AuditdEvent(lineNumber, ++_entries, error));
        FlushExpired();
    }

    // An entry is flushed once N later entries have begun: ordinal + N ≤ the newest ordinal.
    private void FlushExpired()
    {
        foreach (AuditdEvent entry in _queue)
        {
            if (entry.Ordinal + _options.AuditdWindow > _entries) break;
            if (!entry.Complete) Finish(entry);
        }
    }

    private void Finish(AuditdEvent ev)
    {
        ev.Complete = true;
        if (ev.Key is not null && _open.TryGetValue(ev.Key, out AuditdEvent? open) && ReferenceEquals(open, ev)) _open.Remove(ev.Key);
    }

    private bool TryTakeCompleted(out TelemetryRecord? record)
    {
        record = null;
        if (_queue.Count == 0 || !_queue.Peek().Complete) return false;
        record = _queue.Dequeue().ToRecord(_options.MaxCommandChars);
        return true;
    }

    private string? ReadSyscall(AuditdEvent ev, AuditdRecord record)
    {
        ev.HasSyscall = true;
        if (!record.TryReadFields(_fields, out string? error)) return error;
        ev.Pid = Field("pid");
        ev.Ppid = Field("ppid");
        ev.Uid = Field("uid");
        ev.Auid = Field("auid");
        ev.Session = Field("ses");
        ev.Tty = Field("tty");
        ev.Exe = Field("exe") is { } exe ? record.DecodeString(exe) : null;
        ev.UserName = Field("UID") is { } name ? record.DecodeString(name) : null;   // ENRICHED: the uid's name, quoted
        return null;
    }

    private string? Field(string key)
    {
        foreach (KeyValuePair<string, string> f in _fields) if (f.Key == key) return f.Value;
        return null;
    }

    private string? ReadCwd(AuditdEvent ev, AuditdRecord record)
    {
        if (record.Interpreted)
        {
            // ausearch -i prints the directory decoded, to the end of the line: it may contain spaces.
            ReadOnlySpan<char> body = record.Body;
            if (body.StartsWith("cwd=", StringComparison.Ordinal)) ev.Cwd = body[4..].ToString();
            return null;
        }
        if (!record.TryReadFields(_fields, out string? error)) return error;
        ev.Cwd = Field("cwd") is { } cwd ? record.DecodeString(cwd) : null;
        return null;
    }

    private static string? ReadProctitle(AuditdEvent ev, AuditdRecord record)
    {
        ev.HasProctitle = true;
        try
        {
            ev.Proctitle ??= record.DecodeProctitle();
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    private string? ReadExecve(AuditdEvent ev, AuditdRecord record)
    {
        ev.HasExecve = true;
        if (!record.TryReadExecveFields(_fields, out string? error))
        {
            ev.ArgumentsBroken = true;
            return error;
        }
        string? firstProblem = null;
        foreach ((string key, string value) in _fields)
        {
            string? problem = null;
            if (key == "argc")
            {
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int argc)) ev.Argc = argc;
                else problem = $"EXECVE record: argc={value} is not a count.";
            }
            else if (AuditdRecord.TryParseArgumentKey(key, out int index, out int chunk, out bool isLength) && !isLength)
            {
                // aN_len is skipped: the kernel itself says not to trust it (audit_log_execve_info); the chunks are the data.
                if (record.TryDecodeArgument(key, value, out byte[]? bytes, out problem)) ev.AddArgument(index, chunk, bytes, _argumentBudget);
            }
            if (problem is not null)
            {
                ev.ArgumentsBroken = true;
                firstProblem ??= problem;
            }
        }
        return firstProblem;
    }
}

/// <summary>One pending auditd event — or, with <see cref="Error"/> set, a malformed line holding its place in the order.</summary>
internal sealed class AuditdEvent
{
    private readonly Dictionary<int, List<(int Chunk, byte[] Bytes)>> _arguments = [];
    private long _argumentBytes;

    internal AuditdEvent(string key, long line, long ordinal, AuditdRecord first)
    {
        Key = key;
        Line = line;
        Ordinal = ordinal;
        Node = first.Node;
        Time = first.Time;
        Serial = first.Serial;
    }

    internal AuditdEvent(long line, long ordinal, string error)
    {
        Line = line;
        Ordinal = ordinal;
        Error = error;
        Complete = true;
    }

    internal string? Key { get; }

    /// <summary>The first problem met in one of the event's records (e.g. PROCTITLE of odd hex length), with its line.</summary>
    internal string? Problem { get; set; }

    internal long Line { get; }
    internal long Ordinal { get; }
    internal string? Error { get; }
    internal string? Node { get; }
    internal string? Time { get; }
    internal string? Serial { get; }
    internal bool Complete { get; set; }
    internal bool HasSyscall { get; set; }
    internal bool HasExecve { get; set; }
    internal bool HasProctitle { get; set; }
    internal int Argc { get; set; } = -1;
    internal bool ArgumentsBroken { get; set; }
    internal bool ArgumentsCut { get; private set; }
    internal string? Proctitle { get; set; }
    internal string? Pid { get; set; }
    internal string? Ppid { get; set; }
    internal string? Uid { get; set; }
    internal string? UserName { get; set; }
    internal string? Auid { get; set; }
    internal string? Session { get; set; }
    internal string? Tty { get; set; }
    internal string? Exe { get; set; }
    internal string? Cwd { get; set; }

    /// <summary>Keeps an argument (chunk −1) or one chunk of a split argument, within <paramref name="budget"/> bytes per event.</summary>
    internal void AddArgument(int index, int chunk, byte[] bytes, long budget)
    {
        if (!_arguments.TryGetValue(index, out List<(int, byte[])>? chunks)) _arguments.Add(index, chunks = []);
        long room = Math.Max(0, budget - _argumentBytes);
        if (bytes.Length > room)
        {
            ArgumentsCut = true;
            bytes = bytes[..(int)room];
        }
        _argumentBytes += bytes.Length;
        chunks.Add((chunk, bytes));
    }

    internal TelemetryRecord? ToRecord(int maxCommandChars)
    {
        if (Error is not null) return new TelemetryRecord { LineNumber = Line, Error = Error };
        string? command;
        bool truncated;
        bool argvComplete = Argc > 0 && !ArgumentsBroken && Enumerable.Range(0, Argc).All(_arguments.ContainsKey);
        if (argvComplete)
            (command, truncated) = (JoinArguments(), ArgumentsCut);
        else if (Proctitle is not null)
            (command, truncated) = (Proctitle, Encoding.UTF8.GetByteCount(Proctitle) >= AuditdEventReader.KernelProctitleBytes);
        else if (_arguments.Count > 0)
            (command, truncated) = (JoinArguments(), true);
        else if (HasExecve || HasProctitle)
            return Identify(new TelemetryRecord { LineNumber = Line, Error = Problem ?? $"audit event {Time}:{Serial} has no decodable EXECVE arguments or PROCTITLE." });
        else
            return null;
        if (string.IsNullOrWhiteSpace(command))
            return Identify(new TelemetryRecord { LineNumber = Line, Error = "empty command" });
        command = CommandText.Cut(command, maxCommandChars, out bool cut);
        return Identify(new TelemetryRecord { LineNumber = Line, CommandLine = command, Truncated = truncated || cut });
    }

    // argv in index order (the present ones, when some are missing), each argument's chunks in chunk order, joined by spaces.
    private string JoinArguments()
    {
        var line = new StringBuilder();
        foreach (int index in _arguments.Keys.Where(k => Argc < 0 || k < Argc).Order())
        {
            if (line.Length > 0) line.Append(' ');
            List<(int Chunk, byte[] Bytes)> chunks = _arguments[index];
            byte[] bytes = chunks.Count == 1 ? chunks[0].Bytes : [.. chunks.OrderBy(c => c.Chunk).SelectMany(c => c.Bytes)];
            line.Append(Encoding.UTF8.GetString(bytes));
        }
        return line.ToString();
    }

    private TelemetryRecord Identify(TelemetryRecord record) => record with
    {
        EventId = $"{Time}:{Serial}",
        AuditSerial = Serial,
        Timestamp = Time,
        Host = Node,
        ProcessId = Pid,
        ParentProcessId = Ppid,
        UserId = Uid,
        User = UserName ?? Uid,
        AuditUserId = Auid,
        Session = Session,
        Terminal = Tty,
        Executable = Exe,
        WorkingDirectory = Cwd,
    };
}
