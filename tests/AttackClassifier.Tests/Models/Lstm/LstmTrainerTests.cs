using AttackClassifier.Data;
using AttackClassifier.Models.Lstm;
using AttackClassifier.Randomness;
using AttackClassifier.Text;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;

namespace AttackClassifier.Tests.Models.Lstm;

public class LstmTrainerTests
{
    private static readonly LstmOptions Small = new() { EmbeddingSize = 8, HiddenSize = 12, BatchSize = 8, MaxEpochs = 4, LearningRate = 1e-2 };

    /// <summary>Class k's sequences contain token 2 + k somewhere among random filler tokens; post-padded.</summary>
    internal static TokenSequences MarkerTask(int seed, int rows, int steps = 6, int classes = 3, int vocabulary = 12)
    {
        var rng = new Random(seed);
        var ids = new int[rows * steps];
        var y = new int[rows];
        var w = new float[rows];
        for (int n = 0; n < rows; n++)
        {
            y[n] = rng.Next(classes);
            int length = rng.Next(2, steps + 1);
            for (int t = 0; t < length; t++) ids[n * steps + t] = rng.Next(2 + classes, vocabulary);
            ids[n * steps + rng.Next(length)] = 2 + y[n];
            w[n] = 1 + rng.Next(3);
        }
        return new TokenSequences(ids, steps, y, w);
    }

    [Fact]
    public void Same_seed_and_data_give_bit_identical_weights_whatever_the_parallelism()
    {
        var data = MarkerTask(1, rows: 70);
        var a = new LstmTrainer(Small).Fit(data, 12, 3);
        var b = new LstmTrainer(Small).Fit(data, 12, 3);
        var serial = new LstmTrainer(Small with { MaxDegreeOfParallelism = 1 }).Fit(data, 12, 3);
        Assert.Equal(a.Parameters.ToArray(), b.Parameters.ToArray());
        Assert.Equal(a.Parameters.ToArray(), serial.Parameters.ToArray());
        var other = new LstmTrainer(Small with { Seed = 43 }).Fit(data, 12, 3);
        Assert.NotEqual(a.Parameters.ToArray(), other.Parameters.ToArray());
    }

    [Fact]
    public void Training_learns_a_marker_token_task_and_reports_history()
    {
        var train = MarkerTask(2, rows: 300);
        var valid = MarkerTask(3, rows: 100);
        var model = new LstmTrainer(Small with { MaxEpochs = 12, Patience = 12 }).Fit(train, 12, 3, valid);
        Assert.Equal(12, model.EpochsRun);
        Assert.All(model.History, r => Assert.NotNull(r.ValidationLoss));
        Assert.True(model.History[^1].TrainingLoss < 0.5 * model.History[0].TrainingLoss, string.Join(", ", model.History));
        int[] predicted = model.Predict(valid.TokenIds.ToArray(), valid.SequenceLength);
        double accuracy = predicted.Zip(valid.Labels.ToArray()).Count(p => p.First == p.Second) / (double)valid.Count;
        Assert.True(accuracy > 0.9, $"accuracy {accuracy}");
        double bestLoss = model.History.Min(r => r.ValidationLoss!.Value);
        Assert.Equal(bestLoss, model.History[model.BestEpoch - 1].ValidationLoss);
    }

    [Fact]
    public void Early_stopping_stops_after_patience_epochs_and_keeps_the_best_weights()
    {
        // Validation labels are the opposite of what training teaches, so validation loss rises from epoch 1 or 2.
        var train = MarkerTask(4, rows: 200, classes: 2);
        var shifted = MarkerTask(5, rows: 60, classes: 2);
        var valid = new TokenSequences(shifted.TokenIds.ToArray(), shifted.SequenceLength, shifted.Labels.ToArray().Select(y => 1 - y).ToArray(), shifted.SampleWeights.ToArray());
        var options = Small with { MaxEpochs = 20, Patience = 2 };
        var model = new LstmTrainer(options).Fit(train, 12, 2, valid);
        Assert.True(model.EpochsRun < 20);
        Assert.Equal(model.BestEpoch + options.Patience, model.EpochsRun);
        // The returned weights reproduce the best epoch's validation loss.
        var p = model.PredictProbabilities(valid.TokenIds.ToArray(), valid.SequenceLength);
        double loss = 0;
        for (int n = 0; n < valid.Count; n++) loss -= valid.SampleWeights[n] * Math.Log(p[n * 2 + valid.Labels[n]]);
        Assert.Equal(model.History[model.BestEpoch - 1].ValidationLoss!.Value, loss / valid.Count, 4);
    }

    [Fact]
    public void Single_sequence_prediction_equals_batch_prediction_for_masked_and_unmasked_models()
    {
        foreach (bool masked in new[] { false, true })
        {
            var data = MarkerTask(6, rows: 40);
            var model = new LstmTrainer(Small with { MaxEpochs = 1, MaskPadding = masked }).Fit(data, 12, 3);
            float[] batch = model.PredictProbabilities(data.TokenIds.ToArray(), data.SequenceLength);
            var one = new float[3];
            for (int n = 0; n < data.Count; n++)
            {
                model.PredictProbabilities(data.TokenIds.Slice(n * 6, 6), one);
                for (int k = 0; k < 3; k++) Assert.Equal(batch[n * 3 + k], one[k], 5);
                Assert.Equal(1f, one.Sum(), 5);
            }
        }
    }

    // One owner for the output-step rule: single-row prediction calls LstmNetwork.OutputStep and StepForward, as the batch does.
    [Theory]
    [InlineData(new[] { 0, 0, 0, 0, 0, 0 }, -1)]                                     // all padding: the head reads h = 0
    [InlineData(new[] { 4, SequenceEncoder.PaddingId, 7, 0, 0, 0 }, 2)]          // interior padding is read through
    [InlineData(new[] { SequenceEncoder.OovId, 5, 6, 7, 8, 9 }, 5)]
    public void Single_row_and_batch_share_the_output_step_even_for_all_padding_rows(int[] row, int maskedStep)
    {
        Assert.Equal(maskedStep, LstmNetwork.OutputStep(row, masked: true));
        Assert.Equal(row.Length - 1, LstmNetwork.OutputStep(row, masked: false));
        var model = new LstmTrainer(Small with { MaxEpochs = 1, MaskPadding = true }).Fit(MarkerTask(8, rows: 24), 12, 3);
        float[] batch = model.PredictProbabilities([.. row, 2, 3, 4, 0, 0, 0], 6);
        var one = new float[3];
        model.PredictProbabilities(row, one);
        for (int k = 0; k < 3; k++) Assert.Equal(batch[k], one[k], 5);
    }

    [Fact]
    public void Masked_model_ignores_trailing_padding_and_unmasked_model_does_not()
    {
        var data = MarkerTask(7, rows: 40);
        var masked = new LstmTrainer(Small with { MaxEpochs = 1, MaskPadding = true }).Fit(data, 12, 3);
        var plain = new LstmTrainer(Small with { MaxEpochs = 1 }).Fit(data, 12, 3);
        int[] shortRow = [5, 9, 3], padded = [5, 9, 3, 0, 0, 0, 0];
        var a = new float[3]; var b = new float[3];
        masked.PredictProbabilities(shortRow, a); masked.PredictProbabilities(padded, b);
        Assert.Equal(a, b);
        plain.PredictProbabilities(shortRow, a); plain.PredictProbabilities(padded, b);
        Assert.NotEqual(a, b);
    }

    [Property(MaxTest = 25)]
    public Property Batch_probabilities_do_not_depend_on_row_order_or_batch_composition()
    {
        var model = SharedModel.Value;
        var data = SharedData.Value;
        var perms = Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var idx = Enumerable.Range(0, data.Count).ToArray();
            new Random(seed).Shuffle(idx);
            return idx.Take(1 + seed % data.Count).ToArray();
        });
        float[] all = model.PredictProbabilities(data.TokenIds.ToArray(), data.SequenceLength);
        return Prop.ForAll(perms.ToArbitrary(), rows =>
        {
            int[] ids = rows.SelectMany(n => data.TokenIds.ToArray().Skip(n * 6).Take(6)).ToArray();
            float[] p = model.PredictProbabilities(ids, 6);
            for (int r = 0; r < rows.Length; r++)
                for (int k = 0; k < 3; k++) Assert.Equal(all[rows[r] * 3 + k], p[r * 3 + k], 6);
        });
    }

    private static readonly Lazy<TokenSequences> SharedData = new(() => MarkerTask(8, rows: 300));
    private static readonly Lazy<LstmModel> SharedModel = new(() => new LstmTrainer(Small with { MaxEpochs = 1 }).Fit(SharedData.Value, 12, 3));

    [Fact]
    public void Bad_inputs_give_specific_exceptions()
    {
        var data = MarkerTask(9, rows: 10);
        var trainer = new LstmTrainer(Small);
        Assert.Contains("outside [0, 8)", Assert.Throws<ArgumentException>(() => trainer.Fit(data, 8, 3)).Message);
        Assert.Contains("label", Assert.Throws<ArgumentException>(() => trainer.Fit(data, 12, 2)).Message);
        Assert.Throws<ArgumentException>(() => new TokenSequences(new int[10], 3, new int[3]));
        Assert.Throws<ArgumentException>(() => new TokenSequences(new int[6], 3, new int[2], [1f, -1f]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LstmTrainer(new LstmOptions { DropoutRate = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LstmTrainer(new LstmOptions { BatchSize = 0 }));
        var valid = new TokenSequences(new int[4 * 2], 4, [0, 1]);
        Assert.Contains("Validation rows have 4", Assert.Throws<ArgumentException>(() => trainer.Fit(data, 12, 3, valid)).Message);
        var model = new LstmTrainer(Small with { MaxEpochs = 1 }).Fit(data, 12, 3);
        Assert.Throws<ArgumentException>(() => model.PredictProbabilities([1, 2, 12], new float[3]));
        Assert.Throws<ArgumentException>(() => model.PredictProbabilities([1, 2], new float[2]));
        Assert.Throws<ArgumentException>(() => model.PredictProbabilities(ReadOnlySpan<int>.Empty, new float[3]));
    }

    [Fact]
    public void Initial_recurrent_weights_have_orthonormal_columns_and_forget_bias_one()
    {
        var L = new LstmLayout(V: 10, E: 6, H: 8, K: 3);
        var theta = new float[L.Count];
        LstmInitializer.Initialize(L, new SeededRandom(1), theta);
        int G = 4 * L.H, EH = L.InputWidth;
        for (int a = 0; a < L.H; a++)
            for (int b = 0; b < L.H; b++)
            {
                double dot = 0;
                for (int j = 0; j < G; j++) dot += theta[L.W + j * EH + L.E + a] * theta[L.W + j * EH + L.E + b];
                Assert.Equal(a == b ? 1.0 : 0.0, dot, 5);
            }
        Assert.All(theta.AsSpan(L.B, G).ToArray().Select((v, j) => (v, j)), x => Assert.Equal(x.j >= L.H && x.j < 2 * L.H ? 1f : 0f, x.v));
        Assert.All(theta.AsSpan(0, L.W).ToArray(), v => Assert.InRange(v, -0.05f, 0.05f));
        float limit = (float)Math.Sqrt(6.0 / (L.E + G));
        for (int j = 0; j < G; j++) Assert.All(theta.AsSpan(L.W + j * EH, L.E).ToArray(), v => Assert.InRange(v, -limit, limit));
    }

    [Fact]
    public void Model_rebuilt_from_its_parameters_predicts_the_same()
    {
        var data = MarkerTask(10, rows: 30);
        var model = new LstmTrainer(Small with { MaxEpochs = 1 }).Fit(data, 12, 3);
        var copy = LstmModel.Create(model.Layout, model.Parameters.ToArray(), model.MasksPadding, model.History, model.BestEpoch);
        Assert.Equal(model.PredictProbabilities(data.TokenIds.ToArray(), 6), copy.PredictProbabilities(data.TokenIds.ToArray(), 6));
        Assert.Equal(model.History, copy.History);
    }
}
