using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Serialization;
using AttackClassifier.Tests.Data;
using AttackClassifier.Text;

namespace AttackClassifier.Tests.Classification;

/// <summary>One model trained on the sample's training part, shared by the tests of this class.</summary>
public sealed class TrainedSample
{
    public TrainedSample()
    {
        var data = CommandDataset.Load(SampleDataTests.SamplePath).Consolidate();
        int[] y = data.Labels().Encode(data.Records.Select(r => r.Label));
        var (train, validation, test) = StratifiedSplit.TrainValidationTest(y, 0.2, 0.2, seed: 42);
        Train = data.Select(train);
        Test = data.Select(test);
        Classifier = TfidfLogisticRegressionClassifier.Train(Train, TfidfLogisticRegressionOptions.Study);
    }

    public CommandDataset Train { get; }
    public CommandDataset Test { get; }
    public TfidfLogisticRegressionClassifier Classifier { get; }
}

public class TfidfLogisticRegressionClassifierTests(TrainedSample sample) : IClassFixture<TrainedSample>
{
    private readonly TfidfLogisticRegressionClassifier _classifier = sample.Classifier;

    [Fact]
    public void Probabilities_form_a_distribution_and_top_is_sorted()
    {
        var prediction = _classifier.Predict("cat /etc/shadow", top: 5);
        Assert.Equal(5, prediction.Top.Count);
        Assert.Equal(prediction.Technique, prediction.Top[0].Technique);
        Assert.True(prediction.Top.Zip(prediction.Top.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
        var p = new double[_classifier.Labels.Count];
        _classifier.PredictProbabilities("cat /etc/shadow", p);
        Assert.Equal(1.0, p.Sum(), 12);
        Assert.Equal(p.Max(), prediction.Probability);
    }

    [Fact]
    public void Training_rows_are_mostly_recognised_and_held_out_rows_score_well_above_chance()
    {
        var train = _classifier.Evaluate(sample.Train);
        var test = _classifier.Evaluate(sample.Test);
        Assert.True(train.Accuracy > 0.9, $"weighted training accuracy {train.Accuracy}");
        // Always answering the majority class (T1082, ~81% of observations) is the bar a useful model must clear on held-out rows.
        double majorityShare = sample.Test.ClassSizes()[0].ObservationShare;
        Assert.True(test.Accuracy > majorityShare, $"weighted test accuracy {test.Accuracy} vs majority share {majorityShare}");
        Assert.True(test.MacroAverage.F1 > 0.3, $"macro F1 {test.MacroAverage.F1}");
    }

    [Theory]
    [InlineData("cat /etc/shadow")]
    [InlineData("powershell -EncodedCommand SQBFAFgA")]
    [InlineData("")]
    public void A_featurized_row_predicts_exactly_as_the_command_line(string command)
    {
        FeatureRow row = _classifier.Featurize(command);
        Assert.True(row.Columns.ToArray().Zip(row.Columns.ToArray().Skip(1)).All(p => p.First < p.Second));
        var fromText = new double[_classifier.Labels.Count];
        var fromRow = new double[_classifier.Labels.Count];
        _classifier.PredictProbabilities(command, fromText);
        _classifier.PredictProbabilities(row, fromRow);
        Assert.Equal(fromText, fromRow);
        Assert.Equal(_classifier.Predict(command, 4), _classifier.Predict(row, 4), new PredictionComparer());
    }

    [Fact]
    public void A_row_from_another_vectorizer_is_rejected()
    {
        var other = TfidfLogisticRegressionClassifier.Train(sample.Train.Select([.. Enumerable.Range(0, 60)]), TfidfLogisticRegressionOptions.Study);
        FeatureRow foreign = other.Featurize("cat /etc/shadow");
        Assert.Throws<ArgumentException>(() => _classifier.Explain(foreign));
        Assert.Throws<ArgumentException>(() => _classifier.Predict(foreign));
    }

    [Fact]
    public void Explanations_name_ngrams_of_the_command()
    {
        var evidence = _classifier.Explain(_classifier.Featurize("cat /etc/shadow"), top: 3);
        Assert.NotEmpty(evidence);
        var ngrams = CommandLineTokenizer.Tokenize("cat /etc/shadow").Append("cat /etc/shadow").ToHashSet();
        Assert.All(evidence, e => Assert.Contains(e.Feature, ngrams));
        Assert.True(evidence.Zip(evidence.Skip(1)).All(p => p.First.Weight >= p.Second.Weight));
    }

    [Fact]
    public void Batch_prediction_equals_one_by_one()
    {
        string[] commands = sample.Test.CommandLines();
        var batch = _classifier.PredictBatch(commands, top: 2);
        for (int i = 0; i < commands.Length; i++)
            Assert.Equal(_classifier.Predict(commands[i], top: 2).Top, batch[i].Top);
    }

    [Fact]
    public void Save_then_load_gives_identical_probabilities()
    {
        var stream = new MemoryStream();
        ModelFile.Save(_classifier, stream);
        stream.Position = 0;
        var loaded = Assert.IsType<TfidfLogisticRegressionClassifier>(ModelFile.Load(stream, "memory"));
        Assert.Equal(_classifier.Labels, loaded.Labels);
        var p = new double[_classifier.Labels.Count];
        var q = new double[_classifier.Labels.Count];
        foreach (string command in sample.Test.CommandLines().Append("never seen before zzz"))
        {
            _classifier.PredictProbabilities(command, p);
            loaded.PredictProbabilities(command, q);
            Assert.Equal(p, q);
        }
    }

    [Fact]
    public void A_corrupted_model_file_is_rejected_clearly()
    {
        string path = Path.GetTempFileName();
        try
        {
            ModelFile.Save(_classifier, path);
            byte[] bytes = File.ReadAllBytes(path);
            bytes[bytes.Length / 2] ^= 0x10;
            File.WriteAllBytes(path, bytes);
            var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("corrupted", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Training_is_reproducible()
    {
        var again = TfidfLogisticRegressionClassifier.Train(sample.Train, TfidfLogisticRegressionOptions.Study);
        Assert.Equal(_classifier.Model.Coefficients.ToArray(), again.Model.Coefficients.ToArray());
    }

    [Fact]
    public void Word_and_character_blocks_combine_and_round_trip()
    {
        var options = new TfidfLogisticRegressionOptions
        {
            Features = [new TfidfOptions { MaxFeatures = 2000 }, new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 5), MaxFeatures = 3000 }],
        };
        var combined = TfidfLogisticRegressionClassifier.Train(sample.Train, options);
        Assert.Equal(2, combined.Vectorizer.Parts.Count);
        var stream = new MemoryStream();
        ModelFile.Save(combined, stream);
        stream.Position = 0;
        var loaded = (TfidfLogisticRegressionClassifier)ModelFile.Load(stream, "memory");
        Assert.Equal(combined.Predict("nc -lvnp 4444", 3), loaded.Predict("nc -lvnp 4444", 3), new PredictionComparer());
        Assert.Equal(combined.Explain(combined.Featurize("nc -lvnp 4444")), loaded.Explain(loaded.Featurize("nc -lvnp 4444")));
    }

    private sealed class PredictionComparer : IEqualityComparer<Prediction>
    {
        public bool Equals(Prediction? a, Prediction? b) => a!.Top.SequenceEqual(b!.Top) && a.TopTactics.SequenceEqual(b.TopTactics) && a.Kind == b.Kind;
        public int GetHashCode(Prediction p) => p.Label.GetHashCode();
    }
}
