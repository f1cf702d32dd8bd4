using System.Text;
using System.Text.Json;
using AttackClassifier.Tests.Data;

namespace AttackClassifier.Tests.Cli;

public class TrainPredictCommandTests
{
    private static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), $"ac-{Guid.NewGuid():N}{extension}");

    [Fact]
    public void Train_lr_reports_the_documented_json_keys_and_saves_a_model_that_evaluate_and_predict_use()
    {
        string model = TempFile(".acm");
        try
        {
            var (exit, output, error) = CliRunner.Run("train", "--data", SampleDataTests.SamplePath, "--out", model, "--json");
            Assert.True(exit == 0, error);
            using var json = JsonDocument.Parse(output);
            JsonElement root = json.RootElement;
            Assert.Equal("lr", root.GetProperty("model").GetString());
            foreach (string key in new[] { "classes", "train_rows", "train_seconds", "iterations", "objective" }) Assert.True(root.TryGetProperty(key, out _), key);
            foreach (string part in new[] { "validation", "test" })
                foreach (string key in new[] { "weighted_accuracy", "weighted_f1", "macro_f1", "rows" })
                    Assert.True(root.GetProperty(part).TryGetProperty(key, out _), $"{part}.{key}");
            Assert.True(File.Exists(model));

            var eval = CliRunner.Run("evaluate", "--model", model, "--data", SampleDataTests.SamplePath, "--json");
            Assert.True(eval.ExitCode == 0, eval.Error);
            using var evalJson = JsonDocument.Parse(eval.Output);
            JsonElement e = evalJson.RootElement.GetProperty("evaluation");
            int k = e.GetProperty("labels").GetArrayLength();
            Assert.Equal(k, e.GetProperty("per_class").GetArrayLength());
            Assert.Equal(k, e.GetProperty("confusion_matrix").GetArrayLength());
            Assert.InRange(e.GetProperty("weighted_accuracy").GetDouble(), 0.0, 1.0);

            string input = "cat /etc/shadow\n\n   \nuname -a\n";   // blank lines hold no command: each gets an error record in its place
            var predict = RunWithInput(input, "predict", "--model", model, "--format", "jsonl", "--top", "2", "--explain");
            Assert.True(predict.ExitCode == 0, predict.Error);
            string[] lines = predict.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(4, lines.Length);
            foreach (int blank in new[] { 1, 2 })
            {
                using var blankRecord = JsonDocument.Parse(lines[blank]);
                Assert.Equal(blank + 1, blankRecord.RootElement.GetProperty("line").GetInt32());
                Assert.Equal("empty command", blankRecord.RootElement.GetProperty("error").GetString());
            }
            Assert.Equal("uname -a", JsonDocument.Parse(lines[3]).RootElement.GetProperty("input").GetString());
            using var first = JsonDocument.Parse(lines[0]);
            Assert.Equal("cat /etc/shadow", first.RootElement.GetProperty("input").GetString());
            Assert.Equal(2, first.RootElement.GetProperty("top").GetArrayLength());
            Assert.Equal(first.RootElement.GetProperty("label").GetString(), first.RootElement.GetProperty("top")[0].GetProperty("label").GetString());
            Assert.True(first.RootElement.GetProperty("evidence").GetArrayLength() > 0);
        }
        finally { File.Delete(model); }
    }

    [Fact]
    public void Predict_reads_auditd_records_skips_other_types_and_reports_a_bad_record_in_its_place()
    {
        string model = TempFile(".acm");
        try
        {
            Assert.Equal(0, CliRunner.Run("train", "--data", SampleDataTests.SamplePath, "--out", model).ExitCode);
            string hex = Convert.ToHexString(Encoding.UTF8.GetBytes("cat\0/etc/shadow"));
            string log = $"type=SYSCALL msg=audit(1.1:1): syscall=59\ntype=PROCTITLE msg=audit(1.1:1): proctitle={hex}\ntype=PROCTITLE msg=audit(1.1:2): proctitle=\"whoami\"\n";
            var (exit, output, error) = RunWithInput(log, "predict", "--model", model, "--input-format", "auditd", "--format", "jsonl");
            Assert.True(exit == 0, error);
            string[] inputs = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("input").GetString()!).ToArray();
            Assert.Equal(["cat /etc/shadow", "whoami"], inputs);

            var bad = RunWithInput("type=PROCTITLE msg=audit(1.1:1): proctitle=ABC\n", "predict", "--model", model, "--input-format", "auditd", "--strict");
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("<stdin>:1", bad.Error);
            var kept = RunWithInput("type=PROCTITLE msg=audit(1.1:1): proctitle=ABC\n", "predict", "--model", model, "--input-format", "auditd", "--format", "jsonl");
            Assert.Equal(0, kept.ExitCode);
            string[] records = kept.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(records);   // the bad line, in its place, as error records
            foreach (string line in records)
            {
                using var record = JsonDocument.Parse(line);
                Assert.Equal(1, record.RootElement.GetProperty("line").GetInt32());
                Assert.False(string.IsNullOrEmpty(record.RootElement.GetProperty("error").GetString()));
            }
            Assert.Contains(records, r => r.Contains("odd number of digits"));
        }
        finally { File.Delete(model); }
    }

    [Fact]
    public void A_damaged_model_file_is_a_clear_error()
    {
        string model = TempFile(".acm");
        try
        {
            File.WriteAllText(model, "proctitle,technique_grouped,count\n");
            var (exit, _, error) = CliRunner.Run("evaluate", "--model", model, "--data", SampleDataTests.SamplePath);
            Assert.Equal(2, exit);
            Assert.Contains("not an AttackClassifier model file", error);
        }
        finally { File.Delete(model); }
    }

    [Fact]
    public void Kind_and_the_deprecated_model_option_must_agree()
    {
        var (exit, _, error) = CliRunner.Run("train", "--kind", "lstm", "--model", "lr", "--data", SampleDataTests.SamplePath, "--out", TempFile(".acm"));
        Assert.Equal(2, exit);
        Assert.Equal("error: --kind lstm and --model lr disagree; give --kind only.", error.TrimEnd());
    }

    [Fact]
    public void Train_lstm_reports_epochs_and_history_and_its_model_predicts()
    {
        string model = TempFile(".acm");
        try
        {
            // --model lstm is the deprecated spelling of --kind lstm: it still trains an LSTM, with a note.
            var (exit, output, error) = CliRunner.Run("train", "--model", "lstm", "--data", SampleDataTests.SamplePath, "--epochs", "2", "--out", model, "--json", "--no-progress");
            Assert.True(exit == 0, error);
            Assert.Equal("note: --model lstm is deprecated and will name a model file; use --kind lstm.\n", error.ReplaceLineEndings("\n"));
            Assert.Equal("lstm", AttackClassifier.Serialization.ModelFile.Open(model).Info.Metadata!.Options["kind"]);
            using var json = JsonDocument.Parse(output);
            JsonElement root = json.RootElement;
            Assert.Equal("lstm", root.GetProperty("model").GetString());
            Assert.Equal(2, root.GetProperty("epochs_run").GetInt32());
            Assert.InRange(root.GetProperty("best_epoch").GetInt32(), 1, 2);
            Assert.Equal(2, root.GetProperty("history").GetArrayLength());
            Assert.True(root.GetProperty("history")[0].TryGetProperty("val_loss", out _));
            var predict = RunWithInput("uname -a\n", "predict", "--model", model, "--format", "jsonl");
            Assert.True(predict.ExitCode == 0, predict.Error);
            Assert.Contains("\"technique\"", predict.Output);
            var explain = RunWithInput("uname -a\n", "predict", "--model", model, "--explain");
            Assert.Equal(2, explain.ExitCode);
        }
        finally { File.Delete(model); }
    }

    [Fact]
    public void Tune_scores_every_candidate()
    {
        var (exit, output, error) = CliRunner.Run("tune", "--data", SampleDataTests.SamplePath, "--C", "1,10", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var candidates = json.RootElement.GetProperty("candidates").EnumerateArray().ToArray();
        Assert.Equal(2, candidates.Length);
        Assert.All(candidates, c => Assert.Equal(3, c.GetProperty("fold_weighted_f1").GetArrayLength()));
        Assert.Contains(json.RootElement.GetProperty("best").GetString(), candidates.Select(c => c.GetProperty("candidate").GetString()));
    }

    [Fact]
    public void Tune_can_add_character_ngrams_to_every_candidate_and_scores_differ()
    {
        var words = CliRunner.Run("tune", "--data", SampleDataTests.SamplePath, "--preset", "study", "--C", "10", "--json");
        var both = CliRunner.Run("tune", "--data", SampleDataTests.SamplePath, "--preset", "study", "--C", "10", "--char-ngram", "2,5", "--json");
        Assert.True(both.ExitCode == 0, both.Error);
        double F1(string json) => JsonDocument.Parse(json).RootElement.GetProperty("candidates")[0].GetProperty("mean_weighted_f1").GetDouble();
        Assert.NotEqual(F1(words.Output), F1(both.Output));   // the character block really is part of the candidate
    }

    [Theory]
    [InlineData("train", "--out", "x.acm")]
    [InlineData("train", "--data", "a.csv", "--train", "b.csv", "--out", "x.acm")]
    public void Train_needs_exactly_one_data_source(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains("either --data", error);
    }

    private static (int ExitCode, string Output, string Error) RunWithInput(string input, params string[] args) => CliRunner.RunWithInput(input, args);
}
