using AttackClassifier.Cli.Report;

namespace AttackClassifier.Tests.Report;

/// <summary>The measurement procedure of compare's "predict cmd/s", checked with a fake clock: the bounds it promises, not timings.</summary>
public class PredictionThroughputTests
{
    [Theory]
    [InlineData(1, 0.125)]       // one test row: a pass is 20,000 copies of it (binary fractions: the fake clock adds exactly)
    [InlineData(300, 0.0625)]    // a typical test split
    [InlineData(25_000, 0.25)]   // more rows than the minimum: one copy, and one pass already outlasts a repeat
    public void Each_pass_holds_enough_rows_each_repeat_runs_long_enough_and_the_median_is_reported(int rows, double secondsPerPass)
    {
        string[] commands = Enumerable.Range(0, rows).Select(i => $"cmd {i}").ToArray();
        var known = commands.ToHashSet();
        double clock = 0;
        var passSizes = new List<int>();
        var m = PredictionThroughput.Measure(commands, pass =>
        {
            passSizes.Add(pass.Length);
            Assert.True(pass.All(known.Contains), "a pass holds only test rows");
            clock += secondsPerPass;
        }, () => clock);

        Assert.Equal(1, m.WarmUpPasses);
        Assert.True(m.RowsPerPass >= PredictionThroughput.MinRowsPerPass && m.RowsPerPass >= rows);
        Assert.Equal(0, m.RowsPerPass % rows);                                   // whole copies of the test rows
        Assert.All(passSizes, n => Assert.Equal(m.RowsPerPass, n));
        Assert.Equal(PredictionThroughput.Repeats, m.Passes.Length);
        Assert.True(PredictionThroughput.Repeats >= 5);
        Assert.All(m.Seconds, s => Assert.True(s >= PredictionThroughput.MinSecondsPerRepeat, $"a repeat of {s} s"));
        Assert.True(PredictionThroughput.MinSecondsPerRepeat >= 0.2 && PredictionThroughput.MinRowsPerPass >= 20_000);
        Assert.Equal(1 + m.Passes.Sum(), passSizes.Count);                       // warm-up + timed passes, nothing else
        int expectedPasses = (int)Math.Ceiling(PredictionThroughput.MinSecondsPerRepeat / secondsPerPass - 1e-9);
        Assert.All(m.Passes, p => Assert.Equal(expectedPasses, p));
        Assert.Equal(m.RowsPerPass / secondsPerPass, m.CommandsPerSecond, 1e-9 * m.CommandsPerSecond);
    }

    [Fact]
    public void One_slow_repeat_does_not_move_the_median()
    {
        string[] commands = ["whoami"];
        double clock = 0;
        int calls = 0, passesPerRepeat = 4;   // 1/16 s per pass → 4 passes per repeat
        var m = PredictionThroughput.Measure(commands, _ =>
        {
            calls++;
            bool thirdRepeatsFirstPass = calls == 1 + 2 * passesPerRepeat + 1;   // after the warm-up and two repeats: descheduled
            clock += thirdRepeatsFirstPass ? 0.5 : 0.0625;
        }, () => clock);
        Assert.Equal([4, 4, 1, 4, 4], m.Passes);
        Assert.Equal(m.RowsPerPass / 0.0625, m.CommandsPerSecond, 1e-9 * m.CommandsPerSecond);
    }

    [Fact]
    public void The_report_says_how_the_figure_was_taken()
    {
        string text = PredictionThroughput.Description;
        Assert.Contains("20,000", text);
        Assert.Contains("warm-up", text);
        Assert.Contains("median of 5", text);
        Assert.Contains("0.2 s", text);
    }
}
