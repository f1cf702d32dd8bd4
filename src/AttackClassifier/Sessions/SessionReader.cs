using System.Text.Json;
using AttackClassifier.Normalization;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Sessions;

/// <summary>
/// Groups a stream of telemetry records into sessions, streaming, with memory bounded by <see cref="SessionOptions"/>.
/// </summary>
/// <remarks>
/// <para>A record's session (first rule that applies): the value of <see cref="SessionOptions.SessionField"/> when the record
/// has it; else its host and user, a pause longer than <see cref="SessionOptions.IdleGap"/> between two timestamped commands
/// starting a new session; else (no host, no user) the whole input is one session.</para>
/// <para>Each command is cut into statements by the statement splitter under the dialect its first word suggests (the rules
/// of <see cref="CommandNormalizer"/>); a command with no separator is one statement. Within a session, statements are ordered by
/// time, then input order; a statement without a readable time takes the time of the statement before it in its session.</para>
/// <para>Output order: a session is written when it closes — its idle gap passed (checked against the newest time seen),
/// the open-session bounds pushed it out (least recently active first), or the input ended (remaining sessions in order of
/// their first record). A record without a command is yielded at once as an error item. A session longer than
/// <see cref="SessionOptions.MaxStatements"/> is written as consecutive parts, each carrying <see cref="SessionOptions.Overlap"/>
/// statements of context from the parts around it; time ordering holds within a part. Held at most: the open sessions'
/// statements, bounded by <see cref="SessionOptions.MaxHeldStatements"/>.</para>
/// </remarks>
public static class SessionReader
{
    /// <summary>Groups <paramref name="records"/> lazily; <paramref name="source"/> names the input (the session id of rule 3).</summary>
    /// <exception cref="ArgumentException">Options out of range (thrown here, before anything is read).</exception>
    public static IEnumerable<SessionItem> Read(IEnumerable<TelemetryRecord> records, SessionOptions options, string source)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(source);
        options.Validate();
        return new Grouper(options, source).Run(records);
    }

    /// <summary>The statements of one command line: the splitter's pieces, or the trimmed line when it has none.</summary>
    internal static IEnumerable<string> Statements(string commandLine)
    {
        List<StatementSplitter.Piece> pieces = StatementSplitter.Split(commandLine, ShellDialects.Detect(commandLine));
        if (pieces.Count == 0)
        {
            string trimmed = commandLine.Trim();
            if (trimmed.Length > 0) yield return trimmed;
            yield break;
        }
        foreach (StatementSplitter.Piece p in pieces) yield return commandLine.Substring(p.Start, p.Length);
    }

    private sealed class OpenSession(string key, string id, bool usesGap, long firstOrdinal)
    {
        internal string Key { get; } = key;
        internal string Id { get; } = id;
        internal bool UsesGap { get; } = usesGap;
        internal long FirstOrdinal { get; } = firstOrdinal;
        internal List<(SessionStatement Statement, long Ordinal, long SortTicks)> Buffer { get; } = [];
        internal IReadOnlyList<SessionStatement> Before { get; set; } = [];
        internal int Part { get; set; } = 1;
        internal int Commands { get; set; }
        internal DateTimeOffset? LastTime { get; set; }        // the newest time of the session (for the idle gap)
        internal DateTimeOffset? PreviousTime { get; set; }    // the time of its last timed record in input order
        internal LinkedListNode<OpenSession>? Node { get; set; }
    }

    private sealed class Grouper(SessionOptions options, string source)
    {
        private readonly Dictionary<string, OpenSession> _open = new(StringComparer.Ordinal);
        private readonly LinkedList<OpenSession> _recency = new();   // least recently active first
        private readonly string[]? _fieldPath = options.SessionField is { } f ? JsonFieldPath.Split(f) : null;
        private readonly Queue<SessionWindow> _ready = new();
        private long _held;
        private long _ordinal;
        private DateTimeOffset? _clock;      // the newest time seen
        private DateTimeOffset? _nextExpiry; // no gap session can expire before this

        internal IEnumerable<SessionItem> Run(IEnumerable<TelemetryRecord> records)
        {
            foreach (TelemetryRecord record in records)
            {
                if (record.CommandLine is null)
                {
                    yield return new SessionItem(null, record);
                    continue;
                }
                Accept(record);
                while (_ready.TryDequeue(out SessionWindow? w)) yield return new SessionItem(w, null);
            }
            foreach (OpenSession s in _open.Values.OrderBy(s => s.FirstOrdinal).ToArray()) Close(s);
            while (_ready.TryDequeue(out SessionWindow? w)) yield return new SessionItem(w, null);
        }

        private void Accept(TelemetryRecord record)
        {
            long ordinal = _ordinal++;
            DateTimeOffset? time = SessionTime.Parse(record.Timestamp);
            if (time is { } now && (_clock is null || now > _clock))
            {
                _clock = now;
                if (_nextExpiry is { } expiry && now > expiry) ExpireIdle(now);
            }
            string? user = record.User ?? record.UserId;
            string key;
            bool usesGap = false;
            string? explicitId = ExplicitId(record);
            if (explicitId is not null) key = "id\0" + explicitId;
            else if (record.Host is not null || user is not null) { key = $"hu\0{record.Host}\0{user}"; usesGap = true; }
            else key = "input";

            if (_open.TryGetValue(key, out OpenSession? session) && session.UsesGap && time is { } t && session.LastTime is { } last && t - last > options.IdleGap)
            {
                Close(session);
                session = null;
            }
            if (session is null)
            {
                string id = explicitId ?? (usesGap ? $"{record.Host ?? "-"}/{user ?? "-"}#L{record.LineNumber}" : source);
                session = new OpenSession(key, id, usesGap, ordinal);
                _open.Add(key, session);
                session.Node = _recency.AddLast(session);
                while (_open.Count > options.MaxOpenSessions) Close(_recency.First!.Value);
            }
            else
            {
                _recency.Remove(session.Node!);
                _recency.AddLast(session.Node!);
            }
            if (time is { } known)
            {
                session.PreviousTime = known;
                if (session.LastTime is null || known > session.LastTime) session.LastTime = known;
            }
            if (session.UsesGap && session.LastTime is { } l && (_nextExpiry is null || l + options.IdleGap < _nextExpiry)) _nextExpiry = l + options.IdleGap;

            int commandIndex = session.Commands++;
            int statementIndex = 0;
            DateTimeOffset? sortTime = time ?? session.PreviousTime;
            foreach (string text in Statements(record.CommandLine!))
            {
                var statement = new SessionStatement(text, record.CommandLine!, commandIndex, statementIndex++, record.LineNumber,
                                                     record.Host, user, record.Timestamp, time);
                session.Buffer.Add((statement, ordinal, sortTime?.UtcTicks ?? long.MinValue));
                _held++;
                if (session.Buffer.Count > options.MaxStatements + options.Overlap) CutPart(session);
            }
            while (_held > options.MaxHeldStatements && _recency.First is { } oldest) Close(oldest.Value);
        }

        private string? ExplicitId(TelemetryRecord record)
        {
            if (options.SessionField is not { } field) return null;
            if (record.Original is { } root)
                return JsonFieldPath.TryResolve(root, _fieldPath!, out JsonElement v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                    ? JsonFieldPath.Text(v) : null;
            return field switch
            {
                "ses" => record.Session is { } s && s != "4294967295" ? s : null,   // unset: (unsigned)-1, auditd's "no session"
                "auid" => record.AuditUserId is { } a && a != "4294967295" ? a : null,
                "uid" => record.UserId,
                "tty" => record.Terminal,
                "pid" => record.ProcessId,
                "ppid" => record.ParentProcessId,
                "host" or "node" => record.Host,
                "user" => record.User,
                _ => null,
            };
        }

        // Sessions idle for longer than the gap, measured against the newest time seen, are closed.
        private void ExpireIdle(DateTimeOffset now)
        {
            _nextExpiry = null;
            foreach (OpenSession s in _recency.ToArray())
            {
                if (!s.UsesGap || s.LastTime is not { } last) continue;
                if (now - last > options.IdleGap) Close(s);
                else if (_nextExpiry is null || last + options.IdleGap < _nextExpiry) _nextExpiry = last + options.IdleGap;
            }
        }

        private static void Sort(OpenSession s) =>
            s.Buffer.Sort((a, b) => a.SortTicks != b.SortTicks ? a.SortTicks.CompareTo(b.SortTicks) : a.Ordinal.CompareTo(b.Ordinal));

        // The buffer holds MaxStatements + Overlap + 1: the first MaxStatements are this part, the next Overlap its right context
        // (and the next part's start); the one beyond proves a next part exists, so a last part is never empty.
        private void CutPart(OpenSession s)
        {
            Sort(s);
            int own = options.MaxStatements;
            SessionStatement[] statements = s.Buffer.Take(own).Select(b => b.Statement).ToArray();
            SessionStatement[] after = s.Buffer.Skip(own).Take(options.Overlap).Select(b => b.Statement).ToArray();
            _ready.Enqueue(new SessionWindow(s.Id, s.Part++, false, s.Before, statements, after));
            _held -= own + s.Before.Count;
            s.Before = statements[Math.Max(0, own - options.Overlap)..];
            _held += s.Before.Count;
            s.Buffer.RemoveRange(0, own);
        }

        private void Close(OpenSession s)
        {
            while (s.Buffer.Count > options.MaxStatements) CutPart(s);   // up to Overlap beyond a window may be buffered
            Sort(s);
            _ready.Enqueue(new SessionWindow(s.Id, s.Part, true, s.Before, s.Buffer.Select(b => b.Statement).ToArray(), []));
            _held -= s.Buffer.Count + s.Before.Count;
            _open.Remove(s.Key);
            _recency.Remove(s.Node!);
        }
    }
}
