using System.Diagnostics;
using System.Runtime.CompilerServices;
using AttackClassifier.Data;
using AttackClassifier.Randomness;

namespace AttackClassifier.Models.Lstm;

/// <summary>
/// Trains the Embedding → LSTM → Dropout → Dense classifier with Keras's Adam on Keras's weighted loss
/// (Σₙ sₙ·lossₙ / batch rows), reshuffling the rows every epoch from the seed, with early stopping on validation loss.
/// </summary>
/// <remarks>
/// Early stopping: after each epoch the validation loss is compared with the best so far (strictly lower counts as better);
/// after <see cref="LstmOptions.Patience"/> epochs without improvement training stops. The returned model always has the
/// best epoch's weights — also when training ran all epochs, where TF 2 Keras's <c>restore_best_weights</c> kept the last.
/// Without validation data every epoch runs and the last weights are kept.
/// The result depends only on the options' seed and the data: batches are split into fixed 16-row chunks whose
/// gradients are summed in order, so the core count does not change a single bit.
/// </remarks>
public sealed class LstmTrainer
{
    internal const int RowsPerChunk = 16;

    /// <summary>Creates a trainer; null options mean the defaults.</summary>
    public LstmTrainer(LstmOptions? options = null)
    {
        Options = options ?? new LstmOptions();
        Options.Validate();
    }

    /// <summary>The hyper-parameters.</summary>
    public LstmOptions Options { get; }

    /// <summary>Fits a model.</summary>
    /// <param name="training">Training rows.</param>
    /// <param name="vocabularySize">V: token ids are in [0, V).</param>
    /// <param name="classCount">K: labels are in [0, K).</param>
    /// <param name="validation">Rows for early stopping (same sequence length), or null.</param>
    /// <param name="progress">Receives a report after every batch, or null.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public LstmModel Fit(TokenSequences training, int vocabularySize, int classCount, TokenSequences? validation = null,
                         IProgress<LstmProgress>? progress = null, CancellationToken cancellationToken = default)
        => Fit(training, vocabularySize, classCount, validation, progress, cancellationToken, initialParameters: null);

    /// <summary>As the public <c>Fit</c>, starting from <paramref name="initialParameters"/> (the layout's θ, copied) instead of
    /// the seeded initialisation when given: a fine-tune. The seed still drives dropout and shuffling.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal LstmModel Fit(TokenSequences training, int vocabularySize, int classCount, TokenSequences? validation,
                           IProgress<LstmProgress>? progress, CancellationToken cancellationToken, float[]? initialParameters)
    {
        ArgumentNullException.ThrowIfNull(training);
        var L = new LstmLayout(vocabularySize, Options.EmbeddingSize, Options.HiddenSize, classCount);
        L.Validate();
        if (training.Count == 0) throw new ArgumentException("There are no training rows.", nameof(training));
        training.Validate(vocabularySize, classCount, nameof(training));
        if (validation is not null)
        {
            if (validation.SequenceLength != training.SequenceLength)
                throw new ArgumentException($"Validation rows have {validation.SequenceLength} ids, training rows {training.SequenceLength}.", nameof(validation));
            if (validation.Count == 0) throw new ArgumentException("The validation set is empty.", nameof(validation));
            validation.Validate(vocabularySize, classCount, nameof(validation));
        }

        int N = training.Count, T = training.SequenceLength, Bmax = Math.Min(Options.BatchSize, N);
        var rng = new SeededRandom(Options.Seed);
        var theta = new float[L.Count];
        LstmInitializer.Initialize(L, rng, theta);   // drawn even for a fine-tune, so dropout and shuffling see the same stream
        if (initialParameters is not null)
        {
            if (initialParameters.Length != L.Count) throw new ArgumentException($"initialParameters has {initialParameters.Length} entries; the layout needs {L.Count}.", nameof(initialParameters));
            initialParameters.CopyTo(theta, 0);
        }
        var gradient = new float[L.Count];
        var adam = new KerasAdam(L.Count, Options.LearningRate, Options.Beta1, Options.Beta2, Options.Epsilon) { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism };
        var engine = new LstmBatchEngine<float>(L, T, Math.Max(Bmax, validation is null ? 1 : Math.Min(Options.BatchSize, validation.Count)), RowsPerChunk, Options.MaskPadding)
        {
            MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism,
        };
        var order = Enumerable.Range(0, N).ToArray();
        var tokens = new int[Bmax * T];
        var labels = new int[Bmax];
        var weights = new float[Bmax];
        var keep = new float[Options.DropoutRate > 0 ? Bmax * L.H : 0];
        float keptValue = (float)(1 / (1 - Options.DropoutRate));
        int batchCount = (N + Bmax - 1) / Bmax;

        var history = new List<LstmEpochRecord>();
        float[]? best = null;
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0, wait = 0;
        for (int epoch = 1; epoch <= Options.MaxEpochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            rng.Shuffle(order.AsSpan());
            double lossSum = 0;
            for (int batch = 0; batch < batchCount; batch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int first = batch * Bmax, rows = Math.Min(Bmax, N - first);
                for (int r = 0; r < rows; r++)
                {
                    int n = order[first + r];
                    training.TokenIds.Slice(n * T, T).CopyTo(tokens.AsSpan(r * T));
                    labels[r] = training.Labels[n];
                    weights[r] = training.SampleWeights[n];
                }
                for (int j = 0; j < rows * L.H && keep.Length > 0; j++) keep[j] = rng.NextDouble() < Options.DropoutRate ? 0f : keptValue;
                lossSum += engine.LossAndGradient(theta, tokens, labels, weights, keep.Length > 0 ? keep.AsMemory(0, rows * L.H) : ReadOnlyMemory<float>.Empty, rows, gradient);
                adam.Update(theta, gradient);
                progress?.Report(new LstmProgress(epoch, batch + 1, batchCount, null));
            }

            double? validationLoss = validation is null ? null : MeanLoss(engine, theta, validation);
            // A non-finite loss means θ has left float range (or the weights overflow): every later epoch would train on it.
            if (!double.IsFinite(lossSum) || validationLoss is double vl && !double.IsFinite(vl))
                throw new TrainingFailedException($"epoch {epoch}: the {(double.IsFinite(lossSum) ? "validation" : "training")} loss is " +
                    $"{(double.IsFinite(lossSum) ? validationLoss : lossSum / N):G6}; the sample weights or the learning rate are too large for float precision.");
            var record = new LstmEpochRecord(epoch, lossSum / N, validationLoss, clock.Elapsed.TotalSeconds);
            history.Add(record);
            progress?.Report(new LstmProgress(epoch, batchCount, batchCount, record));
            if (validationLoss is not double v) { bestEpoch = epoch; continue; }
            if (v < bestLoss)
            {
                (bestLoss, bestEpoch, wait) = (v, epoch, 0);
                best = (float[])theta.Clone();
            }
            else if (++wait >= Options.Patience) break;
        }
        return new LstmModel(L, best ?? theta, Options.MaskPadding, history, bestEpoch);
    }

    // Σₙ sₙ·lossₙ / N, dropout off, in batches the engine can hold.
    private static double MeanLoss(LstmBatchEngine<float> engine, float[] theta, TokenSequences data)
    {
        int T = data.SequenceLength, B = engine.MaxRows;
        var logP = new float[B * engine.Layout.K];
        double sum = 0;
        for (int first = 0; first < data.Count; first += B)
        {
            int rows = Math.Min(B, data.Count - first);
            sum += engine.Forward(theta, data.TokenIdMemory.Slice(first * T, rows * T), data.LabelMemory.Slice(first, rows), data.SampleWeightMemory.Slice(first, rows), rows, logP);
        }
        return sum / data.Count;
    }
}
