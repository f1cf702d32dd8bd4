using AttackClassifier.Text;

namespace AttackClassifier.Tests.Text;

/// <summary>The tuned TF-IDF row (tagged lookups, bitmap sort, tabled 1 + ln count, vectorised norm) against its reference
/// <see cref="TfidfVectorizer.WeighNaive"/>: the same columns and the same values bit for bit, so predictions cannot move.</summary>
public class TfidfRowReferenceTests
{
    private static readonly string[] Words =
        ["cat", "/etc/passwd", "powershell.exe", "-nop", "-enc", "curl", "http://10.0.0.5/a.sh", "|", "bash", "whoami", "net", "user",
         "/add", "reg", "query", "hklm\\software", "chmod", "+x", "/tmp/x", "ls", "-la", "echo", "aGVsbG8=", "wget", "nc", "-e", "/bin/sh"];

    // Seeded command lines from 1 to 120 words: short rows take the comparison sort, long ones the bitmap.
    private static List<string> Commands(int seed, int count)
    {
        var rng = new Random(seed);
        var commands = new List<string>();
        for (int i = 0; i < count; i++)
        {
            int n = rng.Next(4) == 0 ? rng.Next(40, 121) : rng.Next(1, 12);
            commands.Add(string.Join(' ', Enumerable.Range(0, n).Select(_ => rng.Next(8) == 0 ? $"x{rng.Next(1000)}" : Words[rng.Next(Words.Length)])));
        }
        commands.Add(string.Join(' ', Enumerable.Repeat("whoami", 300)));   // a count past the 1 + ln(count) table
        commands.Add("");
        commands.Add("zzz-not-in-any-vocabulary qqq");
        return commands;
    }

    public static TheoryData<string> Presets() => ["word", "char_wb", "char-no-norm"];

    private static TfidfOptions Options(string preset) => preset switch
    {
        "word" => new TfidfOptions { SublinearTf = true },
        "char_wb" => new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 5), SublinearTf = true, BlockWeight = 0.7 },
        _ => new TfidfOptions { Analyzer = TextAnalyzer.Char, NGramRange = new(1, 3), Norm = TfidfNorm.None, BlockWeight = 2.5 },
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Tuned_rows_equal_the_reference_bit_for_bit(string preset)
    {
        var vectorizer = TfidfVectorizer.Fit(Commands(seed: 1, count: 300), Options(preset));
        var columns = new int[vectorizer.FeatureCount];
        var values = new double[vectorizer.FeatureCount];
        var naiveColumns = new int[vectorizer.FeatureCount];
        var naiveValues = new double[vectorizer.FeatureCount];
        foreach (string command in Commands(seed: 2, count: 300))   // unseen lines: hits and misses
        {
            int nnz = vectorizer.Transform(command, columns, values);
            int naive = vectorizer.TransformNaive(command, naiveColumns, naiveValues);
            Assert.Equal(naive, nnz);
            Assert.Equal(naiveColumns.AsSpan(0, naive).ToArray(), columns.AsSpan(0, nnz).ToArray());
            for (int e = 0; e < nnz; e++)
                Assert.True(BitConverter.DoubleToInt64Bits(naiveValues[e]) == BitConverter.DoubleToInt64Bits(values[e]), $"'{command}' [{e}]: {values[e]:R} vs {naiveValues[e]:R}");
        }
    }
}
