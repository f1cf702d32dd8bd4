using System.Diagnostics;
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Randomness;

namespace AttackClassifier.Review;

/// <summary>Settings of <see cref="AnalystSimulation"/>.</summary>
internal sealed record AnalystSimulationOptions
{
    /// <summary>Share of the rows labelled before the first round (the seed set). Default 0.10.</summary>
    public double SeedFraction { get; init; } = 0.10;

    /// <summary>Share of the rows kept out of reach as the held-out test set. Default 0.25.</summary>
    public double HeldOutFraction { get; init; } = 0.25;

    /// <summary>Labels the analyst gives per round (the queue's budget). Default 20.</summary>
    public int LabelsPerRound { get; init; } = 20;

    /// <summary>Rounds to run (fewer when the pool runs dry). Default 12.</summary>
    public int Rounds { get; init; } = 12;

    /// <summary>The queue's diversity setting. Default false.</summary>
    public bool Diversity { get; init; }

    /// <summary>The cold fit (seed model, and the comparison fits). Default: the library default pipeline.</summary>
    public TfidfLogisticRegressionOptions Model { get; init; } = TfidfLogisticRegressionOptions.Default;

    /// <summary>The per-round warm start. Default: <see cref="WarmStartOptions"/>'s defaults.</summary>
    public WarmStartOptions WarmStart { get; init; } = new();

    /// <summary>Also fit each round's labelled rows from scratch, timing it and scoring it beside the warm start. Default false.</summary>
    public bool CompareColdFit { get; init; }
}

/// <summary>One round of a simulated analyst: what was labelled so far and how good the retrained model is.</summary>
/// <param name="Round">0 for the seed model, then 1, 2, …</param>
/// <param name="LabelsGiven">Labels given in rounds so far (the seed set not counted).</param>
/// <param name="PoolLeft">Unlabelled rows still in the pool.</param>
/// <param name="MacroF1">Count-weighted macro F1 of the (warm-started) model on the held-out rows.</param>
/// <param name="FitSeconds">CPU time (all threads) of this round's fit (warm start; the cold seed fit in round 0).</param>
/// <param name="ColdMacroF1">With <see cref="AnalystSimulationOptions.CompareColdFit"/>: the cold fit's macro F1, else NaN.</param>
/// <param name="ColdFitSeconds">With <see cref="AnalystSimulationOptions.CompareColdFit"/>: the cold fit's CPU time, else NaN.</param>
/// <param name="Iterations">L-BFGS iterations of this round's (warm) fit.</param>
/// <param name="ColdIterations">L-BFGS iterations of the cold fit, or 0.</param>
internal sealed record AnalystRound(int Round, int LabelsGiven, int PoolLeft, double MacroF1, double FitSeconds, double ColdMacroF1, double ColdFitSeconds,
                                    int Iterations, int ColdIterations);

/// <summary>
/// A simulated analyst in the loop (pool-based active learning). From a labelled dataset, with a seed:
/// <list type="number">
/// <item>shuffle the rows (seeded); the first <see cref="AnalystSimulationOptions.HeldOutFraction"/> are the held-out test set,
/// the next <see cref="AnalystSimulationOptions.SeedFraction"/> (of all rows) the labelled seed set, the rest the pool, whose
/// labels are hidden: the strategy sees only the pool's command lines;</item>
/// <item>fit the seed model cold (<see cref="TfidfLogisticRegressionClassifier.Train"/>) and score it on the held-out rows;</item>
/// <item>each round: <see cref="ReviewQueue.Select(IAttackClassifier, IEnumerable{string}, ReviewQueueOptions)"/> picks
/// <see cref="AnalystSimulationOptions.LabelsPerRound"/> pool rows, the oracle reveals their labels (and only theirs), they leave
/// the pool, and the model is retrained as <see cref="WarmStart"/> does — from the last model on the new rows with every earlier
/// label replayed — in one <see cref="IncrementalTraining"/> loop (earlier rows stay featurised); then scored on the held-out rows.</item>
/// </list>
/// The same seed gives the same split for every strategy, so curves of one seed differ only by the strategy.
/// </summary>
internal static class AnalystSimulation
{
    /// <summary>The seeded split: held-out, seed and pool row indices into <paramref name="rowCount"/> rows.</summary>
    internal static (int[] HeldOut, int[] Seed, int[] Pool) Split(int rowCount, AnalystSimulationOptions options, int seed)
    {
        int[] order = Enumerable.Range(0, rowCount).ToArray();
        new SeededRandom(seed).Shuffle(order.AsSpan());
        int heldOut = (int)Math.Round(options.HeldOutFraction * rowCount);
        int labelled = (int)Math.Round(options.SeedFraction * rowCount);
        return (order[..heldOut], order[heldOut..(heldOut + labelled)], order[(heldOut + labelled)..]);
    }

    /// <summary>Runs one strategy for one seed on <paramref name="data"/> (consolidated rows).</summary>
    /// <param name="data">The labelled rows; the pool's labels are read only through the oracle.</param>
    /// <param name="strategy">The queue's ranking rule.</param>
    /// <param name="options">Settings.</param>
    /// <param name="seed">Seed of the split and of the queue (random order, k-means++).</param>
    /// <param name="reveal">Called with the row index each time the analyst labels a pool row (for tests: labels are revealed only when chosen).</param>
    internal static IReadOnlyList<AnalystRound> Run(CommandDataset data, SelectionStrategy strategy, AnalystSimulationOptions options, int seed, Action<int>? reveal = null)
    {
        var (heldOutRows, seedRows, poolRows) = Split(data.Count, options, seed);
        CommandDataset heldOut = data.Select(heldOutRows);
        var labelled = new List<CommandRecord>(seedRows.Select(i => data.Records[i]));
        var pool = new List<int>(poolRows);

        TfidfLogisticRegressionClassifier model = null!;
        double seconds = CpuSeconds(() => model = TfidfLogisticRegressionClassifier.Train(new CommandDataset(labelled), options.Model));
        // The loop keeps the labelled rows featurised: each round featurises only its new rows (see IncrementalTraining).
        var loop = new IncrementalTraining(model, new CommandDataset(labelled), options.WarmStart);
        var rounds = new List<AnalystRound>
        {
            new(0, 0, pool.Count, model.Evaluate(heldOut).MacroAverage.F1, seconds, double.NaN, double.NaN, model.Model.Diagnostics!.Iterations, 0),
        };
        int given = 0;
        for (int round = 1; round <= options.Rounds && pool.Count > 0; round++)
        {
            var queueOptions = new ReviewQueueOptions { Budget = options.LabelsPerRound, Strategy = strategy, Diversity = options.Diversity, Seed = seed * 1000 + round };
            IReadOnlyList<ReviewItem> queue = ReviewQueue.Select(model, pool.Select(i => data.Records[i].CommandLine), queueOptions);
            // The queue names pool positions (FirstIndex); remove from the end so earlier positions stay valid.
            int[] positions = queue.Select(q => q.FirstIndex).OrderDescending().ToArray();
            var added = new List<CommandRecord>(positions.Length);
            foreach (int position in positions)
            {
                int row = pool[position];
                reveal?.Invoke(row);
                added.Add(data.Records[row]);   // the oracle: the analyst's label is the dataset's
                pool.RemoveAt(position);
            }
            added.Reverse();
            given += added.Count;

            seconds = CpuSeconds(() => model = loop.Add(new CommandDataset(added)));
            labelled.AddRange(added);
            double coldF1 = double.NaN, coldSeconds = double.NaN;
            int coldIterations = 0;
            if (options.CompareColdFit)
            {
                TfidfLogisticRegressionClassifier cold = null!;
                coldSeconds = CpuSeconds(() => cold = TfidfLogisticRegressionClassifier.Train(new CommandDataset(labelled), options.Model));
                coldF1 = cold.Evaluate(heldOut).MacroAverage.F1;
                coldIterations = cold.Model.Diagnostics!.Iterations;
            }
            rounds.Add(new AnalystRound(round, given, pool.Count, model.Evaluate(heldOut).MacroAverage.F1, seconds, coldF1, coldSeconds,
                                        model.Model.Diagnostics!.Iterations, coldIterations));
        }
        return rounds;
    }

    // CPU time of the whole process (all threads) while `fit` runs: on a shared machine, wall time mostly measures the
    // neighbours; the fits use every core the same way, so their CPU times compare.
    private static double CpuSeconds(Action fit)
    {
        TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
        fit();
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
    }
}
