using System.Text.Json;

namespace AttackClassifier.Telemetry;

/// <summary>
/// One record read from a telemetry stream: a command line to classify, or an error saying why the input record held
/// none, together with the identity fields carried from the source so an output event can be tied back to it.
/// </summary>
/// <remarks>
/// Exactly one of <see cref="CommandLine"/> and <see cref="Error"/> is set. Identity fields hold the source's own text,
/// unconverted (a Windows 4688 <c>NewProcessId</c> stays hex, an auditd time stays epoch seconds); a field the source
/// lacks is null. Which source field feeds which property is listed per format in <see cref="TelemetryReader"/>.
/// </remarks>
public sealed record TelemetryRecord
{
    /// <summary>The 1-based line on which the input record starts (for auditd, the event's first SYSCALL, EXECVE,
    /// PROCTITLE, CWD or PATH record). Lines end at LF; a CR before it is dropped.</summary>
    public long LineNumber { get; init; }

    /// <summary>The command line, or null when <see cref="Error"/> is set.</summary>
    public string? CommandLine { get; init; }

    /// <summary>Why this input record gave no command line (<c>empty command</c>, <c>invalid JSON …</c>, <c>field
    /// 'process.command_line' is missing</c>), or null.</summary>
    public string? Error { get; init; }

    /// <summary>True when <see cref="CommandLine"/> is known or likely to be cut: longer than
    /// <see cref="TelemetryReaderOptions.MaxCommandChars"/>, or an auditd PROCTITLE of 128 bytes or more (the kernel's cut)
    /// used because the event's EXECVE arguments were incomplete.</summary>
    public bool Truncated { get; init; }

    /// <summary>The source's event id: ECS <c>event.id</c>; Windows <c>winlog.record_id</c> or <c>EventRecordID</c>;
    /// osquery <c>columns.eid</c>; auditd <c>TIME:SERIAL</c> from <c>msg=audit(TIME:SERIAL)</c>.</summary>
    public string? EventId { get; init; }

    /// <summary>The host that logged the event (ECS <c>host.name</c>, Windows computer name, osquery
    /// <c>hostIdentifier</c>, auditd <c>node=</c>).</summary>
    public string? Host { get; init; }

    /// <summary>The user who ran the command, as the source names it (<c>CORP\alice</c>, <c>root</c>).</summary>
    public string? User { get; init; }

    /// <summary>The source's timestamp text, unconverted (ISO 8601, Sysmon <c>UtcTime</c>, epoch seconds).</summary>
    public string? Timestamp { get; init; }

    /// <summary>The new process's id.</summary>
    public string? ProcessId { get; init; }

    /// <summary>The parent (creator) process's id.</summary>
    public string? ParentProcessId { get; init; }

    /// <summary>The executable's path (ECS <c>process.executable</c>, Sysmon <c>Image</c>, 4688 <c>NewProcessName</c>,
    /// osquery <c>path</c>, auditd <c>exe</c>).</summary>
    public string? Executable { get; init; }

    /// <summary>The process's working directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The numeric user id (ECS <c>user.id</c>, osquery and auditd <c>uid</c>).</summary>
    public string? UserId { get; init; }

    /// <summary>The login (audit) user id: auditd and osquery <c>auid</c>, ECS <c>user.audit.id</c>.</summary>
    public string? AuditUserId { get; init; }

    /// <summary>Auditd's login session id (<c>ses</c>).</summary>
    public string? Session { get; init; }

    /// <summary>Auditd's controlling terminal (<c>tty</c>, e.g. <c>pts0</c> or <c>(none)</c>).</summary>
    public string? Terminal { get; init; }

    /// <summary>Auditd's event serial number (the SERIAL of <c>msg=audit(TIME:SERIAL)</c>).</summary>
    public string? AuditSerial { get; init; }

    /// <summary>For JSON inputs, the input object (for an osquery batch or snapshot row, the row as osquery's event
    /// format would have logged it); null for plain and auditd input and for lines that are not a JSON object.
    /// A detached copy: it stays valid after the enumeration moves on, and is safe to read from any thread.</summary>
    public JsonElement? Original { get; init; }

    /// <summary>Looks up a dot path (<c>process.parent.name</c>) in <see cref="Original"/>, with the rules of
    /// <see cref="TelemetryReaderOptions.FieldPath"/>: for copying fields such as <c>--keep</c> names.</summary>
    /// <returns>False when there is no original object or the path does not resolve.</returns>
    /// <exception cref="ArgumentException">An empty path or an empty segment.</exception>
    public bool TryGetField(string path, out JsonElement value)
    {
        string[] segments = JsonFieldPath.Split(path);
        value = default;
        return Original is { } root && JsonFieldPath.TryResolve(root, segments, out value);
    }
}
