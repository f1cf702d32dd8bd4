namespace AttackClassifier.Calibration;

/// <summary>
/// How a classifier's probabilities are calibrated and when it abstains. Stored in the model file; applied in every
/// probability the classifier returns.
/// </summary>
/// <param name="Temperature">T &gt; 0 of temperature scaling, p = softmax(z / T) (Guo et al. 2017, "On Calibration of Modern
/// Neural Networks", §4.2). T = 1 leaves the model's probabilities as trained; T &gt; 1 softens them. It never changes the
/// ranking of classes, so accuracy and every argmax metric are unchanged.</param>
/// <param name="AbstentionThreshold">The lowest calibrated top probability at which a prediction is answered; below it the
/// prediction's kind is <c>unknown</c> (it still carries its top classes). 0 = always answer.</param>
/// <param name="ThresholdRule">How <paramref name="AbstentionThreshold"/> was chosen, in words (shown by <c>info</c>).</param>
public sealed record ModelCalibration(double Temperature = 1.0, double AbstentionThreshold = 0.0, string ThresholdRule = "none")
{
    /// <summary>No calibration: T = 1, never abstain.</summary>
    public static ModelCalibration None { get; } = new();

    /// <summary>Checks the values (a model file or a caller may hand anything in).</summary>
    /// <exception cref="ArgumentOutOfRangeException">T not finite and positive, or the threshold outside [0, 1].</exception>
    public ModelCalibration Validated()
    {
        if (!(double.IsFinite(Temperature) && Temperature > 0))
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "The temperature must be finite and > 0.");
        if (!(AbstentionThreshold >= 0 && AbstentionThreshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(AbstentionThreshold), AbstentionThreshold, "The abstention threshold must lie in [0, 1].");
        ArgumentNullException.ThrowIfNull(ThresholdRule);
        return this;
    }
}
