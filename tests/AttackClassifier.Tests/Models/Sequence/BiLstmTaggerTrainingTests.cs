using AttackClassifier.Models.Sequence;
using AttackClassifier.Serialization;
using Xunit.Abstractions;

namespace AttackClassifier.Tests.Models.Sequence;

/// <summary>Training, prediction and the model file of the session tagger.</summary>
public class BiLstmTaggerTrainingTests(ITestOutputHelper output)
{
    private const int Symbols = 4;
    private static readonly string[] Classes = ["next-a", "next-b", "next-c", "next-d", "end"];

    /// <summary>
    /// Sessions of 3–12 statements; statement t shows its symbol (one-hot over 4, plus Gaussian noise of σ 0.1) and is
    /// labelled with the symbol of statement t + 1, or "end" for the last. Symbols are drawn independently, so nothing in a
    /// statement says anything about its label: only the backward direction (the statement after it) does.
    /// </summary>
    private static (TaggedSequences Data, int[][] Symbols) NextSymbolTask(int sessions, int seed)
    {
        var rng = new Random(seed);
        var vectors = new List<float[][]>();
        var labels = new List<int[]>();
        var symbols = new List<int[]>();
        for (int s = 0; s < sessions; s++)
        {
            int T = rng.Next(3, 13);
            int[] sym = Enumerable.Range(0, T).Select(_ => rng.Next(Symbols)).ToArray();
            vectors.Add(sym.Select(k => Enumerable.Range(0, Symbols).Select(j => (j == k ? 1f : 0f) + (float)(0.1 * Gaussian(rng))).ToArray()).ToArray());
            labels.Add(Enumerable.Range(0, T).Select(t => t + 1 < T ? sym[t + 1] : Symbols).ToArray());
            symbols.Add(sym);
        }
        return (TaggedSequences.FromSessions(vectors, labels, Classes), symbols.ToArray());
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    // One core: on a loaded machine every batch's Parallel.For waits for a scheduler slot, which dominates these tiny batches.
    private static BiLstmTaggerOptions Quick(int seed = 5, int maxDegreeOfParallelism = 1) => new()
    {
        HiddenSize = 16, LearningRate = 1e-2, BatchSize = 16, MaxEpochs = 25, Patience = 3, Seed = seed, MaxDegreeOfParallelism = maxDegreeOfParallelism,
    };

    private static int ArgMax(float[] p) => Array.IndexOf(p, p.Max());

    [Fact]
    public void Learns_a_label_that_only_the_next_statement_reveals_which_no_per_statement_classifier_can()
    {
        var (train, _) = NextSymbolTask(400, seed: 1);
        var (valid, _) = NextSymbolTask(100, seed: 2);
        var (test, testSymbols) = NextSymbolTask(200, seed: 3);
        BiLstmTagger tagger = BiLstmTagger.Fit(train, valid, Quick());

        int correct = 0, S = test.StatementCount;
        for (int s = 0; s < test.Count; s++)
        {
            float[][] session = Enumerable.Range(test.Starts[s], test.Length(s)).Select(r => test.Features.AsSpan(r * Symbols, Symbols).ToArray()).ToArray();
            float[][] p = tagger.Predict(session);
            for (int t = 0; t < p.Length; t++) if (ArgMax(p[t]) == test.Labels[test.Starts[s] + t]) correct++;
        }
        double bidirectional = (double)correct / S;

        // The best any per-statement classifier can do here: its input carries only the statement's own symbol (the noise is
        // independent of everything), so the Bayes rule is the majority training label for each symbol.
        int[] statementSymbol = new int[train.StatementCount];
        for (int r = 0; r < train.StatementCount; r++) statementSymbol[r] = ArgMax(train.Features.AsSpan(r * Symbols, Symbols).ToArray());
        int[] majority = Enumerable.Range(0, Symbols)
            .Select(k => Enumerable.Range(0, train.StatementCount).Where(r => statementSymbol[r] == k).GroupBy(r => train.Labels[r])
                                   .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key).ToArray();
        int perStatementCorrect = 0;
        for (int s = 0; s < test.Count; s++)
            for (int t = 0; t < test.Length(s); t++) if (majority[testSymbols[s][t]] == test.Labels[test.Starts[s] + t]) perStatementCorrect++;
        double perStatement = (double)perStatementCorrect / S;

        output.WriteLine($"bidirectional LSTM {bidirectional:F3}, best per-statement classifier {perStatement:F3}, epochs {tagger.History.Count}, best {tagger.BestEpoch}, training {tagger.History.Sum(e => e.Seconds):F1} s (epochs: {string.Join(" ", tagger.History.Select(e => e.Seconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))})");
        Assert.True(bidirectional >= 0.95, $"the tagger reached only {bidirectional:F3}");
        Assert.True(perStatement <= 0.35, $"the per-statement baseline reached {perStatement:F3}");
    }

    [Fact]
    public void Same_data_and_seed_give_identical_weights_and_model_bytes_whatever_the_core_count()
    {
        var (train, _) = NextSymbolTask(60, seed: 4);
        var (valid, _) = NextSymbolTask(20, seed: 5);
        BiLstmTaggerOptions few = Quick() with { MaxEpochs = 3 };
        BiLstmTagger a = BiLstmTagger.Fit(train, valid, few with { MaxDegreeOfParallelism = 1 });
        BiLstmTagger b = BiLstmTagger.Fit(train, valid, few with { MaxDegreeOfParallelism = -1 });
        BiLstmTagger other = BiLstmTagger.Fit(train, valid, few with { Seed = 6 });
        Assert.True(a.Parameters.SequenceEqual(b.Parameters));
        Assert.Equal(Bytes(a), Bytes(b));
        Assert.False(a.Parameters.SequenceEqual(other.Parameters));
    }

    // The tagger's block of a model payload.
    private static byte[] Bytes(BiLstmTagger tagger)
    {
        var w = new PayloadWriter();
        tagger.Write(w);
        return w.Payload.ToArray();
    }

    private static BiLstmTagger Read(byte[] block, string source, IReadOnlyList<string>? labels = null)
    {
        var r = new PayloadReader(block, source);
        BiLstmTagger tagger = BiLstmTagger.Read(r, labels ?? Classes);
        r.EnsureEnd();
        return tagger;
    }

    [Fact]
    public void Write_then_read_gives_the_same_probabilities_and_batch_prediction_matches_one_session_at_a_time()
    {
        var (train, _) = NextSymbolTask(40, seed: 7);
        BiLstmTagger tagger = BiLstmTagger.Fit(train, null, Quick() with { MaxEpochs = 2 });
        BiLstmTagger loaded = Read(Bytes(tagger), "tagger.acm");
        Assert.Equal(tagger.ClassLabels, loaded.ClassLabels);
        Assert.Equal(tagger.BestEpoch, loaded.BestEpoch);
        Assert.True(tagger.Parameters.SequenceEqual(loaded.Parameters));

        float[] batch = loaded.PredictProbabilities(train.Features, train.Starts);
        for (int s = 0; s < train.Count; s++)
        {
            var one = new float[train.Length(s) * Classes.Length];
            tagger.PredictProbabilities(train.Features.AsSpan(train.Starts[s] * Symbols, train.Length(s) * Symbols), one);
            for (int i = 0; i < one.Length; i++)
                Assert.True(Math.Abs(one[i] - batch[train.Starts[s] * Classes.Length + i]) < 1e-6, $"session {s}, entry {i}: {one[i]} vs {batch[train.Starts[s] * Classes.Length + i]}");
            for (int t = 0; t < train.Length(s); t++) Assert.Equal(1.0, one.Skip(t * Classes.Length).Take(Classes.Length).Sum(), 1e-5);
        }
    }

    [Fact]
    public void Early_stopping_keeps_the_weights_of_the_epoch_with_the_lowest_validation_loss()
    {
        var (train, _) = NextSymbolTask(40, seed: 10);
        var (valid, _) = NextSymbolTask(15, seed: 11);
        // A large step overshoots, so the validation loss stops improving well before MaxEpochs.
        BiLstmTagger tagger = BiLstmTagger.Fit(train, valid, Quick() with { LearningRate = 0.2, MaxEpochs = 40, Patience = 2 });
        double[] losses = tagger.History.Select(e => e.ValidationLoss!.Value).ToArray();
        output.WriteLine(string.Join(", ", losses.Select(v => v.ToString("F4", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.True(tagger.History.Count < 40, "training should have stopped early");
        Assert.Equal(Array.IndexOf(losses, losses.Min()) + 1, tagger.BestEpoch);
        Assert.Equal(tagger.History.Count, tagger.BestEpoch + 2);   // stopped after Patience epochs without improvement
        var engine = new BiLstmTaggerEngine<float>(tagger.Layout, BiLstmTagger.SessionsPerChunk, valid.Count);
        Assert.Equal(losses.Min(), BiLstmTagger.MeanLoss(engine, tagger.Parameters.ToArray(), valid), 12);
    }

    [Fact]
    public void Validation_sessions_must_match_the_training_features_and_classes()
    {
        float[][] two = [[1f, 0f], [0f, 1f]];
        var train = TaggedSequences.FromSessions([two], [[0, 1]], ["a", "b"]);
        var otherClasses = TaggedSequences.FromSessions([two], [[0, 1]], ["b", "a"]);
        var otherWidth = TaggedSequences.FromSessions([[[1f], [0f]]], [[0, 1]], ["a", "b"]);
        Assert.Contains("different classes", Assert.Throws<ArgumentException>(() => BiLstmTagger.Fit(train, otherClasses)).Message);
        Assert.Contains("1 features, training statements 2", Assert.Throws<ArgumentException>(() => BiLstmTagger.Fit(train, otherWidth)).Message);
    }

    [Fact]
    public void Concurrent_predictions_give_the_same_probabilities_as_sequential_ones()
    {
        var (train, _) = NextSymbolTask(64, seed: 9);
        BiLstmTagger tagger = BiLstmTagger.Fit(train, null, Quick() with { MaxEpochs = 1 });
        float[][] Session(int s) => Enumerable.Range(train.Starts[s], train.Length(s)).Select(r => train.Features.AsSpan(r * Symbols, Symbols).ToArray()).ToArray();
        float[][][] sequential = Enumerable.Range(0, train.Count).Select(s => tagger.Predict(Session(s))).ToArray();
        var concurrent = new float[train.Count][][];
        Parallel.For(0, 4 * train.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => concurrent[i % train.Count] = tagger.Predict(Session(i % train.Count)));
        for (int s = 0; s < train.Count; s++)
            for (int t = 0; t < sequential[s].Length; t++) Assert.Equal(sequential[s][t], concurrent[s][t]);
    }

    [Fact]
    public void A_damaged_or_mismatched_block_fails_with_a_message_naming_the_source()
    {
        var (train, _) = NextSymbolTask(10, seed: 8);
        byte[] bytes = Bytes(BiLstmTagger.Fit(train, null, Quick() with { MaxEpochs = 1 }));
        Assert.Contains("t.acm: invalid model payload", Assert.Throws<ModelFormatException>(() => Read(bytes[..^40], "t.acm")).Message);
        Assert.Contains("5 classes for 2 labels", Assert.Throws<ModelFormatException>(() => Read(bytes, "k.acm", ["a", "b"])).Message);
        byte[] huge = (byte[])bytes.Clone();
        BitConverter.TryWriteBytes(huge.AsSpan(4), 1 << 20);   // H
        Assert.Contains("outside the sizes", Assert.Throws<ModelFormatException>(() => Read(huge, "h.acm")).Message);
        byte[] nan = (byte[])bytes.Clone();
        BitConverter.TryWriteBytes(nan.AsSpan(nan.Length - 4), float.NaN);   // the last parameter
        Assert.Contains("not finite", Assert.Throws<ModelFormatException>(() => Read(nan, "n.acm")).Message);
    }

    [Fact]
    public void Bad_input_is_an_error_naming_the_session_statement_and_field()
    {
        float[][] ok = [[1f, 0f], [0f, 1f]];
        var nan = Assert.Throws<ArgumentException>(() => TaggedSequences.FromSessions([ok, [[1f, float.NaN]]], [[0, 1], [0]], ["a", "b"]));
        Assert.Contains("session 1, statement 0: feature 1 is NaN", nan.Message);
        var label = Assert.Throws<ArgumentException>(() => TaggedSequences.FromSessions([ok], [[0, 2]], ["a", "b"]));
        Assert.Contains("session 0, statement 1: label 2", label.Message);
        var width = Assert.Throws<ArgumentException>(() => TaggedSequences.FromSessions([ok, [[1f]]], [[0, 1], [0]], ["a", "b"]));
        Assert.Contains("Session 1, statement 0 has 1 features", width.Message);
        Assert.Throws<ArgumentException>(() => TaggedSequences.FromSessions([ok, []], [[0, 1], []], ["a", "b"]));

        BiLstmTagger tagger = BiLstmTagger.Fit(TaggedSequences.FromSessions([ok], [[0, 1]], ["a", "b"]), null, Quick() with { MaxEpochs = 1 });
        Assert.Contains("Statement 1 has 3 features", Assert.Throws<ArgumentException>(() => tagger.Predict([[1f, 0f], [1f, 2f, 3f]])).Message);
        Assert.Contains("Statement 0, feature 1 is Infinity", Assert.Throws<ArgumentException>(() => tagger.Predict([[1f, float.PositiveInfinity]])).Message);
        var unlabelled = TaggedSequences.FromSessions([ok], [[-1, -1]], ["a", "b"]);
        Assert.Contains("no labelled training statements", Assert.Throws<ArgumentException>(() => BiLstmTagger.Fit(unlabelled, null)).Message);
    }
}
