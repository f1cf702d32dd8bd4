using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Review;

namespace AttackClassifier.Tests.Review;

public class AnalystSimulationTests
{
    // 60 rows, 3 classes, each command distinct even after near-duplicate collapse (words differ in letters, not digits).
    private static readonly CommandDataset Data = new(Enumerable.Range(0, 60).Select(i =>
    {
        string word = $"{(char)('a' + i % 26)}{(char)('a' + i / 26)}x";
        return (i % 3) switch
        {
            0 => new CommandRecord($"cat /etc/shadow {word}", "T1003: OS Credential Dumping", 1),
            1 => new CommandRecord($"uname -a {word}", "T1082: System Information Discovery", 1),
            _ => new CommandRecord($"wget http://host/{word}", "T1105: Ingress Tool Transfer", 1),
        };
    }));

    private static readonly AnalystSimulationOptions Tiny = new()
    {
        SeedFraction = 0.2, HeldOutFraction = 0.25, LabelsPerRound = 5, Rounds = 3,
        Model = TfidfLogisticRegressionOptions.Study,
    };

    [Theory]
    [InlineData(SelectionStrategy.Margin)]
    [InlineData(SelectionStrategy.Random)]
    public void The_pool_shrinks_by_each_rounds_labels_and_only_chosen_rows_are_revealed(SelectionStrategy strategy)
    {
        var (heldOut, seed, pool) = AnalystSimulation.Split(Data.Count, Tiny, seed: 3);
        Assert.Equal(Enumerable.Range(0, Data.Count), heldOut.Concat(seed).Concat(pool).Order());   // a partition
        Assert.Equal((15, 12, 33), (heldOut.Length, seed.Length, pool.Length));

        var revealed = new List<int>();
        IReadOnlyList<AnalystRound> rounds = AnalystSimulation.Run(Data, strategy, Tiny, seed: 3, revealed.Add);
        Assert.Equal([0, 1, 2, 3], rounds.Select(r => r.Round));
        Assert.Equal([0, 5, 10, 15], rounds.Select(r => r.LabelsGiven));
        Assert.Equal([33, 28, 23, 18], rounds.Select(r => r.PoolLeft));
        Assert.Equal(15, revealed.Count);
        Assert.Equal(revealed.Count, revealed.Distinct().Count());                     // each row labelled once
        Assert.All(revealed, row => Assert.Contains(row, pool));                      // never a held-out or seed row
        Assert.All(rounds, r => Assert.InRange(r.MacroF1, 0.0, 1.0));
        Assert.All(rounds, r => Assert.True(double.IsNaN(r.ColdMacroF1)));           // no cold fits unless asked
    }

    [Fact]
    public void The_same_seed_gives_the_same_run_and_another_seed_another()
    {
        var first = new List<int>();
        var second = new List<int>();
        var other = new List<int>();
        var a = AnalystSimulation.Run(Data, SelectionStrategy.Random, Tiny, seed: 5, first.Add);
        var b = AnalystSimulation.Run(Data, SelectionStrategy.Random, Tiny, seed: 5, second.Add);
        AnalystSimulation.Run(Data, SelectionStrategy.Random, Tiny, seed: 6, other.Add);
        Assert.Equal(first, second);
        Assert.Equal(a.Select(r => (r.LabelsGiven, r.PoolLeft, r.MacroF1, r.Iterations)), b.Select(r => (r.LabelsGiven, r.PoolLeft, r.MacroF1, r.Iterations)));
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Cold_fits_beside_the_warm_start_score_the_same_labelled_rows()
    {
        var rounds = AnalystSimulation.Run(Data, SelectionStrategy.LeastConfident, Tiny with { CompareColdFit = true, Rounds = 2 }, seed: 1);
        Assert.All(rounds.Skip(1), r =>
        {
            Assert.InRange(r.ColdMacroF1, 0.0, 1.0);
            Assert.True(r.ColdIterations > 0);
        });
    }
}
