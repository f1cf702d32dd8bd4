using AttackClassifier.Classification;
using AttackClassifier.Models.Lstm;
using AttackClassifier.Serialization;
using AttackClassifier.Text;

namespace AttackClassifier.Tests.Classification;

public class LstmClassifierTests(TrainedSample sample) : IClassFixture<TrainedSample>
{
    private static readonly LstmClassifierOptions Quick = new() { Network = new LstmOptions { MaxEpochs = 2, EmbeddingSize = 16, HiddenSize = 8 } };

    [Fact]
    public void Masking_with_pre_padding_is_refused_before_training()
    {
        var pre = Quick with { Encoder = new SequenceEncoderOptions { Padding = SequenceEnd.Pre }, Network = Quick.Network with { MaskPadding = true } };
        var e = Assert.Throws<ArgumentException>(() => LstmClassifier.Train(sample.Train, null, pre));
        Assert.Contains("post-padding", e.Message);
        // Each alone is a model Keras defines: pre-padding fed through the LSTM, or masking after post-padding.
        Assert.Equal(SequenceEnd.Pre, LstmClassifier.Train(sample.Train, null, pre with { Network = Quick.Network }).Encoder.Options.Padding);
        Assert.True(LstmClassifier.Train(sample.Train, null, Quick with { Network = Quick.Network with { MaskPadding = true } }).Model.MasksPadding);
    }

    [Fact]
    public void Save_then_load_gives_identical_probabilities_and_history()
    {
        var classifier = LstmClassifier.Train(sample.Train, sample.Test, Quick);
        var stream = new MemoryStream();
        ModelFile.Save(classifier, stream);
        stream.Position = 0;
        var loaded = Assert.IsType<LstmClassifier>(ModelFile.Load(stream, "memory"));
        // The file keeps every epoch's losses, not its wall-clock seconds (format 3: same data and seed → same bytes).
        Assert.Equal(classifier.Model.History.Select(e => (e.Epoch, e.TrainingLoss, e.ValidationLoss)), loaded.Model.History.Select(e => (e.Epoch, e.TrainingLoss, e.ValidationLoss)));
        Assert.All(loaded.Model.History, e => Assert.True(double.IsNaN(e.Seconds)));
        Assert.Equal(classifier.Model.BestEpoch, loaded.Model.BestEpoch);
        var p = new double[classifier.Labels.Count];
        var q = new double[classifier.Labels.Count];
        foreach (string command in sample.Test.CommandLines().Append("unseen words only qqq"))
        {
            classifier.PredictProbabilities(command, p);
            loaded.PredictProbabilities(command, q);
            Assert.Equal(p, q);
            Assert.Equal(1.0, p.Sum(), 5);
        }
    }

    [Fact]
    public void Same_seed_same_model_and_the_cyber_tokenizer_changes_the_vocabulary()
    {
        var a = LstmClassifier.Train(sample.Train, null, Quick);
        var b = LstmClassifier.Train(sample.Train, null, Quick);
        var p = new double[a.Labels.Count];
        var q = new double[a.Labels.Count];
        a.PredictProbabilities("cat /etc/passwd", p);
        b.PredictProbabilities("cat /etc/passwd", q);
        Assert.Equal(p, q);
        var cyber = LstmClassifier.Train(sample.Train, null, Quick with { Encoder = new SequenceEncoderOptions { Split = SequenceSplit.CyberTokenizer } });
        Assert.Contains("/etc/passwd", cyber.Encoder.WordIndex.Keys);
        Assert.DoesNotContain("/etc/passwd", a.Encoder.WordIndex.Keys);
    }

    [Fact]
    public void Loading_an_lstm_file_as_logistic_regression_names_both_kinds()
    {
        string path = Path.GetTempFileName();
        try
        {
            ModelFile.Save(LstmClassifier.Train(sample.Train, null, Quick with { Network = Quick.Network with { MaxEpochs = 1 } }), path);
            var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load<TfidfLogisticRegressionClassifier>(path));
            Assert.Contains("LstmClassifier", e.Message);
            Assert.Contains("TfidfLogisticRegressionClassifier", e.Message);
        }
        finally { File.Delete(path); }
    }
}
