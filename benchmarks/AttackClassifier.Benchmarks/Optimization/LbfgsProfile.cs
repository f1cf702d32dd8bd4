using System.Diagnostics;
using System.Globalization;
using AttackClassifier.Benchmarks.Corpus;
using AttackClassifier.Data;
using AttackClassifier.Kernels;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Optimization;
using AttackClassifier.Text;

namespace AttackClassifier.Benchmarks.Optimization;

/// <summary>
/// Where an L-BFGS iteration of the LR fit goes: the corpus fit of <see cref="Training.CorpusFitBenchmarks"/> (synthetic rows,
/// TF-IDF with 5,000 features, C = 10, the trainer's default stopping rules), with the objective wrapped so that the time
/// inside f(θ), ∇f(θ) is summed apart from the rest (the optimizer's vector work: two-loop recursion, line-search trial points,
/// curvature pairs). Wall-clock per part (the loss runs on every core, the optimizer on one), plus the process's CPU time.
/// </summary>
internal static class LbfgsProfile
{
    /// <param name="rows">Synthetic corpus size.</param>
    /// <param name="naive">Use the reference optimizer.</param>
    /// <param name="target">When given, an objective f (unscaled, C Σ sₙ CEₙ + ½‖w‖², as <c>CorpusFitBenchmarks</c> prints it): the
    /// line also says at which evaluation and after how much wall time the fit first reached f ≤ target — the time to the
    /// optimum another solver stops at (ML.NET stops earlier and higher than scikit-learn's rule), so the times compare like work.</param>
    public static string Run(int rows, bool naive, double? target = null)
    {
        CommandDataset data = SyntheticCorpus.Generate(rows, seed: 42);
        string[] commands = data.CommandLines();
        CsrMatrix x = TfidfVectorizer.Fit(commands, new TfidfOptions { MaxFeatures = 5000 }).Transform(commands);
        LabelSet labels = data.Labels();
        int[] y = labels.Encode(data.Records.Select(r => r.Label));
        const double c = 10;
        var loss = new SoftmaxCrossEntropyLoss(x, y, labels.Count, data.Weights(), c, fitIntercept: true);
        var timed = new TimedFunction(new ScaledFunction(loss, 1 / c), target / c);
        var theta = new double[loss.Dimension];
        var options = new LogisticRegressionOptions { InverseRegularization = c }.ToLbfgsOptions();
        TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        LbfgsResult result = naive ? new NaiveLbfgs(options).Minimize(timed, theta) : new Lbfgs(options).Minimize(timed, theta);
        double total = clock.Elapsed.TotalMilliseconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
        double inLoss = timed.Elapsed.TotalMilliseconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"{(naive ? "naive" : "tuned")}: N = {x.RowCount}, n = D·K + K = {loss.Dimension}, {result.Iterations} iterations, {result.Evaluations} evaluations, f = {result.Objective:R}; " +
            $"wall {total:F0} ms = loss+gradient {inLoss:F0} ms ({inLoss / result.Evaluations:F2} ms/evaluation) + optimizer {total - inLoss:F0} ms " +
            $"({(total - inLoss) / result.Iterations:F2} ms/iteration, {100 * (total - inLoss) / total:F1} %); process CPU {cpu:F0} ms") +
            (target is null ? "" : timed.ReachedAt is { } at
                ? string.Create(CultureInfo.InvariantCulture, $"; f ≤ {target:R} first at evaluation {at.Evaluation} after {at.Wall.TotalMilliseconds:F0} ms ({at.Wall.TotalMilliseconds / total:F3} of the fit)")
                : string.Create(CultureInfo.InvariantCulture, $"; f never reached {target:R}"));
    }

    private sealed class TimedFunction(IDifferentiableFunction inner, double? target) : IDifferentiableFunction
    {
        private readonly Stopwatch _clock = new();
        private readonly Stopwatch _sinceStart = Stopwatch.StartNew();
        private int _evaluations;
        public TimeSpan Elapsed => _clock.Elapsed;
        public int Dimension => inner.Dimension;

        /// <summary>The first evaluation with f ≤ target (scaled units) and the wall time from construction to its end.</summary>
        public (int Evaluation, TimeSpan Wall)? ReachedAt { get; private set; }

        public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            _clock.Start();
            double f = inner.Evaluate(theta, gradient);
            _clock.Stop();
            _evaluations++;
            if (ReachedAt is null && f <= target) ReachedAt = (_evaluations, _sinceStart.Elapsed);
            return f;
        }
    }
}
