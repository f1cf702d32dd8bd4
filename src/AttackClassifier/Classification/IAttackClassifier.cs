namespace AttackClassifier.Classification;

/// <summary>A trained classifier from raw command lines to ATT&amp;CK techniques. Implementations are immutable and thread-safe.</summary>
public interface IAttackClassifier
{
    /// <summary>The K techniques the classifier can predict, in class-index (ordinal) order.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>Writes p(technique k | command line) for every class k into <paramref name="probabilities"/> (length K).</summary>
    void PredictProbabilities(string commandLine, Span<double> probabilities);
}

/// <summary>A technique and its probability.</summary>
/// <param name="Technique">The technique label.</param>
/// <param name="Probability">Its predicted probability, in [0, 1].</param>
public readonly record struct TechniqueProbability(string Technique, double Probability);

/// <summary>The prediction for one command line: the most probable technique and the <c>top</c> most probable, best first.</summary>
/// <param name="Technique">The most probable technique.</param>
/// <param name="Probability">Its probability.</param>
/// <param name="Top">The most probable techniques, best first (ties by class order); the first is <paramref name="Technique"/>.</param>
public sealed record TechniquePrediction(string Technique, double Probability, IReadOnlyList<TechniqueProbability> Top);

/// <summary>An n-gram that pushed a prediction, and by how much (coefficient × feature value, a logit contribution).</summary>
/// <param name="Feature">The n-gram (word n-grams are tokens joined by one space).</param>
/// <param name="Weight">Its contribution to the class's logit.</param>
public readonly record struct Evidence(string Feature, double Weight);
