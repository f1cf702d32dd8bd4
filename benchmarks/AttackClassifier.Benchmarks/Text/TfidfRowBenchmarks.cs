using AttackClassifier.Benchmarks.Telemetry;
using AttackClassifier.Classification;
using AttackClassifier.Text;
using BenchmarkDotNet.Attributes;

namespace AttackClassifier.Benchmarks.Text;

/// <summary>
/// The TF-IDF row of prediction — analysis, vocabulary lookups, counting, sorting the columns, tf·idf, the row norm — for
/// 2,000 seeded command lines through the built-in Linux model's two vectorizers (word 1–2-grams, char_wb 2–5-grams,
/// sublinear tf, block weights): the reference <see cref="TfidfVectorizer.TransformNaive"/> (baseline: the row as it was
/// first written) against the tuned <see cref="TfidfVectorizer.Transform(ReadOnlySpan{char}, Span{int}, Span{double})"/>.
/// Same rows bit for bit (tested, and checked in setup). Returns the number of entries written.
/// </summary>
[MemoryDiagnoser]
public class TfidfRowBenchmarks
{
    private const int Commands = 2_000;
    private string[] _commands = [];
    private TfidfVectorizer[] _parts = [];
    private int[] _columns = [];
    private double[] _values = [];

    [GlobalSetup]
    public void Setup()
    {
        var classifier = (TfidfLogisticRegressionClassifier)Cli.BuiltinModels.BuiltinModels.Open("builtin:linux").Classifier;
        _parts = [.. classifier.Vectorizer.Parts];   // the classifier always holds a feature union
        _commands = EcsEventCorpus.Commands(Commands);
        int d = _parts.Max(p => p.FeatureCount);
        (_columns, _values) = (new int[d], new double[d]);
        if (Naive() != Tuned()) throw new InvalidOperationException("The two rows disagree.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Commands)]
    public long Naive()
    {
        long entries = 0;
        foreach (string command in _commands)
            foreach (TfidfVectorizer part in _parts) entries += part.TransformNaive(command, _columns, _values);
        return entries;
    }

    [Benchmark(OperationsPerInvoke = Commands)]
    public long Tuned()
    {
        long entries = 0;
        foreach (string command in _commands)
            foreach (TfidfVectorizer part in _parts) entries += part.Transform(command, _columns, _values);
        return entries;
    }
}
