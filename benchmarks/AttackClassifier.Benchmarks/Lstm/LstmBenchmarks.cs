using AttackClassifier.Data;
using AttackClassifier.Kernels;
using AttackClassifier.Models.Lstm;
using AttackClassifier.Randomness;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AttackClassifier.Benchmarks.Lstm;

/// <summary>The study's model sizes and seeded synthetic token data.</summary>
internal static class LstmBenchData
{
    public const int V = 5000, E = 100, H = 64, K = 37, T = 20, B = 32;
    public static readonly LstmLayout Layout = new(V, E, H, K);

    /// <summary>FLOPs of the gate products in one forward+backward over <paramref name="rows"/> rows:
    /// forward x wxᵀ (2·B·T·E·4H) and hPrev whᵀ (2·B·(T−1)·H·4H); backward dwx, dx (same as x wxᵀ each) and dwh, dhPrev (same as hPrev whᵀ each).</summary>
    public static double GateFlops(int rows) => 3.0 * 2 * rows * 4 * H * ((double)T * E + (T - 1) * H);

    /// <summary>Post-padded rows of 3..T tokens drawn uniformly from [1, V), with labels and weights 1..5.</summary>
    public static TokenSequences Corpus(int rows, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var ids = new int[rows * T];
        var y = new int[rows];
        var w = new float[rows];
        for (int n = 0; n < rows; n++)
        {
            int length = 3 + rng.NextInt(T - 2);
            for (int t = 0; t < length; t++) ids[n * T + t] = 1 + rng.NextInt(V - 1);
            y[n] = rng.NextInt(K);
            w[n] = 1 + rng.NextInt(5);
        }
        return new TokenSequences(ids, T, y, w);
    }
}

/// <summary>
/// A numeric column computed from each benchmark case's mean time (ns): the IColumn boilerplate once, for the suites that add
/// one (<see cref="GateGflopsColumn"/>, <see cref="MicrosecondsPerRowColumn"/>).
/// </summary>
internal abstract class MeanDerivedColumn(string name, string legend) : IColumn
{
    public string Id => GetType().Name;
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => legend;
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { } statistics && Value(benchmarkCase, statistics.Mean) is { } value ? value : "-";

    /// <summary>The cell for <paramref name="benchmarkCase"/> of mean time <paramref name="meanNanoseconds"/>, or null for "-".</summary>
    protected abstract string? Value(BenchmarkCase benchmarkCase, double meanNanoseconds);
}

/// <summary>Adds "Gate GFLOP/s": gate-product FLOPs of the benchmark (from <see cref="FlopsAttribute"/>) over its mean time.</summary>
internal sealed class GateGflopsColumn() : MeanDerivedColumn("Gate GFLOP/s", "Gate-product FLOPs (formula in LstmBenchData.GateFlops) divided by the mean time")
{
    protected override string? Value(BenchmarkCase benchmarkCase, double meanNanoseconds) =>
        benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttributes(typeof(FlopsAttribute), false).Cast<FlopsAttribute>().FirstOrDefault() is { } flops
            ? (flops.Flops / meanNanoseconds).ToString("F1")   // FLOP per ns = GFLOP/s
            : null;
}

/// <summary>Gate-product FLOPs performed by one invocation of the benchmark method.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FlopsAttribute(double flops) : Attribute
{
    public double Flops { get; } = flops;
}

internal sealed class GateGflopsConfig : ManualConfig
{
    public GateGflopsConfig() => AddColumn(new GateGflopsColumn());
}

/// <summary>Two measured epochs without warm-up (unless the command line names a job), with the GFLOP/s column.</summary>
internal sealed class LstmEpochConfig : MonitoringConfig
{
    public LstmEpochConfig() : base(warmups: 0, iterations: 2) => AddColumn(new GateGflopsColumn());
}

/// <summary>One training step's forward + backward (batch 32, T 20, V 5000, E 100, H 64, K 37), dropout on.</summary>
[MemoryDiagnoser]
[Config(typeof(GateGflopsConfig))]
public class LstmTrainingStepBenchmarks
{
    private const double StepFlops = 3.0 * 2 * 32 * 4 * 64 * (20.0 * 100 + 19 * 64);   // LstmBenchData.GateFlops(32)
    private float[] _theta = [], _gradient = [], _keep = [];
    private TokenSequences _batch = null!;
    private LstmBatchEngine<float> _tiled = null!, _tiledOneCore = null!, _naive = null!;
    private KerasAdam _adam = null!;

    [GlobalSetup]
    public void Setup()
    {
        var L = LstmBenchData.Layout;
        _theta = new float[L.Count];
        _gradient = new float[L.Count];
        var rng = new SeededRandom(42);
        LstmInitializer.Initialize(L, rng, _theta);
        _batch = LstmBenchData.Corpus(LstmBenchData.B, seed: 43);
        _keep = Enumerable.Range(0, LstmBenchData.B * L.H).Select(_ => rng.NextDouble() < 0.5 ? 0f : 2f).ToArray();
        _tiled = new LstmBatchEngine<float>(L, LstmBenchData.T, LstmBenchData.B, LstmTrainer.RowsPerChunk, masked: false);
        _tiledOneCore = new LstmBatchEngine<float>(L, LstmBenchData.T, LstmBenchData.B, LstmTrainer.RowsPerChunk, masked: false) { MaxDegreeOfParallelism = 1 };
        _naive = new LstmBatchEngine<float>(L, LstmBenchData.T, LstmBenchData.B, LstmTrainer.RowsPerChunk, masked: false) { MaxDegreeOfParallelism = 1, NaiveProducts = true };
        _adam = new KerasAdam(L.Count, 1e-3, 0.9, 0.999, 1e-7);
        Console.WriteLine($"// gate-product FLOPs per step: {LstmBenchData.GateFlops(LstmBenchData.B):E3}");
    }

    private double Step(LstmBatchEngine<float> engine) =>
        engine.LossAndGradient(_theta, _batch.TokenIdMemory, _batch.LabelMemory, _batch.SampleWeightMemory, _keep, LstmBenchData.B, _gradient);

    [Benchmark(Baseline = true), Flops(StepFlops)] public double NaiveTripleLoopOneCore() => Step(_naive);
    [Benchmark, Flops(StepFlops)] public double TiledOneCore() => Step(_tiledOneCore);
    [Benchmark, Flops(StepFlops)] public double TiledAllCores() => Step(_tiled);

    /// <summary>Keras Adam over all of θ (not part of the gate products).</summary>
    [Benchmark] public int AdamUpdate() { _adam.Update(_theta, _gradient); return _adam.Step; }
}

/// <summary>
/// The largest gate product of a 16-row chunk, the input projection x wxᵀ: (T·16, E) · (E, 4H) = (320, 100) · (100, 256),
/// with the triple loop as baseline, the Vector256 kernel, and what <see cref="LstmKernels.MultiplyAccumulate{T}"/> dispatches to
/// (the Vector512 kernel where AVX-512 is accelerated, otherwise the Vector256 one again).
/// </summary>
[Config(typeof(GateGflopsConfig))]
public class LstmProductBenchmarks
{
    private const int M = 320, N = 256, Depth = 100;
    private const double ProductFlops = 2.0 * M * N * Depth;
    private float[] _a = [], _b = [], _c = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new SeededRandom(11);
        _a = Enumerable.Range(0, M * Depth).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        _b = Enumerable.Range(0, Depth * N).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        _c = new float[M * N];
    }

    [Benchmark(Baseline = true), Flops(ProductFlops)]
    public float NaiveTripleLoop() { LstmKernels.MultiplyAccumulateNaive<float>(M, N, Depth, _a, Depth, 1, _b, N, _c, N); return _c[0]; }

    [Benchmark, Flops(ProductFlops)]
    public float Vector256Tiles() { LstmKernels.MultiplyAccumulateVector256(M, N, Depth, _a, Depth, 1, _b, N, _c, N); return _c[0]; }

    [Benchmark, Flops(ProductFlops)]
    public float Dispatched() { LstmKernels.MultiplyAccumulate<float>(M, N, Depth, _a, Depth, 1, _b, N, _c, N); return _c[0]; }
}

/// <summary>One training epoch over 100,000 synthetic rows (the study's sizes), all cores, no validation.</summary>
[Config(typeof(LstmEpochConfig))]
public class LstmEpochBenchmarks
{
    private const int Rows = 100_000;
    private const double EpochFlops = 3.0 * 2 * Rows * 4 * 64 * (20.0 * 100 + 19 * 64);   // LstmBenchData.GateFlops(Rows)
    private TokenSequences _corpus = null!;

    [GlobalSetup]
    public void Setup() => _corpus = LstmBenchData.Corpus(Rows, seed: 7);

    [Benchmark, Flops(EpochFlops)]
    public LstmModel OneEpoch() =>
        new LstmTrainer(new LstmOptions { MaxEpochs = 1, Seed = 1 }).Fit(_corpus, LstmBenchData.V, LstmBenchData.K);
}

/// <summary>Class probabilities of one 20-token command line.</summary>
public class LstmPredictionBenchmarks
{
    private LstmModel _model = null!;
    private int[] _tokens = [];
    private readonly float[] _probabilities = new float[LstmBenchData.K];

    [GlobalSetup]
    public void Setup()
    {
        var L = LstmBenchData.Layout;
        var theta = new float[L.Count];
        LstmInitializer.Initialize(L, new SeededRandom(5), theta);
        _model = LstmModel.Create(L, theta, masksPadding: false, [], 0);
        _tokens = LstmBenchData.Corpus(1, seed: 9).TokenIds.ToArray();
    }

    [Benchmark]
    public float PredictOneCommand()
    {
        _model.PredictProbabilities(_tokens, _probabilities);
        return _probabilities[0];
    }
}
