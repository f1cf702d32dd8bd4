namespace AttackClassifier.Models;

/// <summary>
/// Training ended without a model worth keeping: the objective or a loss became NaN or infinite, or the optimiser stopped on
/// a non-finite value. Thrown instead of returning parameters that were never fitted, so no caller can report success on them
/// or save them. The usual causes are extreme inputs — a huge C, sample weights near the limit of <see cref="double"/> — and
/// <see cref="Reason"/> names what went wrong and where.
/// </summary>
public sealed class TrainingFailedException : Exception
{
    /// <summary>Creates the exception; the message is <paramref name="reason"/>.</summary>
    /// <param name="reason">What went wrong, in words (e.g. "L-BFGS stopped on a non-finite objective at iteration 0 (f = ∞)").</param>
    public TrainingFailedException(string reason) : base(reason) => Reason = reason;

    /// <summary>What went wrong, in words.</summary>
    public string Reason { get; }
}
