using System.Text.Json;
using AttackClassifier.Cli.Commands;
using AttackClassifier.Tests.Sessions;

namespace AttackClassifier.Tests.Cli;

/// <summary><c>train-sessions</c> on the fixture corpus, then <c>sessions</c> on the ECS and auditd fixtures with that model.</summary>
public sealed class SessionsCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attack-sessions-" + Guid.NewGuid().ToString("N"));
    private readonly string _model;
    private readonly JsonElement _trained;

    public SessionsCommandTests()
    {
        Directory.CreateDirectory(_folder);
        _model = Path.Combine(_folder, "tagger.acm");
        // --c 10: the fixture's 12 training sessions need weak regularisation (the default C = 0.3 was chosen on the shipped corpora).
        var (exit, output, error) = CliRunner.Run("train-sessions", "--data", SessionReaderTests.FixturePath("corpus.csv"), "--features", "word", "--c", "10", "--out", _model, "--json");
        Assert.True(exit == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        _trained = json.RootElement.Clone();
        Assert.Equal(12, json.RootElement.GetProperty("train_sessions").GetInt32());
        Assert.Equal(6, json.RootElement.GetProperty("test").GetProperty("sessions").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("test").GetProperty("in_context").GetProperty("accuracy").GetDouble(), 0, 1);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private JsonElement[] Records(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();

    [Fact]
    public void Train_sessions_is_reproducible_to_the_byte()
    {
        string again = Path.Combine(_folder, "again.acm");
        var (exit, _, error) = CliRunner.Run("train-sessions", "--data", SessionReaderTests.FixturePath("corpus.csv"), "--features", "word", "--c", "10", "--out", again);
        Assert.True(exit == 0, error);
        // The payload (everything but the metadata's creation time) is identical: compare the header's SHA-256 of the payload.
        Assert.Equal(File.ReadAllBytes(_model)[16..48], File.ReadAllBytes(again)[16..48]);
    }

    [Fact]
    public void Ecs_input_gives_one_record_per_session_and_an_error_record_per_bad_line_in_stream_order()
    {
        var (exit, output, error) = CliRunner.Run("sessions", "--input", SessionReaderTests.FixturePath("sessions-ecs.ndjson"), "--input-format", "ecs",
                                                  "--session-field", "process.session_leader.entity_id", "--model", _model, "--command-model", "none");
        Assert.True(exit == 0, error);
        Assert.Contains("2 input records held no command", error);
        JsonElement[] records = Records(output);
        Assert.Equal(4, records.Length);
        Assert.Equal([6, 7], records[..2].Select(r => r.GetProperty("line").GetInt32()));   // errors come as they are read; sessions close at the end
        Assert.StartsWith("invalid JSON", records[0].GetProperty("error").GetString());
        JsonElement l1 = records[2];
        Assert.Equal("L1", l1.GetProperty("session_id").GetString());
        Assert.Equal(["web-01"], l1.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
        JsonElement[] statements = [.. l1.GetProperty("statements").EnumerateArray()];
        Assert.Equal(7, statements.Length);
        Assert.Equal("cat /proc/cpuinfo | grep name | wc -l", statements[1].GetProperty("command").GetString());   // once per command
        Assert.False(statements[2].TryGetProperty("command", out _));
        Assert.Equal(1, statements[2].GetProperty("command_index").GetInt32());
        Assert.Equal("discovery", statements[2].GetProperty("tactic").GetString());
        Assert.Equal("TA0007", statements[2].GetProperty("tactic_id").GetString());
        JsonElement[] chain = [.. l1.GetProperty("chain").EnumerateArray()];
        Assert.Equal(7, chain.Sum(c => c.GetProperty("statements").GetInt32()));
        Assert.Equal("2026-01-05T09:00:01Z", l1.GetProperty("first_time").GetString());
        Assert.Equal("L2", records[3].GetProperty("session_id").GetString());
        Assert.All(records[3].GetProperty("statements").EnumerateArray(), s => Assert.Equal("benign", s.GetProperty("tactic").GetString()));
    }

    [Fact]
    public void Auditd_input_groups_by_ses_and_text_output_escapes_and_names_lines()
    {
        var (exit, output, error) = CliRunner.Run("sessions", "--input", SessionReaderTests.FixturePath("sessions-audit.log"), "--input-format", "auditd",
                                                  "--session-field", "ses", "--model", _model, "--command-model", "none", "--format", "text");
        Assert.True(exit == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sessions-audit.log:13: error: ", lines[0]);
        Assert.StartsWith("# session 7 part 1: ", lines[1]);
        Assert.Equal(4, lines.Skip(2).TakeWhile(l => !l.StartsWith('#')).Count());
        Assert.Matches(@"^1\t[a-z-]+\t[01]\.\d{3}\t-\twhoami$", lines[2]);
        Assert.StartsWith("# session 8 part 1: ", lines[6]);
    }

    [Fact]
    public void Html_output_is_one_page_with_a_timeline_per_session()
    {
        var (exit, output, error) = CliRunner.Run("sessions", "--input", SessionReaderTests.FixturePath("sessions-ecs.ndjson"), "--input-format", "ecs",
                                                  "--session-field", "process.session_leader.entity_id", "--model", _model, "--command-model", "none", "--format", "html");
        Assert.True(exit == 0, error);
        Assert.StartsWith("<!DOCTYPE html>", output);
        var page = System.Xml.Linq.XDocument.Parse(output[output.IndexOf('<', 1)..]);   // well-formed XML after the doctype
        Assert.Equal(2, page.Descendants().Count(e => e.Name.LocalName == "svg"));
        Assert.Equal(2, page.Descendants().Count(e => e.Name.LocalName == "figure"));
    }

    [Theory]
    [InlineData("30m", 30 * 60)]
    [InlineData("2h", 2 * 3600)]
    [InlineData("90s", 90)]
    [InlineData("1h30m", 5400)]
    [InlineData("1d", 86400)]
    public void Gaps_read_units(string text, int seconds) => Assert.Equal(TimeSpan.FromSeconds(seconds), SessionsCommand.ParseGap(text));

    [Theory]
    [InlineData("30")]
    [InlineData("m")]
    [InlineData("30m1h")]
    [InlineData("0s")]
    [InlineData("")]
    public void Bad_gaps_are_one_line_errors(string text)
    {
        var (exit, _, error) = CliRunner.Run("sessions", "--gap", text, "--model", _model, "--command-model", "none", "--input", SessionReaderTests.FixturePath("sessions-ecs.ndjson"));
        Assert.Equal(2, exit);
        Assert.StartsWith("error: --gap", error);
    }

    [Fact]
    public void A_command_classifier_file_given_as_session_model_is_a_clear_error()
    {
        var (exit, _, error) = CliRunner.Run("sessions", "--model", "builtin:linux", "--input", SessionReaderTests.FixturePath("sessions-ecs.ndjson"));
        Assert.Equal(2, exit);
        Assert.StartsWith("error: --model: unknown built-in session model 'builtin:linux'", error);
    }

    [Fact]
    public void A_malformed_corpus_is_a_one_line_error_naming_file_line_and_field()
    {
        string bad = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(bad, "session_id,split,family,command_index,statement_index,statement,tactic,technique\ns1,train,f,0,0,ls,recon,\n");
        var (exit, _, error) = CliRunner.Run("train-sessions", "--data", bad);
        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {bad}:2: field 'tactic': 'recon'", error);
    }

    [Fact]
    public void Score_sessions_on_the_test_split_gives_the_figures_train_sessions_reported_for_the_same_model()
    {
        var (exit, output, error) = CliRunner.Run("score-sessions", "--data", SessionReaderTests.FixturePath("corpus.csv"), "--model", _model, "--split", "test", "--json");
        Assert.True(exit == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement scores = json.RootElement.GetProperty("scores");
        Assert.Equal("none", json.RootElement.GetProperty("command_model").GetString());
        JsonElement test = _trained.GetProperty("test");
        Assert.Equal(test.GetProperty("sessions").GetInt32(), scores.GetProperty("sessions").GetInt32());
        foreach (string way in new[] { "in_context", "statement_only" })
            foreach (string figure in new[] { "statements", "accuracy", "macro_f1" })
                Assert.Equal(test.GetProperty(way).GetProperty(figure).GetDouble(), scores.GetProperty(way).GetProperty(figure).GetDouble());
        // The per-tag table counts, for each true tactic, exactly the statements the corpus gives it in that split.
        var truth = File.ReadLines(SessionReaderTests.FixturePath("corpus.csv")).Skip(1).Select(l => l.Split(','))
                        .Where(f => f[1] == "test").GroupBy(f => f[^2]).ToDictionary(g => g.Key, g => g.Count());
        var support = json.RootElement.GetProperty("in_context_per_tag").EnumerateArray()
                          .Where(r => r.GetProperty("support").GetDouble() > 0)
                          .ToDictionary(r => r.GetProperty("tag").GetString()!, r => (int)r.GetProperty("support").GetDouble());
        Assert.Equal(truth.OrderBy(kv => kv.Key), support.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Score_sessions_scores_every_split_by_default_and_prints_the_per_tag_table()
    {
        var (exit, output, error) = CliRunner.Run("score-sessions", "--data", SessionReaderTests.FixturePath("corpus.csv"), "--model", _model);
        Assert.True(exit == 0, error);
        int statements = File.ReadLines(SessionReaderTests.FixturePath("corpus.csv")).Count() - 1;
        Assert.Contains($"scored (18 sessions, {statements} statements):", output);
        Assert.Contains("in context, per tag:", output);
        Assert.Contains("command-and-control", output);
    }

    [Theory]
    [InlineData("--split", "validation", "error: Argument 'validation' not recognized")]
    [InlineData("--model", "builtin:linux", "error: --model: unknown built-in session model 'builtin:linux'")]
    [InlineData("--data", "missing.csv", "error: --data: file not found: missing.csv")]
    public void Score_sessions_refuses_bad_arguments_by_name(string option, string value, string message)
    {
        var args = new Dictionary<string, string> { ["--data"] = SessionReaderTests.FixturePath("corpus.csv"), ["--model"] = _model, [option] = value };
        var (exit, _, error) = CliRunner.Run(["score-sessions", .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);
        Assert.Equal(2, exit);
        Assert.StartsWith(message, error);
    }

    [Fact]
    public void Score_sessions_with_a_split_the_corpus_lacks_says_so()
    {
        string trainOnly = Path.Combine(_folder, "train-only.csv");
        File.WriteAllLines(trainOnly, File.ReadLines(SessionReaderTests.FixturePath("corpus.csv")).Where(l => !l.Contains(",test,")));
        var (exit, _, error) = CliRunner.Run("score-sessions", "--data", trainOnly, "--model", _model, "--split", "test");
        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {trainOnly}: no sessions with split 'test'", error);
    }

    [Fact]
    public void Score_sessions_writes_every_statement_with_its_tag_and_the_file_agrees_with_the_reported_accuracy_and_confusion()
    {
        string predictions = Path.Combine(_folder, "predictions.csv");
        var (exit, output, error) = CliRunner.Run("score-sessions", "--data", SessionReaderTests.FixturePath("corpus.csv"), "--model", _model, "--split", "test",
                                                  "--predictions", predictions, "--json");
        Assert.True(exit == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        string[] rows = File.ReadAllLines(predictions);
        Assert.Equal("session_id,command_index,statement_index,statement,tactic,predicted", rows[0]);
        // The fixture's test rows, in corpus order (sessions are contiguous and ordered there): same statements, same truth.
        string[][] corpus = File.ReadLines(SessionReaderTests.FixturePath("corpus.csv")).Skip(1).Select(l => l.Split(',')).Where(f => f[1] == "test").ToArray();
        string[][] written = rows.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(corpus.Select(f => (f[0], f[7], f[9], f[^2])), written.Select(f => (f[0], f[1], f[2], f[4])));
        double accuracy = written.Count(f => f[4] == f[5]) / (double)written.Length;
        Assert.Equal(json.RootElement.GetProperty("scores").GetProperty("in_context").GetProperty("accuracy").GetDouble(), accuracy, 12);
        // The confusion cells count exactly the (true, predicted) pairs of the file.
        var cells = written.GroupBy(f => (f[4], f[5])).ToDictionary(g => g.Key, g => g.Count());
        var reported = json.RootElement.GetProperty("in_context_confusion").EnumerateObject()
                           .SelectMany(t => t.Value.EnumerateObject().Select(p => (Key: (t.Name, p.Name), Count: (int)p.Value.GetDouble())))
                           .ToDictionary(x => x.Key, x => x.Count);
        Assert.Equal(cells.OrderBy(kv => kv.Key), reported.OrderBy(kv => kv.Key));
    }
}
