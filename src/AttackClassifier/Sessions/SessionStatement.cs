namespace AttackClassifier.Sessions;

/// <summary>
/// One statement of a session: a piece of a command line cut at top-level separators (<c>;</c>, <c>&amp;&amp;</c>, <c>|</c>, …),
/// with the command it came from and the identity of the input record that carried that command.
/// </summary>
/// <param name="Text">The statement, trimmed (<c>grep name</c>).</param>
/// <param name="Command">The whole command line it was cut from (<c>cat /proc/cpuinfo | grep name | wc -l</c>).</param>
/// <param name="CommandIndex">0-based position of that command within its session.</param>
/// <param name="StatementIndex">0-based position of the statement within its command.</param>
/// <param name="LineNumber">The input line on which the command's record starts.</param>
/// <param name="Host">The host that logged the command, or null.</param>
/// <param name="User">The user who ran it (or, without a name, the numeric user id), or null.</param>
/// <param name="Timestamp">The source's timestamp text, unconverted, or null.</param>
/// <param name="Time">That timestamp read as UTC (ISO 8601 or epoch seconds), or null when absent or unreadable.</param>
public sealed record SessionStatement(string Text, string Command, int CommandIndex, int StatementIndex, long LineNumber,
                                      string? Host, string? User, string? Timestamp, DateTimeOffset? Time);
