using System.Text.Json;
using AttackClassifier.Kernels;
using AttackClassifier.Text;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;

namespace AttackClassifier.Tests.Text;

/// <summary>Segmented documents (several texts per row): counts summed over segments, no n-gram across a boundary,
/// df once per document, and a one-segment document bit-identical to the plain string path.</summary>
public class SegmentedTfidfTests
{
    private static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    private static IReadOnlyList<string>[] OneSegmentEach(IEnumerable<string> documents) => documents.Select(d => (IReadOnlyList<string>)[d]).ToArray();

    internal static void AssertBitIdentical(CsrMatrix expected, CsrMatrix actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ColumnCount, actual.ColumnCount);
        for (int r = 0; r < expected.RowCount; r++)
        {
            Assert.Equal(expected.RowColumns(r).ToArray(), actual.RowColumns(r).ToArray());
            Assert.Equal(expected.RowValues(r).ToArray().Select(BitConverter.DoubleToInt64Bits), actual.RowValues(r).ToArray().Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Theory]
    [MemberData(nameof(TfidfVectorizerTests.FixtureNames), MemberType = typeof(TfidfVectorizerTests))]
    public void One_segment_documents_fit_and_transform_bit_identically_to_the_plain_path(string name)
    {
        // The scikit-learn parity corpora, every analyzer and option mix they cover.
        using JsonDocument fixture = Fixtures.Json($"tfidf_{name}.json");
        TfidfOptions options = TfidfVectorizerTests.OptionsFrom(fixture.RootElement.GetProperty("options"));
        string[] corpus = Strings(fixture.RootElement.GetProperty("corpus"));
        string[] documents = Strings(fixture.RootElement.GetProperty("documents"));

        var plain = TfidfVectorizer.Fit(corpus, options);
        var segmented = TfidfVectorizer.FitSegmented(OneSegmentEach(corpus), options);
        Assert.Equal(plain.Terms, segmented.Terms);
        Assert.Equal(plain.Idf.ToArray().Select(BitConverter.DoubleToInt64Bits), segmented.Idf.ToArray().Select(BitConverter.DoubleToInt64Bits));
        AssertBitIdentical(plain.Transform(documents), segmented.TransformSegmented(OneSegmentEach(documents)));
    }

    [Theory]
    [InlineData(TextAnalyzer.Word, 1, 3, "cat /etc/passwd|whoami -a", " ", "/etc/passwd whoami")]
    [InlineData(TextAnalyzer.Char, 2, 3, "ab|cd", "", "bc")]
    [InlineData(TextAnalyzer.Char, 2, 3, "ab |cd", "", "b c")]
    [InlineData(TextAnalyzer.CharWordBoundary, 2, 4, "ab|cd", "", "abcd")]
    public void N_grams_never_cross_a_segment_boundary(TextAnalyzer analyzer, int min, int max, string joined, string glue, string crossing)
    {
        var options = new TfidfOptions { Analyzer = analyzer, NGramRange = new(min, max) };
        string[] segments = joined.Split('|');
        var s = new AnalyzerScratch();
        NGramAnalyzer.AnalyzeSegments(options, segments, s);
        var terms = Enumerable.Range(0, s.TermCount).Select(k => new string(s.Term(k))).ToList();
        Assert.DoesNotContain(crossing, terms);
        // …while the plain analyzer on the segments glued together does produce it: the boundary is what stops it.
        NGramAnalyzer.Analyze(options, string.Join(glue, segments), s);
        Assert.Contains(crossing, Enumerable.Range(0, s.TermCount).Select(k => new string(s.Term(k))));
    }

    private static readonly string[] Pieces =
        ["cat", "/etc/passwd", "-la", "ls", "10.0.0.1", "$HOME", "C:\\Temp\\x.exe", "whoami", "0x1f", "  ", "\t", "a", "!", "é", "http://x.y/z"];

    private static Arbitrary<string[]> SegmentLists() =>
        Gen.Elements(Pieces).ArrayOf().Select(ps => string.Join(' ', ps.Take(6))).ArrayOf().Select(g => g.Take(5).ToArray()).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property The_terms_of_a_segmented_document_are_the_segments_terms_in_order() =>
        Prop.ForAll(SegmentLists(), segments =>
        {
            foreach (TextAnalyzer analyzer in Enum.GetValues<TextAnalyzer>())
            {
                var options = new TfidfOptions { Analyzer = analyzer, NGramRange = new(1, 3) };
                var s = new AnalyzerScratch();
                var expected = new List<string>();
                foreach (string segment in segments)
                {
                    NGramAnalyzer.Analyze(options, segment, s);
                    for (int k = 0; k < s.TermCount; k++) expected.Add(new string(s.Term(k)));
                }
                NGramAnalyzer.AnalyzeSegments(options, segments, s);
                Assert.Equal(expected, Enumerable.Range(0, s.TermCount).Select(k => new string(s.Term(k))));
            }
        });

    [Fact]
    public void Counts_are_summed_over_segments_and_document_frequency_counts_a_document_once()
    {
        // Unigrams, no smoothing, no norm: x = count · (ln(N / df) + 1).
        var options = new TfidfOptions { NGramRange = new(1, 1), SmoothIdf = false, Norm = TfidfNorm.None };
        IReadOnlyList<string>[] corpus = [["ls", "ls -la", "ls"], ["pwd"]];
        var v = TfidfVectorizer.FitSegmented(corpus, options);
        Assert.Equal(new[] { "-la", "ls", "pwd" }, v.Terms);
        double idfOnce = Math.Log(2.0 / 1.0) + 1;   // df(ls) = 1: three segments of one document hold it
        Assert.Equal(idfOnce, v.Idf[v.Vocabulary["ls"]], 15);
        CsrMatrix x = v.TransformSegmented(corpus);
        Assert.Equal(3 * idfOnce, x[0, v.Vocabulary["ls"]], 12);
        Assert.Equal(idfOnce, x[0, v.Vocabulary["-la"]], 12);
        Assert.Equal(0.0, x[1, v.Vocabulary["ls"]]);

        // Sublinear tf and the L2 norm act on the summed count, exactly as on a plain document with those counts.
        var sub = options with { SublinearTf = true, Norm = TfidfNorm.L2 };
        var fitted = TfidfVectorizer.FitSegmented(corpus, sub);
        var columns = new int[fitted.FeatureCount];
        var values = new double[fitted.FeatureCount];
        var plainColumns = new int[fitted.FeatureCount];
        var plainValues = new double[fitted.FeatureCount];
        int nnz = fitted.TransformSegmented(["ls", "ls -la", "ls"], columns, values);
        int plainNnz = fitted.Transform("ls ls -la ls", plainColumns, plainValues);
        Assert.Equal(plainColumns.AsSpan(0, plainNnz).ToArray(), columns.AsSpan(0, nnz).ToArray());
        Assert.Equal(plainValues.AsSpan(0, plainNnz).ToArray(), values.AsSpan(0, nnz).ToArray());
    }

    [Fact]
    public void A_feature_union_transforms_segments_part_by_part()
    {
        IReadOnlyList<string>[] corpus = [["cat /etc/passwd", "whoami"], ["ls -la /tmp"], ["cat /etc/shadow"]];
        TfidfOptions word = new(), chars = new() { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 4) };
        var union = TfidfFeatureUnion.FitSegmented(corpus, word, chars);
        var w = TfidfVectorizer.FitSegmented(corpus, word);
        var c = TfidfVectorizer.FitSegmented(corpus, chars);
        Assert.Equal(w.Terms, union.Parts[0].Terms);
        Assert.Equal(c.Terms, union.Parts[1].Terms);
        CsrMatrix x = union.TransformSegmented(corpus), xw = w.TransformSegmented(corpus), xc = c.TransformSegmented(corpus);
        for (int r = 0; r < corpus.Length; r++)
        {
            Assert.Equal(xw.RowColumns(r).ToArray().Concat(xc.RowColumns(r).ToArray().Select(j => j + union.ColumnOffset(1))), x.RowColumns(r).ToArray());
            Assert.Equal(xw.RowValues(r).ToArray().Concat(xc.RowValues(r).ToArray()), x.RowValues(r).ToArray());
        }
        // One segment each: the union's plain path, bit for bit.
        string[] plain = ["cat /etc/passwd whoami", "ls -la /tmp"];
        AssertBitIdentical(union.Transform(plain), union.TransformSegmented(OneSegmentEach(plain)));
    }

    [Fact]
    public void Null_documents_or_segments_and_short_buffers_are_specific_errors()
    {
        Assert.Contains("Segment 1 is null", Assert.Throws<ArgumentException>(() => TfidfVectorizer.FitSegmented([["aa", null!]])).Message);
        Assert.Contains("Document 1 is null", Assert.Throws<ArgumentException>(() => TfidfVectorizer.FitSegmented([["aa"], null!])).Message);
        Assert.Throws<ArgumentException>(() => TfidfVectorizer.FitSegmented([]));
        var v = TfidfVectorizer.FitSegmented([["aa bb", "cc"]]);
        Assert.Contains("too short", Assert.Throws<ArgumentException>(() => v.TransformSegmented(["aa", "bb"], new int[1], new double[1])).Message);
        Assert.Throws<ArgumentException>(() => v.TransformSegmented(["aa"], new int[5], new double[4]));
        Assert.Contains("Document 0 is null", Assert.Throws<ArgumentException>(() => v.TransformSegmented([null!])).Message);
        Assert.Equal(0, v.TransformSegmented([], new int[5], new double[5]));   // no segments: an empty row
    }
}
