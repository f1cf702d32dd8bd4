using AttackClassifier.Benchmarks.Telemetry;
using AttackClassifier.Classification;
using AttackClassifier.Text;
using BenchmarkDotNet.Attributes;

namespace AttackClassifier.Benchmarks.Text;

/// <summary>
/// The vocabulary lookup of prediction: every term (word 1–2-grams and char_wb 2–5-grams) of 2,000 seeded command lines,
/// looked up in the built-in Linux model's two vocabularies — <c>Dictionary&lt;string, int&gt;</c> with its span alternate
/// lookup (baseline, the lookup before <see cref="TermTable"/>) against <see cref="TermTable"/>. Returns the number of hits
/// (both must agree; checked in setup). Time is per term looked up.
/// </summary>
[MemoryDiagnoser]
public class TermLookupBenchmarks
{
    private const int Commands = 2_000;
    private string[] _texts = [];                                   // per part: the concatenated analyser texts
    private (int Part, int Start, int Length)[] _terms = [];
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] _dictionaries = [];
    private TermTable[] _tables = [];

    [GlobalSetup]
    public void Setup()
    {
        var classifier = (TfidfLogisticRegressionClassifier)Cli.BuiltinModels.BuiltinModels.Open("builtin:linux").Classifier;
        IReadOnlyList<TfidfVectorizer> parts = classifier.Vectorizer.Parts;
        _dictionaries = parts.Select(p => new Dictionary<string, int>(p.Vocabulary, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();
        _tables = parts.Select(p => new TermTable(p.Terms.ToArray())).ToArray();
        var texts = new System.Text.StringBuilder[parts.Count];
        var terms = new List<(int, int, int)>();
        var s = new AnalyzerScratch();
        for (int p = 0; p < parts.Count; p++)
        {
            texts[p] = new System.Text.StringBuilder();
            foreach (string command in EcsEventCorpus.Commands(Commands))
            {
                NGramAnalyzer.Analyze(parts[p].Options, command, s);
                int offset = texts[p].Length;
                texts[p].Append(s.Text, 0, s.TextLength);
                for (int t = 0; t < s.TermCount; t++) terms.Add((p, offset + s.TermStart[t], s.TermLength[t]));
            }
        }
        _texts = texts.Select(b => b.ToString()).ToArray();
        _terms = [.. terms];
        if (Dictionary() != Table()) throw new InvalidOperationException("The two lookups disagree.");
        OperationsPerTerm = _terms.Length;
    }

    /// <summary>Terms per call (for the per-term time: mean / this).</summary>
    public int OperationsPerTerm { get; private set; }

    [Benchmark(Baseline = true)]
    public long Dictionary()
    {
        long hits = 0;
        foreach (var (p, start, length) in _terms)
            if (_dictionaries[p].TryGetValue(_texts[p].AsSpan(start, length), out int j)) hits += j + 1;
        return hits;
    }

    [Benchmark]
    public long Table()
    {
        long hits = 0;
        foreach (var (p, start, length) in _terms)
            if (_tables[p].TryGetColumn(_texts[p].AsSpan(start, length), out int j)) hits += j + 1;
        return hits;
    }
}
