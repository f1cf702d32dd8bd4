using System.Text.Json;
using AttackClassifier.Tests.Data;

namespace AttackClassifier.Tests.Cli;

public class PredictionOutputTests
{
    private static string Fixture(string path) => Path.Combine(AppContext.BaseDirectory, "Fixtures", path);

    // Predictions of a fixed model file (Fixtures/Cli/sample-lr.acm, see Fixtures/Cli/README.md) on fixed commands, against a committed golden file:
    // every field name, kind, label, technique and tactic must match exactly, numbers to 1e-9.
    [Fact]
    public void Jsonl_predictions_match_the_golden_file()
    {
        string input = File.ReadAllText(Fixture("Cli/predict-input.txt"));
        var (exit, output, error) = CliRunner.RunWithInput(input, "predict", "--model", Fixture("Cli/sample-lr.acm"), "--format", "jsonl", "--top", "3");
        Assert.True(exit == 0, error);
        string[] actual = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] golden = File.ReadAllLines(Fixture("Cli/predict-golden.jsonl"));
        Assert.Equal(golden.Length, actual.Length);
        for (int i = 0; i < golden.Length; i++)
        {
            using JsonDocument a = JsonDocument.Parse(actual[i]), g = JsonDocument.Parse(golden[i]);
            AssertJsonEqual(g.RootElement, a.RootElement, $"line {i + 1}");
        }
    }

    private static void AssertJsonEqual(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} vs {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name), actual.EnumerateObject().Select(p => p.Name));
                foreach (JsonProperty p in expected.EnumerateObject()) AssertJsonEqual(p.Value, actual.GetProperty(p.Name), $"{path}.{p.Name}");
                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                int i = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray())) AssertJsonEqual(e, a, $"{path}[{i++}]");
                break;
            case JsonValueKind.Number:
                Assert.True(Math.Abs(expected.GetDouble() - actual.GetDouble()) <= 1e-9, $"{path}: {expected.GetDouble()} vs {actual.GetDouble()}");
                break;
            default:
                Assert.True(expected.ToString() == actual.ToString(), $"{path}: '{expected}' vs '{actual}'");
                break;
        }
    }

    [Fact]
    public void Every_jsonl_prediction_names_its_model_and_speaks_attack()
    {
        var (exit, output, error) = CliRunner.RunWithInput("cat /etc/shadow\nwhoami\n", "predict", "--model", Fixture("Serialization/v1-lr.acm"), "--format", "jsonl");
        Assert.True(exit == 0, error);
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using JsonDocument d = JsonDocument.Parse(line);
            JsonElement r = d.RootElement;
            Assert.Equal(64, r.GetProperty("model").GetProperty("sha256").GetString()!.Length);
            Assert.Contains(r.GetProperty("kind").GetString(), new[] { "technique", "benign", "other", "unknown" });
            foreach (JsonElement t in r.GetProperty("top").EnumerateArray())
                if (t.GetProperty("kind").GetString() == "technique")
                {
                    Assert.StartsWith("T", t.GetProperty("technique_id").GetString());
                    Assert.True(t.GetProperty("tactics").GetArrayLength() > 0);
                }
            Assert.InRange(r.GetProperty("top_tactics").GetArrayLength(), 1, 3);
        }
    }

    [Fact]
    public void A_threshold_above_every_probability_makes_every_prediction_unknown_but_keeps_its_top()
    {
        var (exit, output, _) = CliRunner.RunWithInput("cat /etc/shadow\n", "predict", "--model", Fixture("Serialization/v1-lr.acm"), "--format", "jsonl", "--min-probability", "1");
        Assert.Equal(0, exit);
        using JsonDocument d = JsonDocument.Parse(output);
        Assert.Equal("unknown", d.RootElement.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, d.RootElement.GetProperty("technique_id").ValueKind);
        Assert.Equal(3, d.RootElement.GetProperty("top").GetArrayLength());
        Assert.Equal(d.RootElement.GetProperty("label").GetString(), d.RootElement.GetProperty("top")[0].GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("NaN")]
    public void A_min_probability_outside_0_1_is_exit_2(string value)
    {
        var (exit, _, error) = CliRunner.RunWithInput("ls\n", "predict", "--model", Fixture("Serialization/v1-lr.acm"), "--min-probability", value);
        Assert.Equal(2, exit);
        Assert.Contains("--min-probability must lie in [0, 1]", error);
    }

    [Fact]
    public void Info_describes_version_1_and_current_files()
    {
        var (exit, output, error) = CliRunner.Run("info", "--model", Fixture("Serialization/v1-lr.acm"), "--json");
        Assert.True(exit == 0, error);
        using (JsonDocument d = JsonDocument.Parse(output))
        {
            Assert.Equal(1, d.RootElement.GetProperty("format_version").GetInt32());
            Assert.Equal(JsonValueKind.Null, d.RootElement.GetProperty("metadata").ValueKind);
            Assert.Equal(3, d.RootElement.GetProperty("classes").GetArrayLength());
        }
        string model = Path.Combine(Path.GetTempPath(), $"info-{Guid.NewGuid():N}.acm");
        try
        {
            Assert.Equal(0, CliRunner.Run("train", "--data", SampleDataTests.SamplePath, "--out", model, "--max-iter", "30").ExitCode);
            (exit, output, error) = CliRunner.Run("info", "--model", model, "--json");
            Assert.True(exit == 0, error);
            using JsonDocument d = JsonDocument.Parse(output);
            JsonElement r = d.RootElement;
            Assert.Equal(3, r.GetProperty("format_version").GetInt32());
            Assert.Equal(405, r.GetProperty("metadata").GetProperty("training_rows").GetInt32());
            Assert.Equal("30", r.GetProperty("metadata").GetProperty("options").GetProperty("max_iter").GetString());
            Assert.Equal(64, r.GetProperty("metadata").GetProperty("training_data_sha256").GetString()!.Length);
            Assert.True(r.GetProperty("calibration").GetProperty("temperature").GetDouble() > 0);
            Assert.Contains(r.GetProperty("classes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "other");   // Z999
            Assert.Contains(r.GetProperty("classes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "benign");  // Normal
            var text = CliRunner.Run("info", "--model", model);
            Assert.Contains("Z999: Other Low-Frequency Techniques  (not an ATT&CK technique)", text.Output);
            var evaluate = CliRunner.Run("evaluate", "--model", model, "--data", SampleDataTests.SamplePath, "--json");
            using JsonDocument e = JsonDocument.Parse(evaluate.Output);
            JsonElement cal = e.RootElement.GetProperty("calibration");
            foreach (string key in new[] { "expected_calibration_error", "brier_score", "threshold", "coverage_at_threshold", "accuracy_at_threshold", "auroc" })
                Assert.True(cal.GetProperty(key).ValueKind == JsonValueKind.Number, key);
            Assert.InRange(cal.GetProperty("accuracy_at_coverage").GetProperty("0.5").GetDouble(), 0, 1);
            Assert.InRange(e.RootElement.GetProperty("top3_accuracy").GetDouble(), e.RootElement.GetProperty("evaluation").GetProperty("weighted_accuracy").GetDouble(), 1.0);
            JsonElement benign = e.RootElement.GetProperty("benign");
            var sample = AttackClassifier.Data.CommandDataset.Load(SampleDataTests.SamplePath).Consolidate();
            Assert.Equal(sample.Records.Count(r => r.Label == "Normal"), benign.GetProperty("benign_rows").GetInt32());
            Assert.InRange(benign.GetProperty("false_technique_rate_rows").GetDouble(), 0, 1);
            Assert.InRange(benign.GetProperty("technique_to_benign_rate_weighted").GetDouble(), 0, 1);
        }
        finally { File.Delete(model); }
    }

    [Fact]
    public void Same_data_and_seed_give_a_byte_identical_model_file_with_source_date_epoch()
    {
        string a = Path.Combine(Path.GetTempPath(), $"repro-a-{Guid.NewGuid():N}.acm"), b = Path.Combine(Path.GetTempPath(), $"repro-b-{Guid.NewGuid():N}.acm");
        string? previous = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        try
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "1764806400");
            Assert.Equal(0, CliRunner.Run("train", "--data", SampleDataTests.SamplePath, "--out", a, "--max-iter", "20").ExitCode);
            Assert.Equal(0, CliRunner.Run("train", "--data", SampleDataTests.SamplePath, "--out", b, "--max-iter", "20").ExitCode);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", previous);
            File.Delete(a);
            File.Delete(b);
        }
    }

    // In this class so it never runs beside the test above, which sets SOURCE_DATE_EPOCH for the whole process.
    [Fact]
    public void Same_data_and_seed_give_a_byte_identical_lstm_model_file_without_source_date_epoch()
    {
        string a = Path.Combine(Path.GetTempPath(), $"repro-a-{Guid.NewGuid():N}.acm"), b = Path.Combine(Path.GetTempPath(), $"repro-b-{Guid.NewGuid():N}.acm");
        try
        {
            string[] args = ["train", "--data", SampleDataTests.SamplePath, "--model", "lstm", "--epochs", "2", "--num-words", "200", "--no-progress", "--out"];
            Assert.Equal(0, CliRunner.Run([.. args, a]).ExitCode);
            Assert.Equal(0, CliRunner.Run([.. args, b]).ExitCode);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }

    // The shipped models load from the tool itself (no file, no training) and answer in ATT&CK terms.
    [Theory]
    [InlineData("builtin:linux", "cat /etc/shadow", "TA0006")]
    [InlineData("builtin:linux", "cat /proc/cpuinfo | grep name | wc -l", "TA0007")]
    [InlineData("builtin:windows", "vssadmin delete shadows /all /quiet", "TA0040")]
    public void Built_in_models_classify_without_a_model_file(string model, string command, string tactic)
    {
        var (exit, output, error) = CliRunner.RunWithInput(command + "\n", "predict", "--model", model, "--format", "jsonl");
        Assert.True(exit == 0, error);
        using JsonDocument d = JsonDocument.Parse(output);
        Assert.Equal(tactic, d.RootElement.GetProperty("top_tactics")[0].GetProperty("id").GetString());
        Assert.Equal(64, d.RootElement.GetProperty("model").GetProperty("sha256").GetString()!.Length);
        var info = CliRunner.Run("info", "--model", model, "--json");
        using JsonDocument i = JsonDocument.Parse(info.Output);
        Assert.Equal(2, i.RootElement.GetProperty("format_version").GetInt32());
        Assert.Contains(i.RootElement.GetProperty("classes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "benign");
    }

    [Fact]
    public void An_unknown_built_in_model_is_named()
    {
        var (exit, _, error) = CliRunner.RunWithInput("ls\n", "predict", "--model", "builtin:macos");
        Assert.Equal(2, exit);
        Assert.Contains("unknown built-in model 'builtin:macos'; choose builtin:linux or builtin:windows", error);
    }
}
