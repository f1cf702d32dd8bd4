using AttackClassifier.Attack;
using AttackClassifier.Calibration;

namespace AttackClassifier.Classification;

/// <summary>A trained classifier from raw command lines to ATT&amp;CK techniques. Implementations are immutable and thread-safe.</summary>
public interface IAttackClassifier
{
    /// <summary>The K classes the classifier can predict, in class-index (ordinal) order.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>The temperature applied to every probability and the default abstention threshold.</summary>
    ModelCalibration Calibration { get; }

    /// <summary>Writes calibrated p(class k | command line) for every class k into <paramref name="probabilities"/> (length K).</summary>
    void PredictProbabilities(string commandLine, Span<double> probabilities);

    /// <summary>The same classifier with another calibration (the model itself is shared, not copied).</summary>
    IAttackClassifier WithCalibration(ModelCalibration calibration);
}

/// <summary>One class and its calibrated probability, resolved against the ATT&amp;CK catalog.</summary>
/// <param name="Label">The trained class label, e.g. <c>T1003: OS Credential Dumping</c>, <c>Normal</c>, <c>Z999: …</c>.</param>
/// <param name="Kind"><see cref="LabelKind.Technique"/>, <see cref="LabelKind.Benign"/> or <see cref="LabelKind.Other"/>.</param>
/// <param name="Technique">The catalog's technique for a technique label, else null.</param>
/// <param name="Probability">Its calibrated probability, in [0, 1].</param>
public sealed record ClassProbability(string Label, LabelKind Kind, AttackTechnique? Technique, double Probability)
{
    /// <summary>The technique's ID (<c>T1003</c>), or null when the class is not a technique.</summary>
    public string? TechniqueId => Technique?.Id;

    /// <summary>The catalog's name of the technique (<c>OS Credential Dumping</c>), or null.</summary>
    public string? TechniqueName => Technique?.Name;

    /// <summary>The technique's tactics in kill-chain order (empty when the class is not a technique).</summary>
    public IReadOnlyList<AttackTactic> Tactics => Technique?.Tactics ?? [];
}

/// <summary>A tactic and its probability: the sum of the probabilities of the classes whose technique serves it.</summary>
/// <param name="Tactic">The tactic.</param>
/// <param name="Probability">p(tactic) = Σ p(class) over the classes whose technique lists the tactic. A technique under two
/// tactics counts for both, so the tactic probabilities of one prediction can sum to more than 1; each is ≤ 1.</param>
public readonly record struct TacticProbability(AttackTactic Tactic, double Probability);

/// <summary>
/// The prediction for one command line. The top-level fields are the decision: the most probable class, or
/// <see cref="LabelKind.Unknown"/> when its calibrated probability is below the abstention threshold — then
/// <see cref="Technique"/> is null, and <see cref="Label"/> and <see cref="Top"/> still say what the model leaned to.
/// </summary>
/// <param name="Label">The most probable class's label.</param>
/// <param name="Kind">Its kind, or <see cref="LabelKind.Unknown"/> when the model abstains.</param>
/// <param name="Technique">The decided technique (null for benign, other and unknown).</param>
/// <param name="Probability">The most probable class's calibrated probability.</param>
/// <param name="Top">The most probable classes, best first (ties by class order); the first is <paramref name="Label"/>.</param>
/// <param name="TopTactics">The most probable tactics, best first (at most 3; ties in kill-chain order; only tactics with p &gt; 0).</param>
public sealed record Prediction(string Label, LabelKind Kind, AttackTechnique? Technique, double Probability,
                                IReadOnlyList<ClassProbability> Top, IReadOnlyList<TacticProbability> TopTactics)
{
    /// <summary>The decided technique's ID, or null.</summary>
    public string? TechniqueId => Technique?.Id;

    /// <summary>The catalog's name of the decided technique, or null.</summary>
    public string? TechniqueName => Technique?.Name;

    /// <summary>The decided technique's tactics in kill-chain order (empty when there is no decided technique).</summary>
    public IReadOnlyList<AttackTactic> Tactics => Technique?.Tactics ?? [];
}

/// <summary>An n-gram that pushed a prediction, and by how much (coefficient × feature value, a logit contribution).</summary>
/// <param name="Feature">The n-gram (word n-grams are tokens joined by one space).</param>
/// <param name="Weight">Its contribution to the class's logit.</param>
public readonly record struct Evidence(string Feature, double Weight);
