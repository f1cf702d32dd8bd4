using AttackClassifier.Sessions;

namespace AttackClassifier.Tests.Sessions;

/// <summary>Viterbi and forward–backward against brute-force enumeration of every path on small chains.</summary>
public class TransitionModelTests
{
    private static TransitionModel RandomModel(Random rng, int s)
    {
        double[] Row(int n)
        {
            double[] w = Enumerable.Range(0, n).Select(_ => rng.NextDouble() + 0.05).ToArray();
            double sum = w.Sum();
            return w.Select(v => Math.Log(v / sum)).ToArray();
        }
        return new TransitionModel(Row(s), Enumerable.Range(0, s).SelectMany(_ => Row(s)).ToArray());
    }

    private static IEnumerable<int[]> AllPaths(int t, int s)
    {
        var path = new int[t];
        long total = (long)Math.Pow(s, t);
        for (long code = 0; code < total; code++)
        {
            long c = code;
            for (int i = 0; i < t; i++) { path[i] = (int)(c % s); c /= s; }
            yield return (int[])path.Clone();
        }
    }

    private static double Score(TransitionModel m, double[] e, int[] path)
    {
        int s = m.StateCount;
        double score = m.LogStart[path[0]] + e[path[0]];
        for (int t = 1; t < path.Length; t++) score += m.LogTransition[path[t - 1] * s + path[t]] + e[t * s + path[t]];
        return score;
    }

    [Fact]
    public void Viterbi_finds_the_best_path_and_posteriors_are_the_brute_force_marginals()
    {
        var rng = new Random(2026);
        for (int trial = 0; trial < 60; trial++)
        {
            int s = 1 + trial % 4, t = 1 + trial % 5;
            TransitionModel m = RandomModel(rng, s);
            double[] e = Enumerable.Range(0, t * s).Select(_ => 4 * (rng.NextDouble() - 0.5)).ToArray();
            var path = new int[t];
            double best = m.Viterbi(e, path);
            double bruteBest = double.NegativeInfinity;
            var marginal = new double[t * s];
            var scores = new List<double>();
            foreach (int[] p in AllPaths(t, s))
            {
                double score = Score(m, e, p);
                bruteBest = Math.Max(bruteBest, score);
                scores.Add(score);
            }
            double logZ = TransitionModel.LogSumExp(scores.ToArray());
            foreach (int[] p in AllPaths(t, s))
            {
                double w = Math.Exp(Score(m, e, p) - logZ);
                for (int i = 0; i < t; i++) marginal[i * s + p[i]] += w;
            }
            Assert.Equal(bruteBest, best, 10);
            Assert.Equal(bruteBest, Score(m, e, path), 10);   // the returned path has the best score
            var posterior = new double[t * s];
            Assert.Equal(logZ, m.Posteriors(e, posterior), 10);
            for (int k = 0; k < posterior.Length; k++) Assert.Equal(marginal[k], posterior[k], 10);
            for (int i = 0; i < t; i++) Assert.Equal(1.0, posterior.AsSpan(i * s, s).ToArray().Sum(), 12);
        }
    }

    [Fact]
    public void Decoding_is_stable_for_emission_scores_far_from_zero()
    {
        TransitionModel m = RandomModel(new Random(3), 3);
        double[] e = [-900, -1000, -1100, -2000, -900, -1000];   // exp underflows to 0 without log-space sums
        var posterior = new double[6];
        double logZ = m.Posteriors(e, posterior);
        Assert.True(double.IsFinite(logZ));
        Assert.All(posterior, p => Assert.True(p is >= 0 and <= 1 + 1e-12));
        var path = new int[2];
        m.Viterbi(e, path);
        Assert.Equal([0, 1], path);
    }

    [Fact]
    public void Fit_is_add_alpha_smoothed_counting()
    {
        // Sequences 0 0 1 and 1 1: starts {0: 1, 1: 1}; transitions 0→0, 0→1, 1→1.
        TransitionModel m = TransitionModel.Fit([[0, 0, 1], [1, 1]], stateCount: 2, alpha: 0.5);
        Assert.Equal(Math.Log(1.5 / 3), m.LogStart[0], 12);
        Assert.Equal(Math.Log(1.5 / 3), m.LogTransition[0 * 2 + 0], 12);   // (1 + .5) / (2 + 1)
        Assert.Equal(Math.Log(0.5 / 2), m.LogTransition[1 * 2 + 0], 12);   // (0 + .5) / (1 + 1)
        Assert.Equal(Math.Log(1.5 / 2), m.LogTransition[1 * 2 + 1], 12);
    }

    [Fact]
    public void An_empty_sequence_decodes_to_nothing_and_bad_shapes_are_rejected()
    {
        TransitionModel m = RandomModel(new Random(4), 3);
        Assert.Equal(0, m.Viterbi([], []));
        Assert.Equal(0, m.Posteriors([], []));
        Assert.Throws<ArgumentException>(() => m.Viterbi(new double[5], new int[2]));
        Assert.Throws<ArgumentException>(() => new TransitionModel([0.0], [0.0, 0.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TransitionModel.Fit([], 2, 0));
    }
}
