using System.Diagnostics;
using System.Globalization;
using AttackClassifier.Benchmarks.TrainingCost;
using AttackClassifier.Data;
using AttackClassifier.Models.Lstm;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AttackClassifier.Benchmarks.Lstm;

/// <summary>
/// Issue 14's reference point: one training epoch of the study's model — Embedding(V, E) → LSTM(H) → Dropout(0.5) →
/// Dense(K, softmax), Adam, batch 32, sample-weighted loss — by <see cref="LstmTrainer"/> (baseline) and by libtorch 2.10
/// through TorchSharp on every core (and on one, <c>TorchSharpOneThread</c>), on the same N rows of <see cref="LstmBenchData.Corpus"/> (V 5000, E 100, H 64, K 37, T 20).
/// Each invocation is a whole one-epoch fit from scratch on both sides: initialise θ, create Adam's state, shuffle, train.
/// Two jobs in one run (<see cref="TorchSharpEpochConfig"/>): "Warm" (warm-ups, then measured epochs in one process) and
/// "FirstEpoch" (several processes, each measuring its very first epoch: JIT on our side, libtorch's first-call costs on its).
/// Rows: <c>ATTACK_BENCH_ROWS</c> if set (CI's dry run uses 1000), else 10,000; the "µs/row" column is mean time / Rows.
/// Each epoch prints its mean training loss (the two sides should agree to about 1e-3 on the first epoch) and the cores it kept busy.
/// </summary>
[Config(typeof(TorchSharpEpochConfig))]
public class TorchSharpLstmBenchmarks
{
    private const int V = LstmBenchData.V, E = LstmBenchData.E, H = LstmBenchData.H, K = LstmBenchData.K, T = LstmBenchData.T, B = LstmBenchData.B;
    private const double DropoutRate = 0.5;
    private const int Seed = 1;

    /// <summary>Training rows per epoch (N).</summary>
    [ParamsSource(nameof(RowCounts))]
    public int Rows { get; set; }

    /// <summary><c>ATTACK_BENCH_ROWS</c> if set, else 10,000 rows (≈ 0.4 s for ours on an idle machine, long enough for the Monitoring strategy).</summary>
    public static IEnumerable<int> RowCounts() => TrainingCostBenchmarks.ConfiguredRows([10_000]);

    private TokenSequences _corpus = null!;
    private Tensor _ids = null!, _labels = null!, _weights = null!;   // (N, T) int64, (N) int64, (N) float32: the same rows for libtorch

    /// <summary>Ours' process never loads libtorch: its setup is the corpus alone.</summary>
    [GlobalSetup(Target = nameof(Ours))]
    public void SetupOurs() => _corpus = LstmBenchData.Corpus(Rows, seed: 7);

    [GlobalSetup(Target = nameof(TorchSharp))]
    public void SetupTorchSharp() => SetupLibTorch(Environment.ProcessorCount);

    [GlobalSetup(Target = nameof(TorchSharpOneThread))]
    public void SetupTorchSharpOneThread() => SetupLibTorch(1);

    private void SetupLibTorch(int threads)
    {
        _corpus = LstmBenchData.Corpus(Rows, seed: 7);
        Console.WriteLine($"// {LibTorchSharpLoader.PrepareBuildOutput()}");
        // Loading libtorch (several hundred MB of shared libraries) and copying the rows into tensors happen here, outside the
        // measured epoch, as a Python process has imported torch and loaded its data before its first epoch; the clock below
        // shows what that costs.
        var clock = Stopwatch.StartNew();
        // TorchSharp: both sides on every core, libtorch's intra-op pool (OpenMP) with ProcessorCount threads. Ours runs a
        // batch of 32 as two fixed 16-row chunks on the thread pool (LstmTrainer.RowsPerChunk: at most 2 threads for forward
        // and backward, however many cores) and Adam in one slice per core (θ ≈ 545k floats, at least 64k per slice).
        // TorchSharpOneThread: libtorch on one thread, to show how much its threading gains (or loses on a busy machine,
        // where OpenMP's barriers wait for a descheduled thread after each small operation).
        torch.set_num_threads(threads);
        _ids = torch.tensor(_corpus.TokenIds.ToArray().Select(id => (long)id).ToArray(), [Rows, T]);
        _labels = torch.tensor(_corpus.Labels.ToArray().Select(y => (long)y).ToArray(), [Rows]);
        _weights = torch.tensor(_corpus.SampleWeights.ToArray(), [Rows]);
        Console.WriteLine($"// libtorch {torch.__version__}: loaded and rows copied in {clock.Elapsed.TotalMilliseconds:F0} ms; " +
                          $"intra-op threads {torch.get_num_threads()}, ProcessorCount {Environment.ProcessorCount}");
    }

    [GlobalCleanup(Targets = [nameof(TorchSharp), nameof(TorchSharpOneThread)])]
    public void CleanupLibTorch()
    {
        _ids.Dispose(); _labels.Dispose(); _weights.Dispose();
    }

    /// <summary>Ours: <see cref="LstmTrainer"/> with the study's options (no padding mask, the state at step T − 1).</summary>
    [Benchmark(Baseline = true)]
    public LstmModel Ours()
    {
        var usage = Usage.Start();
        var model = new LstmTrainer(new LstmOptions { MaxEpochs = 1, Seed = Seed }).Fit(_corpus, V, K);
        Console.WriteLine($"// ours: epoch mean loss {model.History[0].TrainingLoss.ToString("F4", CultureInfo.InvariantCulture)}, {usage}");
        return model;
    }

    /// <summary>libtorch on every core: the same model, loss and optimizer hyper-parameters; returns the epoch's mean loss.</summary>
    [Benchmark]
    public double TorchSharp() => LibTorchEpoch();

    /// <summary>As <see cref="TorchSharp"/> with one intra-op thread.</summary>
    [Benchmark]
    public double TorchSharpOneThread() => LibTorchEpoch();

    private double LibTorchEpoch()
    {
        var usage = Usage.Start();
        torch.random.manual_seed(Seed);   // initial weights, shuffle and dropout masks: every invocation does the same work
        using var model = new KerasStyleLstm(V, E, H, K, DropoutRate);
        // Keras's hyper-parameters (lr 1e-3, β 0.9/0.999, ε 1e-7). PyTorch adds ε to the bias-corrected √v̂, Keras (and ours)
        // to the uncorrected √v (REFERENCE-NOTES.md): the same cost per step, trajectories that differ slightly while v is small.
        using var adam = torch.optim.Adam(model.parameters(), lr: KerasAdam.DefaultLearningRate, beta1: KerasAdam.DefaultBeta1,
                                          beta2: KerasAdam.DefaultBeta2, eps: KerasAdam.DefaultEpsilon);
        model.train();
        double lossSum = 0;
        using var order = torch.randperm(Rows);
        for (int first = 0; first < Rows; first += B)
        {
            using var scope = torch.NewDisposeScope();   // frees each batch's tensors and autograd graph at the end of the batch
            int rows = Math.Min(B, Rows - first);
            Tensor batch = order.narrow(0, first, rows);
            // Keras's weighted loss: Σₙ sₙ·CEₙ / B, B counting every row of the batch.
            Tensor crossEntropy = nn.functional.cross_entropy(model.call(_ids.index_select(0, batch)), _labels.index_select(0, batch), reduction: nn.Reduction.None);
            Tensor loss = (crossEntropy * _weights.index_select(0, batch)).sum() / rows;
            adam.zero_grad();
            loss.backward();
            adam.step();
            lossSum += loss.item<float>() * rows;   // Σₙ sₙ·CEₙ, as LstmTrainer sums it
        }
        double meanLoss = lossSum / Rows;          // what LstmEpochRecord.TrainingLoss reports: Σₙ sₙ·CEₙ / N
        Console.WriteLine($"// libtorch: epoch mean loss {meanLoss.ToString("F4", CultureInfo.InvariantCulture)}, {torch.get_num_threads()} threads, {usage}");
        return meanLoss;
    }

    /// <summary>
    /// The process's CPU time over the wall-clock time since <see cref="Start"/> (≈ the cores kept busy, spinning included) and
    /// the machine's 1-minute load average (Linux), printed after each epoch so the log shows how many cores each side used and
    /// which epochs shared the machine. Reading them costs microseconds against an epoch of a second or more.
    /// </summary>
    private readonly record struct Usage(TimeSpan Cpu, long Started)
    {
        public static Usage Start() => new(Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.GetTimestamp());

        public override string ToString()
        {
            double wall = Stopwatch.GetElapsedTime(Started).TotalSeconds, cpu = (Process.GetCurrentProcess().TotalProcessorTime - Cpu).TotalSeconds;
            string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
            return string.Create(CultureInfo.InvariantCulture, $"cpu {cpu:F2} s / wall {wall:F2} s = {cpu / wall:F2} cores, load {load}");
        }
    }

    /// <summary>
    /// The study's Keras model in libtorch, initialised as Keras (and <see cref="LstmInitializer"/>) does: embedding U(−0.05, 0.05);
    /// input kernel Glorot-uniform, recurrent kernel orthogonal; one bias of zeros with the forget block at 1 (PyTorch's gate
    /// order i, f, g, o keeps the forget gate second as Keras's i, f, c, o does; b_hh stays 0 since Keras has one bias);
    /// dense Glorot-uniform with zero bias. Padding id 0 is an ordinary trainable row and is fed through the LSTM (no mask),
    /// and the head reads the state at the last time step T − 1 — what <see cref="LstmNetwork"/> computes with
    /// <see cref="LstmOptions.MaskPadding"/> off (the study's setup, and tools/reference_baseline.py's <c>h[:, -1, :]</c>).
    /// </summary>
    private sealed class KerasStyleLstm : nn.Module<Tensor, Tensor>
    {
        private readonly Embedding embedding;
        private readonly LSTM lstm;
        private readonly Dropout dropout;
        private readonly Linear dense;

        public KerasStyleLstm(int v, int e, int h, int k, double dropoutRate) : base(nameof(KerasStyleLstm))
        {
            embedding = nn.Embedding(v, e);
            lstm = nn.LSTM(e, h, batchFirst: true);
            dropout = nn.Dropout(dropoutRate);
            dense = nn.Linear(h, k);
            RegisterComponents();
            using var noGrad = torch.no_grad();
            nn.init.uniform_(embedding.weight, -0.05, 0.05);
            nn.init.xavier_uniform_(LstmParameter("weight_ih_l0"));   // (4H, E): the same bound √(6/(E+4H)) as Keras's (E, 4H)
            nn.init.orthogonal_(LstmParameter("weight_hh_l0"));       // (4H, H): orthonormal columns, Keras's (H, 4H) transposed
            nn.init.zeros_(LstmParameter("bias_ih_l0"));
            nn.init.zeros_(LstmParameter("bias_hh_l0"));
            LstmParameter("bias_ih_l0").narrow(0, h, h).fill_(1.0);   // unit_forget_bias
            nn.init.xavier_uniform_(dense.weight);
            nn.init.zeros_(dense.bias!);                              // Linear(bias: true) always has one
        }

        private Tensor LstmParameter(string name) => lstm.get_parameter(name) ?? throw new InvalidOperationException($"libtorch's LSTM has no parameter {name}.");

        // x: (B, T) int64 → logits (B, K)
        public override Tensor forward(Tensor x)
        {
            var (states, _, _) = lstm.call(embedding.call(x), null);        // (B, T, H)
            return dense.call(dropout.call(states.select(1, -1)));          // state at step T − 1
        }
    }
}

/// <summary>
/// Two jobs, each with the Monitoring strategy (no pilot stage, no jitting invocation, no unrolling — BenchmarkDotNet only
/// jits ahead for Throughput): "Warm" = one process, 2 warm-up and 5 measured epochs; "FirstEpoch" = 5 processes with 0
/// warm-ups and 1 measured epoch each, so every FirstEpoch measurement is the first epoch its process ran. Ratios are
/// computed per job. A job named on the command line (CI's <c>--job Dry</c>) replaces both, as in <see cref="MonitoringConfig"/>.
/// </summary>
internal sealed class TorchSharpEpochConfig : ManualConfig
{
    public TorchSharpEpochConfig()
    {
        if (!MonitoringConfig.JobGivenOnCommandLine)
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithId("Warm"));
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(5).WithWarmupCount(0).WithIterationCount(1).WithId("FirstEpoch"));
        }
        AddColumn(new MicrosecondsPerRowColumn());
        // BenchmarkDotNet's default 2 minutes is too short for building the benchmark process on a busy 2-core machine
        // (measured: timed out at load 11); the build is not measured, so waiting longer costs nothing but time.
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}

/// <summary>"µs/row": the mean time of one epoch divided by its <c>Rows</c> parameter.</summary>
internal sealed class MicrosecondsPerRowColumn() : MeanDerivedColumn("µs/row", "Mean epoch time divided by the training rows")
{
    protected override string? Value(BenchmarkCase benchmarkCase, double meanNanoseconds) =>
        benchmarkCase.Parameters["Rows"] is int rows && rows > 0
            ? (meanNanoseconds / 1000 / rows).ToString("F1", CultureInfo.InvariantCulture)   // ns → µs
            : null;
}
