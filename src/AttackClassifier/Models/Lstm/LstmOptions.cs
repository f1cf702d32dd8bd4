namespace AttackClassifier.Models.Lstm;

/// <summary>
/// Hyper-parameters of the Embedding → LSTM → Dropout → Dense classifier and its Adam training.
/// Defaults are the study's Keras model and Keras's defaults.
/// </summary>
public sealed record LstmOptions
{
    /// <summary>E, the embedding width (values per token). Default 100; sane range 8–512.</summary>
    public int EmbeddingSize { get; init; } = 100;

    /// <summary>H, the LSTM state width. Default 64; sane range 8–512.</summary>
    public int HiddenSize { get; init; } = 64;

    /// <summary>Fraction of the LSTM's output units zeroed during training (inverted dropout). Default 0.5; range [0, 1).</summary>
    public double DropoutRate { get; init; } = 0.5;

    /// <summary>Adam step size (lr). Default 1e-3; typical range 1e-4–1e-2.</summary>
    public double LearningRate { get; init; } = KerasAdam.DefaultLearningRate;

    /// <summary>Adam β₁, decay of the first-moment estimate. Default 0.9; range [0, 1).</summary>
    public double Beta1 { get; init; } = KerasAdam.DefaultBeta1;

    /// <summary>Adam β₂, decay of the second-moment estimate. Default 0.999; range [0, 1).</summary>
    public double Beta2 { get; init; } = KerasAdam.DefaultBeta2;

    /// <summary>Adam ε, added to the uncorrected √v as Keras does. Default 1e-7; must be positive.</summary>
    public double Epsilon { get; init; } = KerasAdam.DefaultEpsilon;

    /// <summary>Rows per gradient step. Default 32; at least 1.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Maximum number of passes over the training rows. Default 10; at least 1.</summary>
    public int MaxEpochs { get; init; } = 10;

    /// <summary>Epochs without a lower validation loss before training stops (only with validation data). Default 3; at least 1.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>Seed of the initial weights, per-epoch shuffles and dropout masks. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// When true the classifier reads the LSTM state at each row's last non-padding token (id ≠ 0), like Keras's
    /// <c>mask_zero=True</c> with post-padding; when false (the study's setup) padding is fed through the LSTM. Default false.
    /// <see cref="Classification.LstmClassifier"/> refuses masking with pre-padding, where Keras skips the leading padding
    /// steps and this network would not.
    /// </summary>
    public bool MaskPadding { get; init; }

    /// <summary>Most threads used for one batch; −1 means all cores. Does not change the result. Default −1.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EmbeddingSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HiddenSize);
        if (!(DropoutRate >= 0 && DropoutRate < 1)) throw new ArgumentOutOfRangeException(nameof(DropoutRate), DropoutRate, "Dropout rate must be in [0, 1).");
        KerasAdam.Validate(LearningRate, Beta1, Beta2, Epsilon);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEpochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Patience);
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use −1 (all cores) or a positive count.");
    }
}

/// <summary>One training epoch's figures.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainingLoss">Σₙ sₙ·lossₙ / N over the epoch's batches, with dropout active (what Keras reports as <c>loss</c>), in nats.</param>
/// <param name="ValidationLoss">Σₙ sₙ·lossₙ / N on the validation rows after the epoch, dropout off; null without validation data.</param>
/// <param name="Seconds">Wall-clock seconds for the epoch, validation included; NaN for a model loaded from a model file of
/// format version 3 or later, which keeps no wall-clock times (so the same data and seed give byte-identical files).</param>
public sealed record LstmEpochRecord(int Epoch, double TrainingLoss, double? ValidationLoss, double Seconds);

/// <summary>Training progress, reported after every batch.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Batch">Batches finished in this epoch.</param>
/// <param name="BatchCount">Batches per epoch.</param>
/// <param name="CompletedEpoch">The epoch's record once its last batch and validation are done; otherwise null.</param>
public sealed record LstmProgress(int Epoch, int Batch, int BatchCount, LstmEpochRecord? CompletedEpoch);
