using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Kernels;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Optimization;
using AttackClassifier.Tests.Data;
using AttackClassifier.Tests.Testing;

namespace AttackClassifier.Tests.Classification;

/// <summary>Long LR training is observable and cancellable at every level: L-BFGS, the trainer, the pipeline, the grid search.</summary>
public class ProgressAndCancellationTests
{
    // Runs the handler on the reporting thread (Progress<T> would post to the thread pool).
    private sealed class Recorder<T>(Action<T>? then = null) : IProgress<T>
    {
        public List<T> Values { get; } = [];

        public void Report(T value)
        {
            Values.Add(value);
            then?.Invoke(value);
        }
    }

    private static (CsrMatrix X, int[] Y, double[] S) Problem()
    {
        var rng = new Random(21);
        return (TinyProblems.SparseRows(rng, n: 60, d: 12), TinyProblems.Labels(rng, 60, 4), TinyProblems.Weights(rng, 60));
    }

    private static readonly LogisticRegressionOptions Long = new() { GradientTolerance = 0, RelativeDecreaseTolerance = 0, MaxIterations = 200 };

    [Fact]
    public void Trainer_reports_every_iteration_in_order_ending_at_the_diagnostics()
    {
        var (x, y, s) = Problem();
        var progress = new Recorder<LogisticRegressionProgress>();
        LogisticRegressionModel model = new LogisticRegressionTrainer(Long).Fit(x, y, 4, s, progress: progress);
        LogisticRegressionDiagnostics d = model.Diagnostics!;
        Assert.Equal(Enumerable.Range(1, d.Iterations), progress.Values.Select(p => p.Iteration));
        Assert.All(progress.Values, p => Assert.Equal(200, p.MaxIterations));
        Assert.Equal(d.Objective, progress.Values[^1].Objective, 9);                 // the same scale as the diagnostics
        Assert.Equal(d.GradientMaxNorm, progress.Values[^1].GradientMaxNorm, 12);
        for (int i = 1; i < progress.Values.Count; i++) Assert.True(progress.Values[i].Objective <= progress.Values[i - 1].Objective);
    }

    [Fact]
    public void Cancelling_during_a_fit_throws_at_the_next_iteration()
    {
        var (x, y, s) = Problem();
        using var cancel = new CancellationTokenSource();
        var progress = new Recorder<LogisticRegressionProgress>(p => { if (p.Iteration == 3) cancel.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => new LogisticRegressionTrainer(Long).Fit(x, y, 4, s, progress: progress, cancellationToken: cancel.Token));
        Assert.Equal([1, 2, 3], progress.Values.Select(p => p.Iteration));           // nothing ran after the cancellation

        var f = new SoftmaxCrossEntropyLoss(x, y, 4, s, 1.0, true);
        var lbfgsSteps = new List<int>();
        Assert.ThrowsAny<OperationCanceledException>(() => new Lbfgs().Minimize(f, new double[f.Dimension], p => lbfgsSteps.Add(p.Iteration), cancel.Token));
        Assert.Empty(lbfgsSteps);                                                    // already cancelled: not one step
    }

    [Fact]
    public void The_pipeline_and_the_grid_search_report_and_cancel()
    {
        CommandDataset data = CommandDataset.Load(SampleDataTests.SamplePath).Consolidate()
            .GroupRareClasses(new RareClassOptions(MinRows: 6));
        var study = TfidfLogisticRegressionOptions.Study with { Classifier = new() { MaxIterations = 15 } };

        var iterations = new Recorder<LogisticRegressionProgress>();
        TfidfLogisticRegressionClassifier.Train(data, study, iterations);
        Assert.Equal(Enumerable.Range(1, iterations.Values.Count), iterations.Values.Select(p => p.Iteration));
        Assert.InRange(iterations.Values.Count, 1, 15);
        Assert.ThrowsAny<OperationCanceledException>(() => TfidfLogisticRegressionClassifier.Train(data, study, cancellationToken: new CancellationToken(canceled: true)));

        (string, TfidfLogisticRegressionOptions)[] candidates = [("C=1", study with { Classifier = study.Classifier with { InverseRegularization = 1 } }), ("C=10", study)];
        var folds = new Recorder<GridSearchProgress>();
        GridSearch.Run(data, candidates, folds: 2, progress: folds);
        Assert.Equal([(1, 1), (1, 2), (2, 1), (2, 2)], folds.Values.Select(p => (p.Candidate, p.Fold)));
        Assert.All(folds.Values, p => Assert.InRange(p.FoldScore, 0, 1));

        using var cancel = new CancellationTokenSource();
        var once = new Recorder<GridSearchProgress>(_ => cancel.Cancel());
        Assert.ThrowsAny<OperationCanceledException>(() => GridSearch.Run(data, candidates, folds: 2, progress: once, cancellationToken: cancel.Token));
        Assert.Single(once.Values);
    }
}
