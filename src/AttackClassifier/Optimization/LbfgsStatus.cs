namespace AttackClassifier.Optimization;

/// <summary>Why an L-BFGS run stopped.</summary>
public enum LbfgsStatus
{
    /// <summary>Converged: the largest absolute gradient entry fell to <see cref="LbfgsOptions.GradientTolerance"/> or below.</summary>
    ConvergedGradient,

    /// <summary>Converged: the relative objective decrease of the last step fell to <see cref="LbfgsOptions.RelativeDecreaseTolerance"/> or below (scipy's <c>factr</c> rule).</summary>
    ConvergedRelativeDecrease,

    /// <summary>Stopped after <see cref="LbfgsOptions.MaxIterations"/> accepted steps; the point is the last iterate, not a certified minimum.</summary>
    MaxIterations,

    /// <summary>Stopped after <see cref="LbfgsOptions.MaxEvaluations"/> objective evaluations; the point is the last accepted iterate.</summary>
    MaxEvaluations,

    /// <summary>The line search found no step meeting the strong Wolfe conditions; the point is the last accepted iterate.
    /// Near the optimum this is usually rounding noise in f; far from it, often an inaccurate gradient.</summary>
    LineSearchFailed,

    /// <summary>The search direction was not a descent direction (dᵀ∇f ≥ 0; a NaN or infinite dᵀ∇f is <see cref="NonFiniteValue"/>). This almost always means the gradient does not
    /// match the objective. (Pairs without positive curvature are never stored, so H stays positive definite and, with exact
    /// arithmetic, dᵀ∇f &lt; 0; in practice this status signals overflow in the direction. A gradient that is merely wrong
    /// usually ends in <see cref="LineSearchFailed"/>.)</summary>
    NotADescentDirection,

    /// <summary>The objective, its gradient or the search direction was NaN or infinite and no finite step could be found; the point is the last finite iterate (the start if the start itself was not finite).</summary>
    NonFiniteValue,
}
