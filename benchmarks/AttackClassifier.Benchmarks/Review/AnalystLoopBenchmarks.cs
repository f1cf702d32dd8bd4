using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Review;
using BenchmarkDotNet.Attributes;

namespace AttackClassifier.Benchmarks.Review;

/// <summary>
/// One round of the analyst loop on the public Atomic Red Team Linux file (838 rows after consolidation; fixed data, so
/// <c>ATTACK_BENCH_ROWS</c> does not apply), in the state the simulation reaches after 5 rounds: the 10 % seed set plus 100
/// labelled rows, and the next 20 chosen by margin.
/// <list type="bullet">
/// <item><see cref="ColdFit"/> (baseline): the library default pipeline fitted from scratch on all 204 labelled rows.</item>
/// <item><see cref="WarmStartRound"/>: the same rows as one <see cref="IncrementalTraining"/> round from the previous model (its
/// rows already featurised, as they are in a loop): 20 rows featurised, vocabulary grown, 15 L-BFGS iterations.</item>
/// <item><see cref="ReviewQueueMargin"/>: choosing the 20 rows from the pool (grouping, 500-odd predictions, ranking).</item>
/// <item><see cref="SimulatedAnalyst"/>: a whole simulation at small scale (one seed, two rounds of random sampling), so the
/// suite runs the simulation itself; the full study is the <c>analyst-curves</c> console mode (benchmarks/README.md).</item>
/// </list>
/// The ratio column of <see cref="WarmStartRound"/> is the warm start's share of a cold fit's time.
/// </summary>
[Config(typeof(FitMonitoringConfig))]
public class AnalystLoopBenchmarks
{
    private CommandDataset _data = null!, _labelled = null!, _next = null!;
    private string[] _pool = [];
    private TfidfLogisticRegressionClassifier _previous = null!;
    private IncrementalTraining _loop = null!;

    [GlobalSetup]   // seeded: every run and every job measures the same state
    public void Setup()
    {
        _data = CommandDataset.Load(AnalystCurves.DataPath).Consolidate();
        var options = new AnalystSimulationOptions();
        var (_, seed, pool) = AnalystSimulation.Split(_data.Count, options, seed: 1);
        _labelled = _data.Select([.. seed, .. pool[..100]]);
        int[] rest = pool[100..];
        _previous = TfidfLogisticRegressionClassifier.Train(_labelled, options.Model);
        _pool = rest.Select(i => _data.Records[i].CommandLine).ToArray();
        var queue = ReviewQueue.Select(_previous, _pool, new ReviewQueueOptions { Budget = options.LabelsPerRound, Strategy = SelectionStrategy.Margin });
        _next = _data.Select(queue.Select(q => rest[q.FirstIndex]).ToArray());
    }

    // A round mutates the loop: each measured run starts from the same featurised state.
    [IterationSetup(Target = nameof(WarmStartRound))]
    public void NewLoop() => _loop = new IncrementalTraining(_previous, _labelled, new WarmStartOptions());

    [Benchmark(Baseline = true)]
    public TfidfLogisticRegressionClassifier ColdFit()
        => TfidfLogisticRegressionClassifier.Train(new CommandDataset([.. _labelled.Records, .. _next.Records]), new AnalystSimulationOptions().Model);

    [Benchmark]
    public TfidfLogisticRegressionClassifier WarmStartRound() => _loop.Add(_next);

    [Benchmark]
    public IReadOnlyList<ReviewItem> ReviewQueueMargin()
        => ReviewQueue.Select(_previous, _pool, new ReviewQueueOptions { Budget = 20, Strategy = SelectionStrategy.Margin });

    [Benchmark]
    public object SimulatedAnalyst()   // the rounds (AnalystRound is internal)
        => AnalystSimulation.Run(_data, SelectionStrategy.Random, new AnalystSimulationOptions { Rounds = 2 }, seed: 1);
}
