using AttackClassifier.Benchmarks.Corpus;
using AttackClassifier.Data;
using AttackClassifier.Kernels;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Optimization;
using AttackClassifier.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML;

namespace AttackClassifier.Benchmarks.Training;

/// <summary>
/// Full LR fits on realistic command lines: the sample file as is (<see cref="Rows"/> = 0) and a seeded synthetic corpus of
/// 100,000 rows (<see cref="SyntheticCorpus"/>), TF-IDF with 5,000 features, observation counts as sample weights, C = 10.
/// Each fit runs to its own default stopping rule from θ = 0 and prints the objective it reached, f(w, b) = C Σₙ sₙ CEₙ + ½‖w‖²
/// evaluated by our loss at its coefficients, so the times compare work done to reach the same optimum:
/// <list type="bullet">
/// <item><see cref="FitOurs"/>: <see cref="LogisticRegressionTrainer"/> with default options (scikit-learn's tol = 1e-4 on the
/// scaled gradient).</item>
/// <item><see cref="FitMathNet"/>: MathNet.Numerics' L-BFGS (m = 10) on the same scaled objective, gradient tolerance 1e-4.</item>
/// <item><see cref="FitMlNet"/>: ML.NET's <c>LbfgsMaximumEntropy</c>. Its objective is (Σₙ sₙ CEₙ + ½λ‖w‖²) / Σsₙ with the bias
/// unpenalised (LbfgsPredictorBase.DifferentiableFunction), so λ = <c>L2Regularization</c> = 1/C gives scikit-learn's optimum —
/// but only with the weight column: without it ML.NET weighs every row 1. L1 = 0, history 10, its default tolerance 1e-7
/// (mean relative improvement over 5 iterations), float32 arithmetic.</item>
/// </list>
/// </summary>
[Config(typeof(FitMonitoringConfig))]
[MemoryDiagnoser]
public partial class CorpusFitBenchmarks
{
    private const double C = 10;

    /// <summary>0: the sample data file (consolidated); otherwise that many synthetic rows.</summary>
    [Params(0, 100_000)] public int Rows;

    private CsrMatrix _x = null!;
    private int[] _y = [];
    private double[] _s = [];
    private int _k;
    private SoftmaxCrossEntropyLoss _loss = null!;
    private double[] _theta = [];
    private double[] _gradient = [];
    private MLContext _ml = null!;
    private IDataView _mlData = null!;

    [GlobalSetup]
    public void Setup()
    {
        CommandDataset data = Rows == 0 ? CommandDataset.Load(SyntheticCorpus.SourcePath).Consolidate() : SyntheticCorpus.Generate(Rows, seed: 42);
        string[] commands = data.CommandLines();
        var vectorizer = TfidfVectorizer.Fit(commands, new TfidfOptions { MaxFeatures = 5000 });
        _x = vectorizer.Transform(commands);
        LabelSet labels = data.Labels();
        _k = labels.Count;
        _y = labels.Encode(data.Records.Select(r => r.Label));
        _s = data.Weights();
        _loss = new SoftmaxCrossEntropyLoss(_x, _y, _k, _s, C, fitIntercept: true);
        _theta = new double[_loss.Dimension];
        var rng = new Random(7);
        for (int i = 0; i < _theta.Length; i++) _theta[i] = 0.1 * (rng.NextDouble() - 0.5);
        _gradient = new double[_loss.Dimension];
        Console.WriteLine($"// corpus: U = {_loss.U}, N = {_x.RowCount}, D = {_x.ColumnCount}, K = {_k}, nnz = {_x.NonZeroCount}, chunks = {_loss.ChunkCount}");

        _ml = new MLContext(seed: 1);
        _mlData = _ml.Data.LoadFromEnumerable(MlRows(), MlSchema(_x.ColumnCount));
    }

    /// <summary>One evaluation of f and ∇f at a fixed random θ.</summary>
    [Benchmark]
    public double LossAndGradient() => _loss.Evaluate(_theta, _gradient);

    [Benchmark]
    public LogisticRegressionModel FitOurs()
    {
        var model = new LogisticRegressionTrainer(new LogisticRegressionOptions { InverseRegularization = C }).Fit(_x, _y, _k, _s);
        var d = model.Diagnostics!;   // its objective is f / C; printed as f, as MathNet's line is
        Console.WriteLine($"// ours:   f = {d.Objective * C:R}  ({d.Status}, {d.Iterations} iterations, {d.Evaluations} evaluations, max|g| {d.GradientMaxNorm:E2})");
        return model;
    }

    [Benchmark]
    public double FitMathNet()
    {
        var scaled = new ScaledFunction(_loss, 1.0 / (C * _loss.WeightSum));
        int evaluations = 0;
        var objective = ObjectiveFunction.Gradient(v =>
        {
            var g = new double[scaled.Dimension];
            double f = scaled.Evaluate(v.AsArray() ?? v.ToArray(), g);
            evaluations++;
            return (f, Vector<double>.Build.Dense(g));
        });
        var minimizer = new LimitedMemoryBfgsMinimizer(1e-4, 0, 0, memory: 10, maximumIterations: 1000);
        var result = minimizer.FindMinimum(objective, Vector<double>.Build.Dense(scaled.Dimension));
        double f = _loss.Evaluate(result.MinimizingPoint.AsArray() ?? result.MinimizingPoint.ToArray(), new double[_loss.Dimension]);
        Console.WriteLine($"// MathNet: f = {f:R}  ({result.ReasonForExit}, {result.Iterations} iterations, {evaluations} evaluations)");
        return f;
    }

    [Benchmark(Baseline = true)]
    public double FitMlNet()
    {
        // Labels as plain values mapped to keys in ascending value order, so ML.NET's class k is our class k
        // (every class occurs in these corpora). A key-typed input column would be read 1-based and shift the classes.
        var toKey = _ml.Transforms.Conversion.MapValueToKey(nameof(MlRow.Label), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue);
        var trainer = _ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(MlRow.Label),
            FeatureColumnName = nameof(MlRow.Features),
            ExampleWeightColumnName = nameof(MlRow.Weight),
            L2Regularization = (float)(1 / C),
            L1Regularization = 0,
            HistorySize = 10,
        });
        var model = toKey.Append(trainer).Fit(_mlData).LastTransformer;
        // Our θ layout from ML.NET's weights: w[j, k] = weights[k][j], b[k] = biases[k].
        VBuffer<float>[] weights = [];
        model.Model.GetWeights(ref weights, out int classes);
        float[] biases = model.Model.GetBiases().ToArray();
        var theta = new double[_loss.Dimension];
        for (int k = 0; k < classes; k++)
        {
            int j = 0;
            foreach (float v in weights[k].DenseValues()) theta[j++ * _k + k] = v;
            theta[_x.ColumnCount * _k + k] = biases[k];
        }
        double f = _loss.Evaluate(theta, new double[_loss.Dimension]);
        Console.WriteLine($"// ML.NET: f = {f:R}");
        return f;
    }

    private sealed class MlRow
    {
        public uint Label { get; set; }            // our class index; MapValueToKey turns it into ML.NET's key
        public VBuffer<float> Features { get; set; }
        public float Weight { get; set; }
    }

    private static SchemaDefinition MlSchema(int d)
    {
        var schema = SchemaDefinition.Create(typeof(MlRow));
        schema[nameof(MlRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        return schema;
    }

    // Sparse rows straight from the CSR arrays.
    private IEnumerable<MlRow> MlRows()
    {
        for (int n = 0; n < _x.RowCount; n++)
        {
            int[] cols = _x.RowColumns(n).ToArray();
            float[] vals = Array.ConvertAll(_x.RowValues(n).ToArray(), v => (float)v);
            yield return new MlRow { Label = (uint)_y[n], Features = new VBuffer<float>(_x.ColumnCount, cols.Length, vals, cols), Weight = (float)_s[n] };
        }
    }
}
