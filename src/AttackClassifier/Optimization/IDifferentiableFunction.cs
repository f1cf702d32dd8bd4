namespace AttackClassifier.Optimization;

/// <summary>
/// A smooth objective f: ℝⁿ → ℝ that returns its value and gradient at the same point from one call
/// (scikit-learn's <c>loss_gradient</c>, liblbfgs's <c>evaluate</c>). No hidden state between calls:
/// the value depends only on <c>theta</c>.
/// </summary>
internal interface IDifferentiableFunction
{
    /// <summary>n, the number of parameters.</summary>
    int Dimension { get; }

    /// <summary>Returns f(θ) and overwrites <paramref name="gradient"/> with ∇f(θ).</summary>
    /// <param name="theta">θ, length <see cref="Dimension"/>.</param>
    /// <param name="gradient">Receives ∇f(θ), length <see cref="Dimension"/>.</param>
    double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient);
}

/// <summary>c·f(θ): rescales an objective without moving its minimiser (used to hand L-BFGS a well-scaled problem).</summary>
internal sealed class ScaledFunction(IDifferentiableFunction inner, double scale) : IDifferentiableFunction
{
    public int Dimension => inner.Dimension;

    public double Scale => scale;

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double f = inner.Evaluate(theta, gradient);
        System.Numerics.Tensors.TensorPrimitives.Multiply(gradient, scale, gradient);   // ∇(c f) = c ∇f
        return scale * f;
    }
}
