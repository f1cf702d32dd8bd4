namespace AttackClassifier.Sessions;

/// <summary>How <see cref="SessionReader"/> groups telemetry records into sessions, and the bounds that keep its memory fixed.</summary>
public sealed record SessionOptions
{
    /// <summary>
    /// The field that names a record's session: a dot path into a JSON event (<c>process.session_leader.entity_id</c>), or for
    /// auditd and plain input one of <c>ses</c>, <c>auid</c>, <c>uid</c>, <c>tty</c>, <c>pid</c>, <c>ppid</c>, <c>host</c>, <c>user</c>.
    /// Default null: records are grouped by host and user with <see cref="IdleGap"/>. A record without the field falls back to that rule.
    /// </summary>
    public string? SessionField { get; init; }

    /// <summary>Host + user grouping: a pause longer than this between two timestamped commands starts a new session
    /// (default 30 minutes; must be positive).</summary>
    public TimeSpan IdleGap { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The most statements tagged as one window (default 10,000; range 1 to 1,000,000). A longer session is written
    /// as consecutive parts of this many statements.</summary>
    public int MaxStatements { get; init; } = 10_000;

    /// <summary>Statements of context each window borrows from the part before and after it (default 500; range 0 to
    /// <see cref="MaxStatements"/>): decoding near a cut sees as much context as anywhere else.</summary>
    public int Overlap { get; init; } = 500;

    /// <summary>The most sessions held open at once (default 10,000; range 1 to 1,000,000); beyond it the least recently active
    /// one is closed and written. With <see cref="MaxStatements"/> and <see cref="Overlap"/> this bounds memory.</summary>
    public int MaxOpenSessions { get; init; } = 10_000;

    /// <summary>The most statements held across all open sessions (default 1,000,000); beyond it the least recently active
    /// session is closed and written.</summary>
    public int MaxHeldStatements { get; init; } = 1_000_000;

    internal void Validate()
    {
        if (IdleGap <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(IdleGap), IdleGap, "The idle gap must be positive.");
        if (MaxStatements is < 1 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(MaxStatements), MaxStatements, "MaxStatements must be in [1, 1,000,000].");
        if (Overlap < 0 || Overlap > MaxStatements) throw new ArgumentOutOfRangeException(nameof(Overlap), Overlap, "Overlap must be in [0, MaxStatements].");
        if (MaxOpenSessions is < 1 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(MaxOpenSessions), MaxOpenSessions, "MaxOpenSessions must be in [1, 1,000,000].");
        if (MaxHeldStatements < MaxStatements + 2 * Overlap + 1)
            throw new ArgumentOutOfRangeException(nameof(MaxHeldStatements), MaxHeldStatements, "MaxHeldStatements must hold at least one window (MaxStatements + 2·Overlap + 1).");
        if (SessionField is { } f && string.IsNullOrWhiteSpace(f)) throw new ArgumentException("SessionField is empty.", nameof(SessionField));
    }
}
