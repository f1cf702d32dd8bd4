namespace AttackClassifier.Telemetry;

/// <summary>The shape of a telemetry stream <see cref="TelemetryReader"/> reads; each value names its field rules.</summary>
public enum TelemetryFormat
{
    /// <summary>One command line per line; a blank line is an error record (<c>empty command</c>).</summary>
    Plain,

    /// <summary>One JSON object per line; the command is the string at <see cref="TelemetryReaderOptions.FieldPath"/>.</summary>
    Jsonl,

    /// <summary>Elastic Common Schema process events (Elastic Endpoint, Auditbeat): <c>process.command_line</c>, else
    /// <c>process.args</c> joined with POSIX shell quoting.</summary>
    Ecs,

    /// <summary>Sysmon event ID 1 (process creation) as Winlogbeat writes it (<c>winlog.event_data.CommandLine</c>) or
    /// as an exported event's <c>EventData</c>.</summary>
    Sysmon,

    /// <summary>Windows Security event 4688 (process creation): <c>CommandLine</c>, else <c>NewProcessName</c> when the
    /// command-line audit policy is off.</summary>
    Win4688,

    /// <summary>osquery results for <c>process_events</c> or <c>processes</c>: <c>columns.cmdline</c> of each added row
    /// (event, batch and snapshot log formats).</summary>
    Osquery,

    /// <summary>Raw Linux audit log (or <c>ausearch</c> output): the records of one event are grouped and one record is
    /// produced per event that carries a command (EXECVE or PROCTITLE).</summary>
    Auditd,
}
