namespace AttackClassifier.Tests.Cli;

/// <summary>No command reports success on, or saves, a model it did not fit; extreme options are rejected before training.</summary>
public class TrainingFailureCommandTests
{
    // Two classes of ten rows; every count 1e306: their sum (2e307) is finite, C·Σ count·CE is not.
    private static string HugeCounts()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ac-huge-{Guid.NewGuid():N}.csv");
        var lines = new List<string> { "proctitle,technique_grouped,count" };
        for (int i = 0; i < 10; i++) lines.Add($"ls -la /tmp/d{i},T1083: File and Directory Discovery,1e306");
        for (int i = 0; i < 10; i++) lines.Add($"cat /etc/passwd{i},T1003: OS Credential Dumping,1e306");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Theory]
    [InlineData("train")]
    [InlineData("compare")]
    [InlineData("tune")]
    public void Training_that_overflows_exits_2_with_the_reason_and_keeps_the_previous_model(string command)
    {
        string data = HugeCounts();
        string outDir = Path.Combine(Path.GetTempPath(), $"ac-fail-{Guid.NewGuid():N}");
        Directory.CreateDirectory(outDir);
        string model = Path.Combine(outDir, "model.acm");
        File.WriteAllText(model, "previous model");
        try
        {
            string[] args = command switch
            {
                "train" => ["train", "--data", data, "--preset", "study", "--out", model],
                "compare" => ["compare", "--data", data, "--models", "lr", "--out", outDir],
                _ => ["tune", "--data", data, "--preset", "study", "--folds", "2", "--C", "100"],
            };
            var (exit, output, error) = CliRunner.Run(args);
            Assert.Equal(2, exit);
            Assert.StartsWith("error: training failed: ", error);
            Assert.Contains("non-finite", error);
            Assert.DoesNotContain("accuracy", output);
            Assert.Equal("previous model", File.ReadAllText(model));
            Assert.False(File.Exists(Path.Combine(outDir, "report.md")));
        }
        finally
        {
            File.Delete(data);
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Theory]
    [InlineData("train", "1e308")]
    [InlineData("train", "2e12")]
    [InlineData("train", "0")]
    [InlineData("tune", "1,1e308")]
    public void C_beyond_its_range_is_rejected_naming_the_option(string command, string c)
    {
        string[] args = command == "train"
            ? ["train", "--data", SampleDataPath, "--C", c, "--out", Path.Combine(Path.GetTempPath(), $"ac-{Guid.NewGuid():N}.acm")]
            : ["tune", "--data", SampleDataPath, "--C", c];
        var (exit, _, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("error: --C must be in (0, 1e12]", error);
    }

    [Fact]
    public void Counts_that_sum_beyond_double_range_are_a_data_error_with_file_line_and_field()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ac-sum-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "proctitle,technique_grouped,count\nls,T1083,1e308\nid,T1033,1e308\n");
        try
        {
            var (exit, _, error) = CliRunner.Run("train", "--data", path, "--out", path + ".acm");
            Assert.Equal(2, exit);
            Assert.StartsWith($"error: {path}:3: field 'count': 1e308 brings the sum of the counts beyond", error);
            Assert.False(File.Exists(path + ".acm"));
        }
        finally { File.Delete(path); }
    }

    private static string SampleDataPath => AttackClassifier.Tests.Data.SampleDataTests.SamplePath;
}
