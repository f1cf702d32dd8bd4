using System.Diagnostics;
using AttackClassifier.Classification;

namespace AttackClassifier.Cli.Report;

/// <summary>
/// The <c>predict cmd/s</c> of <c>compare</c>: command lines per second of <see cref="ClassifierExtensions.PredictBatch"/> (top 3,
/// all cores), measured so that it holds still from run to run. A test split of a few hundred rows is done in milliseconds,
/// where thread start-up, tiered compilation and one descheduling swing the rate 3–10×; so:
/// <list type="number">
/// <item>a pass is the test rows repeated until it holds at least <see cref="MinRowsPerPass"/> rows;</item>
/// <item>one untimed pass warms up (compilation, per-thread buffers, thread pool);</item>
/// <item>a repeat runs whole passes until at least <see cref="MinSecondsPerRepeat"/> s have elapsed, and its rate is rows over
/// elapsed seconds;</item>
/// <item>the figure is the median of <see cref="Repeats"/> repeats (robust to one slow repeat on a shared machine).</item>
/// </list>
/// </summary>
internal static class PredictionThroughput
{
    /// <summary>Rows per timed pass at least: the test rows are repeated up to this.</summary>
    internal const int MinRowsPerPass = 20_000;

    /// <summary>Seconds each repeat runs at least (whole passes).</summary>
    internal const double MinSecondsPerRepeat = 0.2;

    /// <summary>Timed repeats; the result is their median.</summary>
    internal const int Repeats = 5;

    /// <summary>How the figure was taken, for the report.</summary>
    internal static string Description =>
        $"Prediction throughput is command lines per second of PredictBatch (top 3, all {Environment.ProcessorCount} logical processors): " +
        $"the test rows repeated to at least {MinRowsPerPass:N0} per pass, one untimed warm-up pass, then the median of {Repeats} repeats " +
        $"of whole passes lasting at least {MinSecondsPerRepeat} s each.";

    /// <summary>What a measurement did: the rate, and the procedure's counts (what tests check, not the timings).</summary>
    /// <param name="CommandsPerSecond">The median repeat's rate.</param>
    /// <param name="RowsPerPass">Rows in one pass (the test rows, repeated).</param>
    /// <param name="Passes">Timed passes of each repeat.</param>
    /// <param name="Seconds">Elapsed seconds of each repeat.</param>
    /// <param name="WarmUpPasses">Untimed passes before the first repeat.</param>
    internal sealed record Measurement(double CommandsPerSecond, int RowsPerPass, int[] Passes, double[] Seconds, int WarmUpPasses);

    /// <summary>Measures <paramref name="classifier"/> on <paramref name="commands"/> (0 when there are none).</summary>
    internal static double CommandsPerSecond(IAttackClassifier classifier, string[] commands) =>
        commands.Length == 0 ? 0 : Measure(commands, rows => classifier.PredictBatch(rows), () => (double)Stopwatch.GetTimestamp() / Stopwatch.Frequency).CommandsPerSecond;

    /// <summary>The procedure above, with the prediction call and the clock passed in.</summary>
    /// <param name="commands">The test rows (at least one).</param>
    /// <param name="predict">Predicts one pass.</param>
    /// <param name="now">A monotonic clock, in seconds.</param>
    internal static Measurement Measure(string[] commands, Action<string[]> predict, Func<double> now)
    {
        ArgumentOutOfRangeException.ThrowIfZero(commands.Length);
        int copies = (MinRowsPerPass + commands.Length - 1) / commands.Length;
        string[] pass = new string[copies * commands.Length];
        for (int c = 0; c < copies; c++) commands.CopyTo(pass, c * commands.Length);

        predict(pass);   // warm-up
        var passes = new int[Repeats];
        var seconds = new double[Repeats];
        var rates = new double[Repeats];
        for (int r = 0; r < Repeats; r++)
        {
            double start = now();
            do
            {
                predict(pass);
                passes[r]++;
                seconds[r] = now() - start;
            }
            while (seconds[r] < MinSecondsPerRepeat);
            rates[r] = (double)passes[r] * pass.Length / seconds[r];
        }
        Array.Sort(rates);
        return new Measurement(rates[Repeats / 2], pass.Length, passes, seconds, WarmUpPasses: 1);
    }
}
