namespace AttackClassifier.Telemetry;

/// <summary>How <see cref="TelemetryReader"/> reads a stream. Every limit bounds memory: no line, command or audit event
/// is held beyond it.</summary>
public sealed record TelemetryReaderOptions
{
    /// <summary>The input's shape and field rules. Default <see cref="TelemetryFormat.Plain"/>.</summary>
    public TelemetryFormat Format { get; init; } = TelemetryFormat.Plain;

    /// <summary>A dot path to the command-line string in each JSON object (<c>process.command_line</c>). Required for
    /// <see cref="TelemetryFormat.Jsonl"/>; for the JSON presets it replaces the preset's command rule (the carried
    /// fields stay); not allowed for <see cref="TelemetryFormat.Plain"/> and <see cref="TelemetryFormat.Auditd"/>.
    /// A segment may itself contain dots (<c>{"process.command_line": …}</c> matches too) or index an array (<c>args.0</c>).</summary>
    public string? FieldPath { get; init; }

    /// <summary>The longest command line kept, in UTF-16 chars (default 65,536 = 64 Ki; range 1 to 2³⁰). A longer command
    /// is cut there, never inside a surrogate pair, and its record has <see cref="TelemetryRecord.Truncated"/> set.</summary>
    public int MaxCommandChars { get; init; } = 64 * 1024;

    /// <summary>The longest JSON or audit line read, in UTF-8 bytes without its line break (default 1,048,576 = 1 MiB;
    /// range 1 to 2³⁰). A longer line is skipped without being buffered and gives an error record. Plain lines are bounded
    /// by <see cref="MaxCommandChars"/> instead (cut, not rejected).</summary>
    public int MaxLineBytes { get; init; } = 1024 * 1024;

    /// <summary>Auditd only: an event still incomplete (no EOE, not yet SYSCALL + EXECVE + PROCTITLE) is flushed with what
    /// it has once this many later entries (events or malformed lines) have begun (default 64; range 1 to 1,048,576).
    /// At most this many + 1 entries are held at a time.</summary>
    public int AuditdWindow { get; init; } = 64;
}
