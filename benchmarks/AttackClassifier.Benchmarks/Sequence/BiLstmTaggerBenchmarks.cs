using AttackClassifier.Models.Lstm;
using AttackClassifier.Models.Sequence;
using AttackClassifier.Randomness;
using BenchmarkDotNet.Attributes;

namespace AttackClassifier.Benchmarks.Sequence;

/// <summary>The session tagger's target sizes (F = H = 32, C = 14 tactics) and seeded synthetic sessions.</summary>
internal static class SessionBenchData
{
    public const int F = 32, H = 32, C = 14;
    public static readonly BiLstmTaggerLayout Layout = new(F, H, C);
    public static readonly string[] Tactics = Enumerable.Range(0, C).Select(k => $"TA{k:D4}").ToArray();

    /// <summary>Sessions of 1–99 statements (mean 50); each statement a probability vector over F (as the command model's
    /// class probabilities would be), each label drawn uniformly from C.</summary>
    public static TaggedSequences Sessions(int count, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var starts = new int[count + 1];
        for (int s = 0; s < count; s++) starts[s + 1] = starts[s] + 1 + rng.NextInt(99);
        var x = new float[starts[^1] * F];
        for (int r = 0; r < starts[^1]; r++)
        {
            Span<float> row = x.AsSpan(r * F, F);
            for (int f = 0; f < F; f++) row[f] = (float)rng.NextDouble();
            float sum = 0;
            foreach (float v in row) sum += v;
            for (int f = 0; f < F; f++) row[f] /= sum;
        }
        int[] y = Enumerable.Range(0, starts[^1]).Select(_ => rng.NextInt(C)).ToArray();
        return new TaggedSequences(F, x, starts, y, null, Tactics);
    }

    /// <summary>A tagger with its initial (untrained) weights: prediction cost does not depend on their values.</summary>
    public static BiLstmTagger Tagger(ulong seed) => new(Layout, BiLstmTagger.InitialParameters(Layout, new SeededRandom(seed)), Tactics, [], 0);
}

/// <summary>
/// Tagging one 50-statement session (goal ≤ 1 ms on one core). Baseline: the command LSTM of the same width
/// (E = H = 32, K = 14) classifying one 50-token sequence — one direction and one head, against the tagger's two
/// directions and a head at every step.
/// </summary>
[MemoryDiagnoser]
public class SessionTaggingBenchmarks
{
    private const int Statements = 50;
    private BiLstmTagger _tagger = null!;
    private float[] _session = [], _probabilities = [];
    private LstmModel _commandModel = null!;
    private int[] _tokens = [];
    private readonly float[] _commandProbabilities = new float[SessionBenchData.C];

    [GlobalSetup]   // seeded: every run and every job measures the same data
    public void Setup()
    {
        _tagger = SessionBenchData.Tagger(seed: 3);
        TaggedSequences data = SessionBenchData.Sessions(40, seed: 4);
        _session = data.Features.AsSpan(0, Statements * SessionBenchData.F).ToArray();
        _probabilities = new float[Statements * SessionBenchData.C];
        var L = new LstmLayout(V: 1000, E: SessionBenchData.F, H: SessionBenchData.H, K: SessionBenchData.C);
        var theta = new float[L.Count];
        LstmInitializer.Initialize(L, new SeededRandom(5), theta);
        _commandModel = LstmModel.Create(L, theta, masksPadding: false, [], 0);
        var rng = new SeededRandom(6);
        _tokens = Enumerable.Range(0, Statements).Select(_ => 1 + rng.NextInt(L.V - 1)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public float CommandLstmOneSequenceOf50Tokens()
    {
        _commandModel.PredictProbabilities(_tokens, _commandProbabilities);
        return _commandProbabilities[0];
    }

    [Benchmark]
    public float TagOneSessionOf50Statements()
    {
        _tagger.PredictProbabilities(_session, _probabilities);
        return _probabilities[0];
    }
}

/// <summary>
/// One training epoch over 1,000 sessions of mean length 50 (goal: 10,000 sessions ≤ 1 min per epoch on 2 cores, i.e.
/// ≤ 6 s here), Adam, batch 32, no validation; one core (baseline) against all cores (chunks of 8 sessions in parallel).
/// </summary>
[Config(typeof(SessionEpochConfig))]
public class SessionTaggerEpochBenchmarks
{
    private const int Sessions = 1_000;
    private TaggedSequences _data = null!;

    [GlobalSetup]
    public void Setup() => _data = SessionBenchData.Sessions(Sessions, seed: 7);

    // Returns a trained weight so the fit cannot be optimised away (the tagger type itself is internal).
    private float Epoch(int cores) =>
        BiLstmTagger.Fit(_data, null, new BiLstmTaggerOptions { HiddenSize = SessionBenchData.H, MaxEpochs = 1, Seed = 1, MaxDegreeOfParallelism = cores }).Parameters[0];

    [Benchmark(Baseline = true)] public float OneEpochOneCore() => Epoch(1);
    [Benchmark] public float OneEpochAllCores() => Epoch(-1);
}

/// <summary>One warm-up and three measured epochs (unless the command line names a job).</summary>
internal sealed class SessionEpochConfig : MonitoringConfig
{
    public SessionEpochConfig() : base(warmups: 1, iterations: 3) { }
}
