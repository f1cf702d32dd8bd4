namespace AttackClassifier.Review;

/// <summary>How <see cref="ReviewQueue"/> ranks commands for an analyst's look (uncertainty sampling; Settles,
/// <i>Active Learning Literature Survey</i>, 2009, §3.1). p₁ ≥ p₂ are the two largest class probabilities.</summary>
public enum SelectionStrategy
{
    /// <summary>Smallest margin p₁ − p₂ first: the model hesitates between two classes.</summary>
    Margin,

    /// <summary>Largest entropy H(p) = −Σₖ pₖ ln pₖ first: the probability mass is spread over many classes.</summary>
    Entropy,

    /// <summary>Largest 1 − p₁ first: the least confident top prediction.</summary>
    LeastConfident,

    /// <summary>Uniformly random order from the seed: the baseline every other strategy is measured against.</summary>
    Random,
}

/// <summary>
/// The uncertainty of one prediction as a number where larger means "show it to the analyst sooner", so every strategy
/// ranks by the same rule (descending, ties by first occurrence):
/// <code>
/// Margin          u = 1 − (p₁ − p₂)          ∈ [0, 1]
/// Entropy         u = −Σₖ pₖ ln pₖ  (0 ln 0 = 0) ∈ [0, ln K]
/// LeastConfident  u = 1 − p₁                 ∈ [0, 1 − 1/K]
/// </code>
/// Random is not a function of p: <see cref="ReviewQueue"/> draws its keys from the seed.
/// </summary>
internal static class Uncertainty
{
    /// <summary>u for <paramref name="strategy"/> (not <see cref="SelectionStrategy.Random"/>) from the probabilities p, (K), K ≥ 2.</summary>
    internal static double Score(SelectionStrategy strategy, ReadOnlySpan<double> p)
    {
        if (p.Length < 2) throw new ArgumentException($"p has {p.Length} entries; uncertainty needs at least 2 classes.", nameof(p));
        switch (strategy)
        {
            case SelectionStrategy.Margin:
            {
                var (p1, p2) = TopTwo(p);
                return 1.0 - (p1 - p2);
            }
            case SelectionStrategy.Entropy:
            {
                double h = 0;
                foreach (double pk in p)
                    if (pk > 0) h -= pk * Math.Log(pk);   // lim p→0 of p ln p is 0: zero classes add nothing
                return h;
            }
            case SelectionStrategy.LeastConfident:
                return 1.0 - TopTwo(p).P1;
            default:
                throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Random has no uncertainty score; its order comes from the seed.");
        }
    }

    // The two largest entries, p₁ ≥ p₂ (equal when the top is tied).
    private static (double P1, double P2) TopTwo(ReadOnlySpan<double> p)
    {
        double p1 = double.NegativeInfinity, p2 = double.NegativeInfinity;
        foreach (double pk in p)
        {
            if (pk > p1) (p1, p2) = (pk, p1);
            else if (pk > p2) p2 = pk;
        }
        return (p1, p2);
    }
}
