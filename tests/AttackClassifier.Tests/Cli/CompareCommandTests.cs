using System.Text.Json;
using System.Xml.Linq;
using AttackClassifier.Cli.Commands;
using AttackClassifier.Cli.Report;
using AttackClassifier.Tests.Data;

namespace AttackClassifier.Tests.Cli;

/// <summary>One small comparison (the sample data, 2 LSTM epochs) shared by the tests that read its output and report.</summary>
public sealed class CompareRunFixture : IDisposable
{
    public CompareRunFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "compare-test-" + Guid.NewGuid().ToString("N"));
        (ExitCode, Output, Error) = CliRunner.Run("compare", "--data", SampleDataTests.SamplePath, "--models", "lr,lstm,lstm+mask",
                                                  "--epochs", "2", "--no-progress", "--out", Directory, "--json");
        if (ExitCode == 0) Json = JsonDocument.Parse(Output);
    }

    public string Directory { get; }
    public int ExitCode { get; }
    public string Output { get; }
    public string Error { get; }
    public JsonDocument? Json { get; }
    public JsonElement[] Models => Json!.RootElement.GetProperty("models").EnumerateArray().ToArray();

    public void Dispose()
    {
        Json?.Dispose();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}

public class CompareCommandTests(CompareRunFixture run) : IClassFixture<CompareRunFixture>
{
    private static readonly XNamespace S = Svg.Ns;

    [Fact]
    public void Without_split_compare_uses_the_study_protocol()
    {
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("study protocol", run.Json!.RootElement.GetProperty("data").GetString());
        var study = AttackClassifier.Data.CommandDataset.Load(SampleDataTests.SamplePath).Consolidate().Split(0.2, 0.2, 42, AttackClassifier.Data.SplitProtocol.Study);
        Assert.All(run.Models, m =>
        {
            Assert.Equal(study.Train.Count, m.GetProperty("train_rows").GetInt32());
            Assert.Equal(study.Test.Count, m.GetProperty("test").GetProperty("rows").GetInt32());
        });
    }

    [Fact]
    public void Json_lists_each_model_with_the_keys_of_train_json()
    {
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["lr", "lstm", "lstm+mask"], run.Models.Select(m => m.GetProperty("model").GetString()));

        // train --json on the same data and seed: every key it writes (model file aside) is in compare's model objects.
        string modelFile = Path.Combine(run.Directory, "lr.model");
        // compare's default split is the study protocol; train's is test-first, so train is asked for the study's.
        var (exit, output, error) = CliRunner.Run("train", "--data", SampleDataTests.SamplePath, "--split", "study", "--kind", "lr", "--preset", "study", "--out", modelFile, "--json");
        Assert.True(exit == 0, error);
        using var train = JsonDocument.Parse(output);
        string[] trainKeys = train.RootElement.EnumerateObject().Select(p => p.Name).Where(k => k != "model_file").ToArray();
        JsonElement lr = run.Models[0];
        Assert.All(trainKeys, k => Assert.True(lr.TryGetProperty(k, out _), $"missing {k}"));
        // Same split and settings, deterministic LR: the same test metrics as train reports.
        Assert.Equal(train.RootElement.GetProperty("test").GetProperty("weighted_f1").GetDouble(), lr.GetProperty("test").GetProperty("weighted_f1").GetDouble(), 12);
        Assert.Equal(train.RootElement.GetProperty("features").GetInt32(), lr.GetProperty("features").GetInt32());
    }

    [Fact]
    public void Lstm_entries_carry_a_history_bounded_by_the_epochs_asked()
    {
        Assert.True(run.ExitCode == 0, run.Error);
        foreach (JsonElement m in run.Models.Skip(1))
        {
            int epochs = m.GetProperty("epochs_run").GetInt32();
            Assert.InRange(epochs, 1, 2);
            Assert.Equal(Enumerable.Range(1, epochs), m.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
            Assert.True(m.GetProperty("predict_commands_per_second").GetDouble() > 0);
            Assert.Equal("low", m.GetProperty("interpretability").GetString());
        }
        Assert.StartsWith("high", run.Models[0].GetProperty("interpretability").GetString());
    }

    [Fact]
    public void Test_metrics_include_per_class_rows_and_a_confusion_matrix_summing_to_the_test_weight()
    {
        Assert.True(run.ExitCode == 0, run.Error);
        foreach (JsonElement m in run.Models)
        {
            JsonElement test = m.GetProperty("test");
            double support = test.GetProperty("per_class").EnumerateArray().Sum(r => r.GetProperty("support").GetDouble());
            double confusion = test.GetProperty("confusion_matrix").EnumerateArray().SelectMany(r => r.EnumerateArray()).Sum(v => v.GetDouble());
            Assert.Equal(support, confusion, 6);
            Assert.InRange(test.GetProperty("weighted_f1").GetDouble(), 0, 1);
            Assert.Equal(run.Models[0].GetProperty("test").GetProperty("rows").GetInt32(), test.GetProperty("rows").GetInt32());
        }
    }

    [Fact]
    public void Report_files_are_written_and_parse_as_xml()
    {
        Assert.True(run.ExitCode == 0, run.Error);
        string[] files = run.Json!.RootElement.GetProperty("report_files").EnumerateArray().Select(f => f.GetString()!).ToArray();
        Assert.Equal(["report.md", "report.html", "reliability.svg", "risk-coverage.svg", "class-distribution.svg", "lstm-loss.svg", "confusion-lr.svg", "confusion-lstm.svg", "confusion-lstm-mask.svg"],
                     files.Select(Path.GetFileName));
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        XDocument html = XDocument.Load(files[1]);
        Assert.Equal(files.Length - 2, html.Descendants(S + "svg").Count());   // every saved chart, inline
        string md = File.ReadAllText(files[0]);
        foreach (string name in new[] { "lr", "lstm", "lstm+mask" }) Assert.Contains($"| {name} | ", md);
    }

    [Fact]
    public void Heatmaps_name_every_test_class_the_model_saw_or_predicted()
    {
        Assert.True(run.ExitCode == 0, run.Error);
        foreach (JsonElement m in run.Models)
        {
            JsonElement test = m.GetProperty("test");
            string[] labels = test.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray();
            double[][] c = test.GetProperty("confusion_matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            string[] present = labels.Where((_, i) => c[i].Sum() > 0 || c.Sum(r => r[i]) > 0).ToArray();
            string file = Path.Combine(run.Directory, $"confusion-{Svg.FileSafe(m.GetProperty("model").GetString()!)}.svg");
            string[] texts = XDocument.Load(file).Descendants(S + "text").Select(t => t.Value).ToArray();
            Assert.All(present, label => Assert.Equal(2, texts.Count(t => t == label)));
            Assert.Contains("T1082: System Information Discovery", present);
        }
    }

    [Fact]
    public void Text_output_is_the_comparison_table()
    {
        string dir = Path.Combine(Path.GetTempPath(), "compare-text-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output, error) = CliRunner.Run("compare", "--data", SampleDataTests.SamplePath, "--models", "lr", "--out", dir);
            Assert.True(exit == 0, error);
            string[] lines = output.Split('\n');
            Assert.Contains(lines, l => l.StartsWith("model") && l.Contains("weighted F1") && l.Contains("interpretability"));
            Assert.Contains(lines, l => l.StartsWith("lr ") && l.TrimEnd().EndsWith("high — n-gram evidence"));
            Assert.True(File.Exists(Path.Combine(dir, "report.html")));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("lr,svm", "unknown model 'svm'")]
    [InlineData("lr,lr", "'lr' is listed twice")]
    [InlineData("lstm+mask,lstm+mask", "listed twice")]
    [InlineData("lr+cyber", "unknown model 'lr+cyber'")]
    [InlineData(",", "at least one model")]
    public void Bad_model_lists_are_user_errors(string models, string message)
    {
        var (exit, output, error) = CliRunner.Run("compare", "--data", SampleDataTests.SamplePath, "--models", models, "--out", Path.GetTempPath());
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Cost_growth_on_adds_the_section_and_off_leaves_it_out()
    {
        string root = Path.Combine(Path.GetTempPath(), "compare-growth-" + Guid.NewGuid().ToString("N"));
        try
        {
            string Report(string mode)
            {
                string dir = Path.Combine(root, mode);
                var (exit, output, error) = CliRunner.Run("compare", "--data", SampleDataTests.SamplePath, "--models", "lr", "--no-progress", "--cost-growth", mode, "--out", dir, "--json");
                Assert.True(exit == 0, error);
                using var json = JsonDocument.Parse(output);
                Assert.Equal(mode == "on", json.RootElement.TryGetProperty("cost_growth", out JsonElement growth));
                if (mode == "on")
                {
                    Assert.Equal(2, growth.GetProperty("fits").GetArrayLength());   // 100 rows, then all training rows
                    Assert.Equal(100, growth.GetProperty("fits")[0].GetProperty("rows").GetInt32());
                    Assert.Equal("lr", growth.GetProperty("slopes")[0].GetProperty("model").GetString());
                }
                return dir;
            }
            string off = Report("off"), on = Report("on");
            Assert.False(File.Exists(Path.Combine(off, "cost-growth.svg")));
            Assert.DoesNotContain("Cost growth", File.ReadAllText(Path.Combine(off, "report.md")));
            Assert.DoesNotContain("cost-growth", File.ReadAllText(Path.Combine(off, "report.html")));

            Assert.True(File.Exists(Path.Combine(on, "cost-growth.svg")));
            string md = File.ReadAllText(Path.Combine(on, "report.md"));
            Assert.Contains("## Cost growth with training rows", md);
            Assert.Contains("](cost-growth.svg)", md);
            int trainRows = AttackClassifier.Data.CommandDataset.Load(SampleDataTests.SamplePath).Consolidate().Split(0.2, 0.2, 42, AttackClassifier.Data.SplitProtocol.Study).Train.Count;
            Assert.Contains("| 100 | lr | ", md);   // a row per (size, model): 100 rows, then all training rows
            Assert.Contains($"| {trainRows:N0} | lr | ", md);
            Assert.Single(XDocument.Load(Path.Combine(on, "report.html")).Descendants(), e => (string?)e.Attribute("id") == "cost-growth");
        }
        finally { if (Directory.Exists(root)) Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void The_sample_data_is_below_the_automatic_cost_growth_threshold()
    {
        Assert.True(run.ExitCode == 0, run.Error);   // the shared run gives no --cost-growth: auto, and few training rows
        Assert.True(run.Models[0].GetProperty("train_rows").GetInt32() <= CostGrowth.AutoAboveRows);
        Assert.False(File.Exists(Path.Combine(run.Directory, "cost-growth.svg")));
    }

    [Theory]
    [InlineData("sometimes")]
    [InlineData("ON ")]
    public void A_bad_cost_growth_value_is_refused_naming_the_option(string value)
    {
        var (exit, output, error) = CliRunner.Run("compare", "--data", SampleDataTests.SamplePath, "--models", "lr", "--cost-growth", value, "--out", Path.GetTempPath());
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("--cost-growth", error);
    }

    [Fact]
    public void Train_files_without_a_test_file_are_a_user_error()
    {
        var (exit, _, error) = CliRunner.Run("compare", "--train", SampleDataTests.SamplePath, "--models", "lr", "--out", Path.GetTempPath());
        Assert.Equal(2, exit);
        Assert.Contains("needs test rows", error);
    }

    [Fact]
    public void Variant_names_are_normalised()
    {
        Assert.Equal(["lstm+cyber+mask", "lstm"], CompareCommand.ParseModels(" LSTM+mask+cyber , lstm").Select(s => s.Name));
        var spec = CompareCommand.ParseModels("lstm+cyber")[0];
        Assert.True(spec.IsLstm && spec.CyberTokens && !spec.Mask);
    }
}
