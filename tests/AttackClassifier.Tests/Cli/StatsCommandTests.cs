using System.Text.Json;
using AttackClassifier.Tests.Data;

namespace AttackClassifier.Tests.Cli;

public class StatsCommandTests
{
    [Fact]
    public void Json_reports_each_stage_with_per_class_mass()
    {
        var (exit, output, error) = CliRunner.Run("stats", "--data", SampleDataTests.SamplePath, "--min-rows", "15", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var stages = json.RootElement.GetProperty("stages").EnumerateArray().ToArray();
        Assert.Equal(["raw", "consolidated", "rare_grouped"], stages.Select(s => s.GetProperty("stage").GetString()));
        foreach (var stage in stages)
        {
            var perClass = stage.GetProperty("per_class").EnumerateArray().ToArray();
            Assert.Equal(stage.GetProperty("classes").GetInt32(), perClass.Length);
            Assert.Equal(stage.GetProperty("rows").GetInt32(), perClass.Sum(c => c.GetProperty("rows").GetInt32()));
            Assert.Equal(1.0, perClass.Sum(c => c.GetProperty("observation_share").GetDouble()), 9);
        }
        Assert.True(stages[2].GetProperty("classes").GetInt32() < stages[1].GetProperty("classes").GetInt32());
        Assert.All(stages[2].GetProperty("per_class").EnumerateArray(), c =>
            Assert.True(c.GetProperty("rows").GetInt32() >= 15 || c.GetProperty("label").GetString()!.StartsWith("Z999")));
    }

    [Fact]
    public void Text_output_names_the_classes()
    {
        var (exit, output, _) = CliRunner.Run("stats", "--data", SampleDataTests.SamplePath);
        Assert.Equal(0, exit);
        Assert.Contains("T1082: System Information Discovery", output);
        Assert.Contains("unique commands", output);
    }

    [Fact]
    public void Bad_input_is_one_located_line_and_exit_code_2()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "proctitle,technique_grouped,count\nid,T1033,1\nls,Normal,-3\n");
            var (exit, output, error) = CliRunner.Run("stats", "--data", path);
            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Equal($"error: {path}:3: field 'count': -3 is negative; a count must be ≥ 0.", error.Trim());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Missing_file_is_reported_without_a_stack_trace()
    {
        var (exit, _, error) = CliRunner.Run("stats", "--data", "no-such-file.csv");
        Assert.Equal(2, exit);
        Assert.DoesNotContain("   at ", error);
        Assert.Contains("no-such-file.csv", error);
    }

    [Theory]
    [InlineData("stats", "--data", "x.csv", "--bogus")]
    [InlineData("stats")]
    [InlineData("predict", "--model", "m.acm", "--top", "abc")]
    [InlineData("no-such-command")]
    public void Parse_errors_are_one_error_line_and_exit_code_2(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Library_argument_errors_reach_the_user_without_parameter_names()
    {
        var (exit, _, error) = CliRunner.Run("split", "--data", SampleDataTests.SamplePath, "--out", Path.GetTempPath(), "--val", "0.6", "--test", "0.5");
        Assert.Equal(2, exit);
        Assert.Contains("--val + --test", error);
        Assert.DoesNotContain("(Parameter", error);
    }
}
