using AttackClassifier.Telemetry;

namespace AttackClassifier.Sessions;

/// <summary>
/// A session, or one part of a session longer than <see cref="SessionOptions.MaxStatements"/>: its statements in order, and
/// the statements of the neighbouring parts a tagger reads as context but does not tag here.
/// </summary>
/// <param name="SessionId">The session's name: the session field's value, <c>host/user#Lline</c> (host + user grouping, with the
/// line of the session's first command) or the input's name (one input, one session).</param>
/// <param name="Part">1-based part number; 1 for a session that fits one window.</param>
/// <param name="IsLastPart">True for the session's last (usually only) part.</param>
/// <param name="Before">Up to <see cref="SessionOptions.Overlap"/> statements that precede <paramref name="Statements"/> (the end of the previous part).</param>
/// <param name="Statements">The statements of this part, ordered by time, then input order.</param>
/// <param name="After">Up to <see cref="SessionOptions.Overlap"/> statements that follow (the start of the next part).</param>
public sealed record SessionWindow(string SessionId, int Part, bool IsLastPart, IReadOnlyList<SessionStatement> Before,
                                   IReadOnlyList<SessionStatement> Statements, IReadOnlyList<SessionStatement> After)
{
    /// <summary>The distinct hosts of <see cref="Statements"/>, in order of first appearance.</summary>
    public IReadOnlyList<string> Hosts => Statements.Select(s => s.Host).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The distinct users of <see cref="Statements"/>, in order of first appearance.</summary>
    public IReadOnlyList<string> Users => Statements.Select(s => s.User).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
}

/// <summary>What <see cref="SessionReader"/> yields: a session window, or an input record that held no command.</summary>
/// <param name="Window">The session (part), or null.</param>
/// <param name="Error">The input record carrying an error (<see cref="TelemetryRecord.Error"/> set), or null.</param>
public readonly record struct SessionItem(SessionWindow? Window, TelemetryRecord? Error);
