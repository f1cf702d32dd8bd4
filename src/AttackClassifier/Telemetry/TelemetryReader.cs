using System.Text;

namespace AttackClassifier.Telemetry;

/// <summary>
/// Streams telemetry into <see cref="TelemetryRecord"/>s: one record per input record, in input order, each either a
/// command line or an error naming what was wrong — an empty, undecodable or over-long input record is never dropped.
/// </summary>
/// <remarks>
/// <para>What an input record is, per format: a line for <see cref="TelemetryFormat.Plain"/>, <see cref="TelemetryFormat.Jsonl"/>,
/// <see cref="TelemetryFormat.Ecs"/>, <see cref="TelemetryFormat.Sysmon"/> and <see cref="TelemetryFormat.Win4688"/>; a
/// row for <see cref="TelemetryFormat.Osquery"/> (a batch or snapshot line holds several, a removed row is none); an
/// event for <see cref="TelemetryFormat.Auditd"/> (several lines; events without EXECVE or PROCTITLE give none).
/// The command rule and the carried fields per format:</para>
/// <list type="table">
/// <item><term>ecs</term><description><c>process.command_line</c>, else <c>process.args</c> shell-quoted; event.id, host.name, user.name, @timestamp, process.pid, process.parent.pid, process.executable, process.working_directory, user.id, user.audit.id</description></item>
/// <item><term>sysmon</term><description><c>winlog.event_data.CommandLine</c> or exported <c>EventData</c>; record id, computer, User, UtcTime, ProcessId, ParentProcessId, Image, CurrentDirectory</description></item>
/// <item><term>win4688</term><description><c>CommandLine</c>, else <c>NewProcessName</c>; record id, computer, SubjectDomainName\SubjectUserName, @timestamp, NewProcessId, ProcessId (creator), NewProcessName</description></item>
/// <item><term>osquery</term><description><c>columns.cmdline</c>; hostIdentifier, eid, time (else unixTime), pid, parent, path, cwd, uid, auid</description></item>
/// <item><term>auditd</term><description>EXECVE argv, else PROCTITLE; node, TIME:SERIAL, pid, ppid, uid (and its ENRICHED name), auid, ses, tty, exe, cwd</description></item>
/// </list>
/// <para>Memory is bounded by the options, whatever the input: lines are read in fixed chunks and an over-long line is
/// skipped, not buffered. Work is linear in the input's length. The reader never owns the caller's reader or stream.</para>
/// </remarks>
public static class TelemetryReader
{
    /// <summary>Reads records from <paramref name="reader"/> lazily, as the result is enumerated.</summary>
    /// <exception cref="ArgumentException">Options out of range, a missing or misplaced <see cref="TelemetryReaderOptions.FieldPath"/>
    /// (thrown here, before anything is read).</exception>
    public static IEnumerable<TelemetryRecord> Read(TextReader reader, TelemetryReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Validate(options);
        return ReadValidated(new BoundedLineReader(reader), options);
    }

    /// <summary>Reads UTF-8 records from <paramref name="stream"/> (a byte-order mark is honoured; bytes that are not
    /// valid UTF-8 become U+FFFD, visible, never dropped); the stream is left open.</summary>
    /// <exception cref="ArgumentException">As <see cref="Read(TextReader, TelemetryReaderOptions)"/>.</exception>
    public static IEnumerable<TelemetryRecord> Read(Stream stream, TelemetryReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Validate(options);
        return FromStream(stream, options);
    }

    private static IEnumerable<TelemetryRecord> FromStream(Stream stream, TelemetryReaderOptions options)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        foreach (TelemetryRecord record in ReadValidated(new BoundedLineReader(reader), options)) yield return record;
    }

    private static void Validate(TelemetryReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Format)) throw new ArgumentOutOfRangeException(nameof(options), options.Format, "Format is not a TelemetryFormat.");
        const int Max = 1 << 30;
        if (options.MaxCommandChars is < 1 or > Max)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxCommandChars, $"MaxCommandChars must be in [1, {Max}].");
        if (options.MaxLineBytes is < 1 or > Max)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxLineBytes, $"MaxLineBytes must be in [1, {Max}].");
        if (options.AuditdWindow is < 1 or > 1 << 20)
            throw new ArgumentOutOfRangeException(nameof(options), options.AuditdWindow, $"AuditdWindow must be in [1, {1 << 20}].");
        bool json = options.Format is not (TelemetryFormat.Plain or TelemetryFormat.Auditd);
        if (options.FieldPath is not null)
        {
            if (!json) throw new ArgumentException($"FieldPath applies to JSON formats, not {options.Format}.", nameof(options));
            JsonFieldPath.Split(options.FieldPath);   // rejects empty paths and segments now, not at the first line
        }
        else if (options.Format == TelemetryFormat.Jsonl)
        {
            throw new ArgumentException("Jsonl needs FieldPath: the dot path of the command line in each object.", nameof(options));
        }
    }

    private static IEnumerable<TelemetryRecord> ReadValidated(BoundedLineReader lines, TelemetryReaderOptions options) => options.Format switch
    {
        TelemetryFormat.Plain => ReadPlain(lines, options.MaxCommandChars),
        TelemetryFormat.Auditd => new AuditdEventReader(options).Read(lines),
        _ => new JsonTelemetryReader(options).Read(lines),
    };

    // One command per line, kept as written (the tokenizer ignores surrounding spaces); a line longer than the limit is
    // cut there, the rest skipped unread into memory.
    private static IEnumerable<TelemetryRecord> ReadPlain(BoundedLineReader lines, int maxCommandChars)
    {
        while (lines.TryRead(maxCommandChars, long.MaxValue, out BoundedLine line))
        {
            yield return line.Text.Span.IsWhiteSpace()
                ? new TelemetryRecord { LineNumber = line.Number, Error = "empty command" }
                : new TelemetryRecord { LineNumber = line.Number, CommandLine = line.Text.ToString(), Truncated = line.Truncated };
        }
    }
}
