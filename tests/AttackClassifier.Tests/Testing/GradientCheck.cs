using AttackClassifier.Optimization;

namespace AttackClassifier.Tests.Testing;

/// <summary>Finite-difference checks of an <see cref="IDifferentiableFunction"/>'s gradient (STYLE §9).</summary>
internal static class GradientCheck
{
    /// <summary>(f(θ + h u) − f(θ − h u)) / 2h, the directional derivative along u to O(h²).</summary>
    public static double CentralDifference(IDifferentiableFunction f, ReadOnlySpan<double> theta, ReadOnlySpan<double> u, double h)
    {
        var plus = new double[theta.Length];
        var minus = new double[theta.Length];
        for (int i = 0; i < theta.Length; i++)
        {
            plus[i] = theta[i] + h * u[i];
            minus[i] = theta[i] - h * u[i];
        }
        var scratch = new double[theta.Length];
        return (f.Evaluate(plus, scratch) - f.Evaluate(minus, scratch)) / (2 * h);
    }

    /// <summary>|a − b| / max(|a|, |b|, 1e-8): relative, but absolute near zero.</summary>
    public static double RelativeError(double a, double b) => Math.Abs(a - b) / Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), 1e-8);
}
