using AttackClassifier.Models.Lstm;
using AttackClassifier.Randomness;
using System.Diagnostics;

namespace AttackClassifier.Models.Sequence;

internal sealed partial class BiLstmTagger
{
    /// <summary>
    /// Trains a tagger with Adam (Keras's form, <see cref="KerasAdam"/>) on mini-batches of whole sessions, shuffled every
    /// epoch from the seed, with early stopping on the validation loss.
    /// </summary>
    /// <remarks>
    /// Initial weights, drawn from one stream seeded by <see cref="BiLstmTaggerOptions.Seed"/>: each direction as the command
    /// LSTM's layer (<see cref="LstmInitializer.InitializeLayer"/>: Glorot-uniform wx, orthogonal wh, forget bias 1), F first,
    /// then wy Glorot-uniform on (2H, C), by = 0. Early stopping: after each epoch the validation loss is compared with the
    /// best so far (strictly lower counts); after <see cref="BiLstmTaggerOptions.Patience"/> epochs without improvement training
    /// stops, and the model keeps the best epoch's weights. Without validation data every epoch runs and the last weights are kept.
    /// Each batch's sessions are ordered by length (then index) before they are cut into fixed chunks of
    /// <see cref="SessionsPerChunk"/>, so sessions of similar length share a chunk and padding stays small; chunk gradients
    /// are summed in chunk order, so the result depends only on the data and the seed, not on the number of cores.
    /// </remarks>
    /// <param name="training">Training sessions.</param>
    /// <param name="validation">Sessions for early stopping (same F and class labels), or null.</param>
    /// <param name="options">Hyper-parameters; null means the defaults.</param>
    /// <param name="progress">Receives a report after every batch, or null.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public static BiLstmTagger Fit(TaggedSequences training, TaggedSequences? validation, BiLstmTaggerOptions? options = null,
                                   IProgress<BiLstmTaggerProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        options ??= new BiLstmTaggerOptions();
        options.Validate();
        var L = new BiLstmTaggerLayout(training.FeatureCount, options.HiddenSize, training.ClassLabels.Count);
        L.Validate();
        SessionArrays<float> data = training.Arrays;
        int N = training.Count;
        if (N == 0 || BiLstmTaggerEngine<float>.LabelledCount(data, Enumerable.Range(0, N).ToArray()) == 0)
            throw new ArgumentException("There are no labelled training statements.", nameof(training));
        if (validation is not null)
        {
            if (validation.FeatureCount != training.FeatureCount)
                throw new ArgumentException($"Validation statements have {validation.FeatureCount} features, training statements {training.FeatureCount}.", nameof(validation));
            if (!validation.ClassLabels.SequenceEqual(training.ClassLabels, StringComparer.Ordinal))
                throw new ArgumentException("Validation and training sessions name different classes (or in a different order).", nameof(validation));
            if (validation.Count == 0 || BiLstmTaggerEngine<float>.LabelledCount(validation.Arrays, Enumerable.Range(0, validation.Count).ToArray()) == 0)
                throw new ArgumentException("There are no labelled validation statements.", nameof(validation));
        }

        int Bmax = Math.Min(options.BatchSize, N);
        var rng = new SeededRandom(options.Seed);
        float[] theta = InitialParameters(L, rng);
        var gradient = new float[L.Count];
        var adam = new KerasAdam(L.Count, options.LearningRate, options.Beta1, options.Beta2, options.Epsilon) { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var engine = new BiLstmTaggerEngine<float>(L, SessionsPerChunk, Math.Max(Bmax, validation is null ? 1 : Math.Min(options.BatchSize, validation.Count)))
        {
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
        };
        var order = Enumerable.Range(0, N).ToArray();
        var batch = new int[Bmax];
        int batchCount = (N + Bmax - 1) / Bmax;
        Comparison<int> byLength = (a, b) => training.Length(a) != training.Length(b) ? training.Length(a).CompareTo(training.Length(b)) : a.CompareTo(b);

        var history = new List<BiLstmTaggerEpoch>();
        float[]? best = null;
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0, wait = 0;
        for (int epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            rng.Shuffle(order.AsSpan());
            double lossSum = 0;
            long labelled = 0;
            for (int b = 0; b < batchCount; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int first = b * Bmax, rows = Math.Min(Bmax, N - first);
                order.AsSpan(first, rows).CopyTo(batch);
                batch.AsSpan(0, rows).Sort(byLength);
                int m = BiLstmTaggerEngine<float>.LabelledCount(data, batch.AsSpan(0, rows));
                if (m > 0)   // a batch without labels has nothing to learn from: no Adam step
                {
                    lossSum += engine.LossAndGradient(theta, data, batch.AsMemory(0, rows), gradient);
                    labelled += m;
                    adam.Update(theta, gradient);
                }
                progress?.Report(new BiLstmTaggerProgress(epoch, b + 1, batchCount, null));
            }

            double? validationLoss = validation is null ? null : MeanLoss(engine, theta, validation);
            var record = new BiLstmTaggerEpoch(epoch, lossSum / labelled, validationLoss, clock.Elapsed.TotalSeconds);
            history.Add(record);
            progress?.Report(new BiLstmTaggerProgress(epoch, batchCount, batchCount, record));
            if (validationLoss is not double v) { bestEpoch = epoch; continue; }
            if (v < bestLoss)
            {
                (bestLoss, bestEpoch, wait) = (v, epoch, 0);
                best = (float[])theta.Clone();
            }
            else if (++wait >= options.Patience) break;
        }
        return new BiLstmTagger(L, best ?? theta, training.ClassLabels, history, bestEpoch);
    }

    /// <summary>θ before training: each direction as the command LSTM's layer, F first, then wy Glorot-uniform on (2H, C), by = 0.</summary>
    internal static float[] InitialParameters(BiLstmTaggerLayout L, SeededRandom rng)
    {
        var theta = new float[L.Count];
        LstmInitializer.InitializeLayer(L.F, L.H, rng, theta.AsSpan(L.WForward, 4 * L.H * L.InputWidth), theta.AsSpan(L.BForward, 4 * L.H));
        LstmInitializer.InitializeLayer(L.F, L.H, rng, theta.AsSpan(L.WBackward, 4 * L.H * L.InputWidth), theta.AsSpan(L.BBackward, 4 * L.H));
        LstmInitializer.GlorotUniform(rng, 2 * L.H, L.C, theta.AsSpan(L.Wy, 2 * L.H * L.C));
        return theta;
    }

    // Σ sₜ·lossₜ / M over all labelled statements of data, in batches the engine can hold.
    internal static double MeanLoss(BiLstmTaggerEngine<float> engine, float[] theta, TaggedSequences data)
    {
        SessionArrays<float> arrays = data.Arrays;
        int[] all = Enumerable.Range(0, data.Count).ToArray();
        double sum = 0;
        for (int first = 0; first < all.Length; first += engine.MaxSessions)
            sum += engine.Forward(theta, arrays, all.AsMemory(first, Math.Min(engine.MaxSessions, all.Length - first)), null);
        return sum / BiLstmTaggerEngine<float>.LabelledCount(arrays, all);
    }
}
