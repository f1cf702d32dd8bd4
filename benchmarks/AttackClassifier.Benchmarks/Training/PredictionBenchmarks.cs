using AttackClassifier.Benchmarks.Corpus;
using AttackClassifier.Classification;
using AttackClassifier.Data;
using BenchmarkDotNet.Attributes;

namespace AttackClassifier.Benchmarks.Training;

/// <summary>
/// Single-command prediction with the TF-IDF + LR classifier trained on the sample file, for both presets (study: word
/// n-grams, 5,000 features; default: word + char_wb n-grams without a cap, and command normalisation): raw text → K
/// calibration-free probabilities, and its two parts — the TF-IDF row of the raw line (tokenizer + vectorizer, without the
/// normalisation stage) and the model (sparse logits + softmax) — so the breakdown shows which part dominates.
/// </summary>
[MemoryDiagnoser]
public class PredictionBenchmarks
{
    /// <summary>Typical commands: a short Linux one and a longer PowerShell one.</summary>
    [Params("cat /etc/passwd", "powershell.exe -NoProfile -ExecutionPolicy Bypass -Command Get-Process | Out-File C:\\Users\\Public\\p.txt")]
    public string Command = "";

    /// <summary>The pipeline's preset.</summary>
    [Params("study", "default")]
    public string Preset = "";

    private TfidfLogisticRegressionClassifier _classifier = null!;
    private double[] _p = [];
    private int[] _columns = [];
    private double[] _values = [];
    private int _nnz;

    [GlobalSetup]
    public void Setup()
    {
        _classifier = TfidfLogisticRegressionClassifier.Train(CommandDataset.Load(SyntheticCorpus.SourcePath).Consolidate(),
            Preset == "study" ? TfidfLogisticRegressionOptions.Study : TfidfLogisticRegressionOptions.Default);
        _p = new double[_classifier.Labels.Count];
        _columns = new int[_classifier.Vectorizer.FeatureCount];
        _values = new double[_classifier.Vectorizer.FeatureCount];
        _nnz = _classifier.Vectorizer.Transform(Command, _columns, _values);
    }

    [Benchmark(Baseline = true)]
    public double[] RawTextToProbabilities()
    {
        _classifier.PredictProbabilities(Command, _p);
        return _p;
    }

    [Benchmark]
    public int VectorizeOnly() => _classifier.Vectorizer.Transform(Command, _columns, _values);

    [Benchmark]
    public double[] ModelOnly()
    {
        _classifier.Model.PredictProbabilities(_columns.AsSpan(0, _nnz), _values.AsSpan(0, _nnz), _p);
        return _p;
    }
}
