using System.Globalization;
using AttackClassifier.Benchmarks.Corpus;
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Kernels;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Models.Lstm;
using AttackClassifier.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace AttackClassifier.Benchmarks.TrainingCost;

/// <summary>
/// LR against LSTM training cost on the same seeded corpus of realistic command lines (<see cref="SyntheticCorpus"/>) at
/// N = 1k, 10k and 100k rows, to show how each grows with data. Fixed work, so sizes compare:
/// <list type="bullet">
/// <item><see cref="FitLogisticRegression"/> (baseline): the study's TF-IDF (word 1–2-grams, 5,000 features) fitted and applied,
/// then exactly 100 L-BFGS iterations (tolerances 0) of the weighted multinomial LR, C = 10.</item>
/// <item><see cref="FitLstmOneEpoch"/>: the study's encoder (Keras filters, 5,000 words, T = 20) fitted and applied, then one
/// epoch of the study's LSTM (E = 100, H = 64, batch 32, Adam), no validation.</item>
/// <item>The hot loops inside them at the same N: TF-IDF fit + transform, and one LR loss-and-gradient evaluation
/// (an L-BFGS iteration costs about one to two of these). The LSTM's step is independent of N
/// (<c>LstmTrainingStepBenchmarks</c>); an epoch is ⌈N/32⌉ of them.</item>
/// </list>
/// Set <c>ATTACK_BENCH_ROWS</c> (comma-separated, e.g. <c>1000</c>) to choose the sizes — CI's dry run uses the smallest.
/// </summary>
[Config(typeof(TrainingCostConfig))]
public class TrainingCostBenchmarks
{
    private const int LbfgsIterations = 100;

    [ParamsSource(nameof(RowCounts))]
    public int Rows { get; set; }

    /// <summary>The corpus sizes: <c>ATTACK_BENCH_ROWS</c> if set, else 1k, 10k, 100k.</summary>
    public static IEnumerable<int> RowCounts() => ConfiguredRows([1_000, 10_000, 100_000]);

    /// <summary><c>ATTACK_BENCH_ROWS</c> (comma-separated) if set, else <paramref name="defaults"/>: every suite sized by rows reads it here.</summary>
    internal static IEnumerable<int> ConfiguredRows(IEnumerable<int> defaults)
    {
        string? configured = Environment.GetEnvironmentVariable("ATTACK_BENCH_ROWS");
        return string.IsNullOrWhiteSpace(configured)
            ? defaults
            : configured.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture));
    }

    private CommandDataset _data = null!;
    private string[] _commands = [];
    private SoftmaxCrossEntropyLoss _loss = null!;
    private double[] _theta = [], _gradient = [];

    private static readonly TfidfOptions StudyTfidf = new() { NGramRange = new NGramRange(1, 2), MaxFeatures = 5000 };

    [GlobalSetup]   // seeded: every run and every job measures the same rows
    public void Setup()
    {
        _data = SyntheticCorpus.Generate(Rows, seed: 42);
        _commands = _data.CommandLines();
        var vectorizer = TfidfVectorizer.Fit(_commands, StudyTfidf);
        LabelSet labels = _data.Labels();
        _loss = new SoftmaxCrossEntropyLoss(vectorizer.Transform(_commands), labels.Encode(_data.Records.Select(r => r.Label)), labels.Count,
                                            _data.Weights(), c: 10, fitIntercept: true);
        _theta = new double[_loss.Dimension];
        _gradient = new double[_loss.Dimension];
    }

    [Benchmark(Baseline = true)]
    public TfidfLogisticRegressionClassifier FitLogisticRegression() =>
        TfidfLogisticRegressionClassifier.Train(_data, new TfidfLogisticRegressionOptions
        {
            Features = [StudyTfidf],
            Classifier = new LogisticRegressionOptions { InverseRegularization = 10, MaxIterations = LbfgsIterations, GradientTolerance = 0, RelativeDecreaseTolerance = 0 },
        });

    [Benchmark]
    public LstmClassifier FitLstmOneEpoch() =>
        LstmClassifier.Train(_data, validation: null, new LstmClassifierOptions { Network = new LstmOptions { MaxEpochs = 1, Seed = 42 } });

    [Benchmark]
    public CsrMatrix TfidfFitTransform() => TfidfVectorizer.Fit(_commands, StudyTfidf).Transform(_commands);

    [Benchmark]
    public double LogisticRegressionLossAndGradient() => _loss.Evaluate(_theta, _gradient);   // at θ = 0: the first iteration's cost
}

/// <summary>Monitoring (one warm-up, three measured runs, unless the command line names a job) and memory.</summary>
internal sealed class TrainingCostConfig : MonitoringConfig
{
    public TrainingCostConfig() : base(warmups: 1, iterations: 3) => AddDiagnoser(MemoryDiagnoser.Default);
}
