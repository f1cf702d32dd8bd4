using System.Diagnostics;
using System.Globalization;
using AttackClassifier.Data;
using AttackClassifier.Randomness;

namespace AttackClassifier.Cli.Report;

/// <summary>One fit of the cost-growth measurement: a model fitted on the first <paramref name="Rows"/> rows of the shuffled training split.</summary>
/// <param name="Model">The model's name in the comparison (<c>lr</c>, <c>lstm+mask</c>, …).</param>
/// <param name="Rows">Training rows of this fit.</param>
/// <param name="Seconds">Wall-clock seconds of the fit.</param>
/// <param name="PeakMiB">Peak memory growth during the fit, MiB, as <see cref="PeakMemory"/> measures it.</param>
internal sealed record CostGrowthFit(string Model, int Rows, double Seconds, double PeakMiB);

/// <summary>
/// The <c>compare</c> report's "Cost growth" section: every compared model fitted on nested seeded subsamples of the training split,
/// with the fit's wall time and peak memory, and the least-squares exponent of rows in each (benchmarks/scaling.py's picture, for
/// the user's own data).
/// </summary>
/// <param name="Fits">The fits, per model in comparison order, smallest size first.</param>
/// <param name="MemoryMeasure">How <see cref="CostGrowthFit.PeakMiB"/> was measured on this machine, for the report.</param>
internal sealed record CostGrowth(IReadOnlyList<CostGrowthFit> Fits, string MemoryMeasure)
{
    /// <summary><c>--cost-growth auto</c> measures when the training split has more rows than this.</summary>
    internal const int AutoAboveRows = 10_000;

    /// <summary>The smallest subsample fitted: below ~100 rows a fit is almost all fixed cost (and misses most classes), which
    /// says nothing about growth. 100 still gives a forced run on the sample data (≈ 400 training rows) two sizes.</summary>
    internal const int MinimumRows = 100;

    /// <summary>The subsample sizes for <paramref name="trainRows"/> training rows: the powers of ten from <see cref="MinimumRows"/>
    /// that are below it (100, 1,000, 10,000, …), then <paramref name="trainRows"/> itself.</summary>
    internal static int[] Sizes(int trainRows)
    {
        var sizes = new List<int>();
        for (long size = MinimumRows; size < trainRows; size *= 10) sizes.Add((int)size);
        if (trainRows > 0) sizes.Add(trainRows);
        return sizes.ToArray();
    }

    /// <summary>
    /// Nested subsamples: one seeded shuffle of the training rows, and each size takes its first rows, so every smaller subsample
    /// lies inside every larger one and a slope compares more data with the same data plus more, not different draws.
    /// </summary>
    internal static IReadOnlyList<CommandDataset> NestedSubsamples(CommandDataset train, IReadOnlyList<int> sizes, int seed)
    {
        int[] order = Enumerable.Range(0, train.Count).ToArray();
        new SeededRandom(seed).Shuffle(order.AsSpan());
        return sizes.Select(n => train.Select(order.AsSpan(0, n))).ToArray();
    }

    /// <summary>
    /// Fits every model at every size of <see cref="Sizes"/> whose subsample holds at least two classes, smallest first, one fit at a
    /// time, and records its seconds and peak memory.
    /// </summary>
    /// <param name="train">The training split.</param>
    /// <param name="models">Each model's name and its fit (which trains on the rows it is given and discards the result).</param>
    /// <param name="seed">Seeds the shuffle behind the subsamples.</param>
    /// <param name="progress">Where to say which fit runs, or null.</param>
    internal static CostGrowth Measure(CommandDataset train, IReadOnlyList<(string Name, Action<CommandDataset> Fit)> models, int seed, TextWriter? progress)
    {
        // A classifier needs two classes: a small subsample of very unbalanced rows may hold only one, and is skipped.
        CommandDataset[] subsamples = NestedSubsamples(train, Sizes(train.Count), seed)
            .Where(rows => rows.Records.Select(r => r.Label).Distinct(StringComparer.Ordinal).Skip(1).Any()).ToArray();
        var fits = new List<CostGrowthFit>();
        bool anySampled = false;
        foreach (var (name, fit) in models)
            foreach (CommandDataset rows in subsamples)
            {
                progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cost growth: {name} on {rows.Count:N0} rows"));
                var (seconds, peakMiB, sampled) = PeakMemory.Measure(() => fit(rows));
                fits.Add(new CostGrowthFit(name, rows.Count, seconds, peakMiB));
                anySampled |= sampled;
            }
        return new CostGrowth(fits, anySampled ? PeakMemory.SampledDescription : PeakMemory.KernelPeakDescription);
    }

    /// <summary>The models in the order measured.</summary>
    internal IReadOnlyList<string> Models => Fits.Select(f => f.Model).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The exponent of rows in <paramref name="model"/>'s fit time.</summary>
    internal double TimeSlope(string model) => Slope(Fits.Where(f => f.Model == model).Select(f => ((double)f.Rows, f.Seconds)));

    /// <summary>The exponent of rows in <paramref name="model"/>'s peak memory growth.</summary>
    internal double MemorySlope(string model) => Slope(Fits.Where(f => f.Model == model).Select(f => ((double)f.Rows, f.PeakMiB)));

    /// <summary>
    /// The least-squares slope b of log₁₀ y = a + b·log₁₀ x, i.e. the exponent in y ∝ xᵇ (1 = linear, 2 = quadratic):
    ///   b = Σ (uᵢ − ū)(vᵢ − v̄) / Σ (uᵢ − ū)²,   uᵢ = log₁₀ xᵢ,  vᵢ = log₁₀ yᵢ.
    /// Points with x ≤ 0 or y ≤ 0 (a fit too small to measure) have no logarithm and are left out; NaN when fewer than two
    /// distinct x remain. The same fit as benchmarks/scaling.py's <c>slope</c>.
    /// </summary>
    internal static double Slope(IEnumerable<(double X, double Y)> points)
    {
        var logs = points.Where(p => p.X > 0 && p.Y > 0 && double.IsFinite(p.X) && double.IsFinite(p.Y))
            .Select(p => (U: Math.Log10(p.X), V: Math.Log10(p.Y))).ToArray();
        if (logs.Length < 2) return double.NaN;
        double uMean = logs.Average(p => p.U), vMean = logs.Average(p => p.V);
        double suu = logs.Sum(p => (p.U - uMean) * (p.U - uMean));
        return suu > 0 ? logs.Sum(p => (p.U - uMean) * (p.V - vMean)) / suu : double.NaN;
    }
}

/// <summary>
/// Peak memory of one piece of work inside a running process: how far the resident set (RAM the process holds: managed heap,
/// garbage not yet collected, native buffers, code) rose above its level just before the work.
/// <list type="bullet">
/// <item>Before the work a blocking, compacting, aggressive full GC returns what earlier work left behind, so the starting level is
/// what the process really still uses; memory the runtime keeps committed anyway and the work reuses is not counted, so the
/// figure is a lower bound on what the work needs on its own.</item>
/// <item>On Linux the kernel tracks the peak exactly: writing 5 to <c>/proc/self/clear_refs</c> resets VmHWM (the high-water mark
/// of the resident set) to the current VmRSS, and VmHWM after the work is its peak, however brief — no sampling.</item>
/// <item>Without that (no <c>/proc</c>, or clear_refs not writable) a thread samples <see cref="Environment.WorkingSet"/> every
/// <see cref="SampleMilliseconds"/> ms during the work; a spike shorter than that can be missed.</item>
/// </list>
/// The resident set, not the GC's own counters, because the GC reports no peak over an interval and counts only the managed heap,
/// while the question this answers is "how much RAM does a fit take"; it is also what benchmarks/scaling.py reports (VmHWM).
/// </summary>
internal static class PeakMemory
{
    internal const int SampleMilliseconds = 5;

    private const string Status = "/proc/self/status", ClearRefs = "/proc/self/clear_refs";

    /// <summary>What the figure is when the kernel's peak was used, for the report.</summary>
    internal const string KernelPeakDescription =
        "Peak memory is how far the resident set rose above its level before the fit, after a full compacting GC: Linux's VmHWM, reset through /proc/self/clear_refs before each fit.";

    /// <summary>What the figure is when it was sampled, for the report.</summary>
    internal static readonly string SampledDescription = string.Create(CultureInfo.InvariantCulture,
        $"Peak memory is how far the working set rose above its level before the fit, after a full compacting GC, sampled every {SampleMilliseconds} ms (this system has no resettable VmHWM, so a shorter spike can be missed).");

    /// <summary>Runs <paramref name="work"/>; returns its wall-clock seconds, its peak memory growth in MiB (≥ 0), and whether that was sampled.</summary>
    internal static (double Seconds, double PeakMiB, bool Sampled) Measure(Action work)
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);   // Aggressive: decommit what is free
        GC.WaitForPendingFinalizers();
        if (TryResetKernelPeak())
        {
            var (seconds, peakMiB) = MeasureWithKernelPeak(work);
            return (seconds, peakMiB, false);
        }
        var (sampledSeconds, sampledMiB) = MeasureBySampling(work);
        return (sampledSeconds, sampledMiB, true);
    }

    private static (double, double) MeasureWithKernelPeak(Action work)
    {
        long before = StatusKiB("VmRSS:");
        var clock = Stopwatch.StartNew();
        work();
        double seconds = clock.Elapsed.TotalSeconds;
        long peak = StatusKiB("VmHWM:");
        return (seconds, Math.Max(0, peak - before) / 1024.0);
    }

    private static (double, double) MeasureBySampling(Action work)
    {
        long before = Environment.WorkingSet, peak = before;
        using var stop = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            do peak = Math.Max(peak, Environment.WorkingSet);
            while (!stop.Wait(SampleMilliseconds));
        }) { IsBackground = true, Name = "peak-memory sampler" };
        sampler.Start();
        var clock = Stopwatch.StartNew();
        try { work(); }
        finally
        {
            stop.Set();
            sampler.Join();
        }
        double seconds = clock.Elapsed.TotalSeconds;
        peak = Math.Max(peak, Environment.WorkingSet);
        return (seconds, Math.Max(0, peak - before) / (1024.0 * 1024.0));
    }

    private static bool TryResetKernelPeak()
    {
        if (!File.Exists(Status) || !File.Exists(ClearRefs)) return false;
        try
        {
            File.WriteAllText(ClearRefs, "5");
            return StatusKiB("VmHWM:") > 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>The process's peak resident set so far (VmHWM), in MiB; NaN where there is no /proc (benchmarks/scaling.py's
    /// per-process figure: one fit per short-lived process).</summary>
    internal static double ProcessPeakMiB() => File.Exists(Status) && StatusKiB("VmHWM:") is > 0 and var kib ? kib / 1024.0 : double.NaN;

    /// <summary>A "Name:   1234 kB" line of /proc/self/status, in KiB (0 when missing).</summary>
    private static long StatusKiB(string name)
    {
        foreach (string line in File.ReadLines(Status))
            if (line.StartsWith(name, StringComparison.Ordinal))
                return long.Parse(line.AsSpan(name.Length).Trim().ToString().Split(' ')[0], CultureInfo.InvariantCulture);
        return 0;
    }
}
