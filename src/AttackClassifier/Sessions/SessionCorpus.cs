using System.Globalization;
using AttackClassifier.Attack;
using AttackClassifier.Data;

namespace AttackClassifier.Sessions;

/// <summary>One labelled session of a session corpus: its statements in order, each with its tactic (or <c>benign</c>) and technique.</summary>
/// <param name="Id">The session id.</param>
/// <param name="Split"><c>train</c> or <c>test</c> (held out by family).</param>
/// <param name="Family">The author or template family the session was written from.</param>
/// <param name="Statements">(T) statement texts, ordered by command index, then statement index.</param>
/// <param name="CommandIndex">(T) the command each statement came from.</param>
/// <param name="Tactics">(T) tactic shortname (<c>discovery</c>) or <c>benign</c>.</param>
/// <param name="Techniques">(T) technique ID or empty.</param>
/// <param name="Source">Where the session came from (the optional <c>source</c> column: handwritten, atomic, benign, mixed), or empty.</param>
/// <param name="HostFamily">For a session that embeds one family's activity in another's (a mixed session), the family of the host
/// activity (the optional <c>host_family</c> column), or empty. Holding families out must hold this one out too.</param>
internal sealed record LabelledSession(string Id, string Split, string Family, string[] Statements, int[] CommandIndex,
                                       string[] Tactics, string[] Techniques, string Source = "", string HostFamily = "");

/// <summary>
/// Reads a labelled session corpus: a CSV with one row per statement and the columns
/// <c>session_id, split, family, source, host, user, timestamp, command_index, command, statement_index, statement, tactic, technique</c>
/// (`source` and `host_family` are optional, extra columns are ignored). A session's rows may appear in any order; they are ordered by command index, then statement index.
/// </summary>
internal static class SessionCorpus
{
    internal static readonly string[] RequiredColumns = ["session_id", "split", "family", "command_index", "statement_index", "statement", "tactic", "technique"];

    /// <summary>The label of the benign state.</summary>
    internal const string Benign = "benign";

    /// <summary>The catalog's tactic shortnames in kill-chain order (<c>reconnaissance</c> … <c>impact</c>).</summary>
    internal static IReadOnlyList<string> TacticNames { get; } = AttackCatalog.Default.Tactics.Select(t => t.ShortName).ToArray();

    /// <summary>The states of a tagger trained on <paramref name="labels"/>: <c>benign</c> first, then the tactics seen, in kill-chain order.</summary>
    internal static string[] States(IEnumerable<string> labels)
    {
        var seen = new HashSet<string>(labels, StringComparer.Ordinal);
        return [.. new[] { Benign }.Concat(TacticNames).Where(seen.Contains)];
    }

    /// <exception cref="DatasetFormatException">A missing column, a row with the wrong field count, a non-numeric index, an
    /// empty statement or tactic, a session whose rows disagree on split or family, or a repeated (command, statement) index.</exception>
    internal static IReadOnlyList<LabelledSession> Load(string path)
    {
        using var reader = new StreamReader(path);
        return Load(reader, path);
    }

    internal static IReadOnlyList<LabelledSession> Load(TextReader text, string source)
    {
        var csv = new CsvRecordReader(text, source);
        var fields = new List<string>();
        if (!csv.TryReadRecord(fields)) throw new DatasetFormatException(source, 1, null, "empty file: no header");
        var column = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < fields.Count; i++) column.TryAdd(fields[i].Trim(), i);
        foreach (string c in RequiredColumns)
            if (!column.ContainsKey(c)) throw new DatasetFormatException(source, 1, c, "missing column");
        int width = fields.Count;
        var rows = new Dictionary<string, List<(int Command, int Statement, long Line, string Text, string Tactic, string Technique)>>(StringComparer.Ordinal);
        var heads = new Dictionary<string, (string Split, string Family, long Line, string Source, string HostFamily)>(StringComparer.Ordinal);
        var order = new List<string>();
        while (csv.TryReadRecord(fields))
        {
            long line = csv.RecordLine;
            if (fields.Count != width) throw new DatasetFormatException(source, line, null, $"{fields.Count} fields; the header has {width}");
            string F(string name) => fields[column[name]];
            string id = F("session_id");
            if (id.Length == 0) throw new DatasetFormatException(source, line, "session_id", "empty");
            int Index(string name) => int.TryParse(F(name), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v
                : throw new DatasetFormatException(source, line, name, $"'{F(name)}' is not a whole number ≥ 0");
            int command = Index("command_index"), statement = Index("statement_index");
            string statementText = F("statement").Trim();
            if (statementText.Length == 0) throw new DatasetFormatException(source, line, "statement", "empty");
            string tactic = F("tactic").Trim().ToLowerInvariant();
            if (tactic.Length == 0) throw new DatasetFormatException(source, line, "tactic", "empty (a tactic shortname or 'benign')");
            if (tactic != Benign && !TacticNames.Contains(tactic))
                throw new DatasetFormatException(source, line, "tactic", $"'{tactic}' is neither 'benign' nor an ATT&CK tactic shortname ({string.Join(", ", TacticNames)})");
            string split = F("split").Trim().ToLowerInvariant(), family = F("family").Trim();
            if (heads.TryGetValue(id, out var head))
            {
                if (head.Split != split) throw new DatasetFormatException(source, line, "split", $"'{split}', but line {head.Line} of session '{id}' says '{head.Split}'");
                if (head.Family != family) throw new DatasetFormatException(source, line, "family", $"'{family}', but line {head.Line} of session '{id}' says '{head.Family}'");
            }
            else
            {
                heads[id] = (split, family, line, column.TryGetValue("source", out int sourceColumn) ? fields[sourceColumn].Trim() : "",
                             column.TryGetValue("host_family", out int hostColumn) ? fields[hostColumn].Trim() : "");
                rows[id] = [];
                order.Add(id);
            }
            rows[id].Add((command, statement, line, statementText, tactic, F("technique").Trim()));
        }
        var sessions = new List<LabelledSession>(order.Count);
        foreach (string id in order)
        {
            var r = rows[id].OrderBy(x => x.Command).ThenBy(x => x.Statement).ToArray();
            for (int i = 1; i < r.Length; i++)
                if (r[i].Command == r[i - 1].Command && r[i].Statement == r[i - 1].Statement)
                    throw new DatasetFormatException(source, r[i].Line, "statement_index", $"session '{id}' repeats command {r[i].Command}, statement {r[i].Statement} (line {r[i - 1].Line})");
            sessions.Add(new LabelledSession(id, heads[id].Split, heads[id].Family, r.Select(x => x.Text).ToArray(), r.Select(x => x.Command).ToArray(),
                                             r.Select(x => x.Tactic).ToArray(), r.Select(x => x.Technique).ToArray(), heads[id].Source, heads[id].HostFamily));
        }
        return sessions;
    }
}
