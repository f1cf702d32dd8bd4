using AttackClassifier.Models.Lstm;

namespace AttackClassifier.Models.Sequence;

/// <summary>Hyper-parameters of the bidirectional LSTM session tagger and its Adam training.</summary>
internal sealed record BiLstmTaggerOptions
{
    /// <summary>H, the state width of each direction (the head reads 2H). Default 32; sane range 8–256.</summary>
    public int HiddenSize { get; init; } = 32;

    /// <summary>Adam step size (lr). Default 1e-3 (Keras's, as the command LSTM); typical range 1e-4–1e-2.</summary>
    public double LearningRate { get; init; } = KerasAdam.DefaultLearningRate;

    /// <summary>Adam β₁, decay of the first-moment estimate. Default 0.9; range [0, 1).</summary>
    public double Beta1 { get; init; } = KerasAdam.DefaultBeta1;

    /// <summary>Adam β₂, decay of the second-moment estimate. Default 0.999; range [0, 1).</summary>
    public double Beta2 { get; init; } = KerasAdam.DefaultBeta2;

    /// <summary>Adam ε, added to the uncorrected √v as Keras does (see <c>KerasAdam</c>). Default 1e-7; must be positive.</summary>
    public double Epsilon { get; init; } = KerasAdam.DefaultEpsilon;

    /// <summary>Sessions per gradient step. Default 32; at least 1.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Maximum number of passes over the training sessions. Default 30; at least 1.</summary>
    public int MaxEpochs { get; init; } = 30;

    /// <summary>Epochs without a lower validation loss before training stops (only with validation data). Default 3; at least 1.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>Seed of the initial weights and the per-epoch shuffles. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Most threads used for one batch; −1 means all cores. Does not change the result. Default −1.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HiddenSize);
        KerasAdam.Validate(LearningRate, Beta1, Beta2, Epsilon);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEpochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Patience);
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use −1 (all cores) or a positive count.");
    }
}

/// <summary>One training epoch's figures.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainingLoss">Σ sₜ·lossₜ / M over the epoch's labelled statements (M their count), in nats, as the batches saw it.</param>
/// <param name="ValidationLoss">The same on the validation sessions after the epoch; null without validation data.</param>
/// <param name="Seconds">Wall-clock seconds for the epoch, validation included (not saved: the model file stays byte-identical).</param>
internal sealed record BiLstmTaggerEpoch(int Epoch, double TrainingLoss, double? ValidationLoss, double Seconds);

/// <summary>Training progress, reported after every batch.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Batch">Batches finished in this epoch.</param>
/// <param name="BatchCount">Batches per epoch.</param>
/// <param name="CompletedEpoch">The epoch's record once its last batch and validation are done; otherwise null.</param>
internal sealed record BiLstmTaggerProgress(int Epoch, int Batch, int BatchCount, BiLstmTaggerEpoch? CompletedEpoch);
