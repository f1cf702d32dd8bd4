using AttackClassifier.Optimization;

namespace AttackClassifier.Tests.Optimization;

/// <summary>A function given by a delegate, counting evaluations.</summary>
internal sealed class DelegateFunction(int dimension, Func<double[], double[], double> evaluate) : IDifferentiableFunction
{
    public int Dimension => dimension;
    public int Evaluations { get; private set; }

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        Evaluations++;
        var g = new double[dimension];
        double f = evaluate(theta.ToArray(), g);
        g.CopyTo(gradient);
        return f;
    }
}

/// <summary>Classic test functions (Moré, Garbow &amp; Hillstrom, "Testing unconstrained optimization software", 1981).</summary>
internal static class TestFunctions
{
    /// <summary>Extended Rosenbrock: Σᵢ 100 (x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)², n even; minimum 0 at (1, …, 1).</summary>
    public static DelegateFunction Rosenbrock(int n) => new(n, (x, g) =>
    {
        double f = 0;
        for (int i = 0; i < n; i += 2)
        {
            double t1 = x[i + 1] - x[i] * x[i], t2 = 1 - x[i];
            f += 100 * t1 * t1 + t2 * t2;
            g[i] = -400 * x[i] * t1 - 2 * t2;
            g[i + 1] = 200 * t1;
        }
        return f;
    });

    /// <summary>Beale: (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²; minimum 0 at (3, 0.5).</summary>
    public static DelegateFunction Beale() => new(2, (v, g) =>
    {
        double x = v[0], y = v[1];
        double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
        g[0] = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1);
        g[1] = 2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y;
        return a * a + b * b + c * c;
    });

    /// <summary>Booth: (x + 2y − 7)² + (2x + y − 5)²; minimum 0 at (1, 3).</summary>
    public static DelegateFunction Booth() => new(2, (v, g) =>
    {
        double a = v[0] + 2 * v[1] - 7, b = 2 * v[0] + v[1] - 5;
        g[0] = 2 * a + 4 * b;
        g[1] = 4 * a + 2 * b;
        return a * a + b * b;
    });

    /// <summary>Extended Powell singular function, n a multiple of 4; minimum 0 at the origin, where the Hessian is singular.</summary>
    public static DelegateFunction Powell(int n) => new(n, (x, g) =>
    {
        double f = 0;
        for (int i = 0; i < n; i += 4)
        {
            double a = x[i] + 10 * x[i + 1], b = x[i + 2] - x[i + 3], c = x[i + 1] - 2 * x[i + 2], d = x[i] - x[i + 3];
            f += a * a + 5 * b * b + c * c * c * c + 10 * d * d * d * d;
            g[i] = 2 * a + 40 * d * d * d;
            g[i + 1] = 20 * a + 4 * c * c * c;
            g[i + 2] = 10 * b - 8 * c * c * c;
            g[i + 3] = -10 * b - 40 * d * d * d;
        }
        return f;
    });

    /// <summary>½ xᵀAx − bᵀx with A symmetric positive definite (row-major n×n); minimum at A⁻¹b.</summary>
    public static DelegateFunction Quadratic(double[,] a, double[] b) => new(b.Length, (x, g) =>
    {
        int n = b.Length;
        double f = 0;
        for (int i = 0; i < n; i++)
        {
            double ax = 0;
            for (int j = 0; j < n; j++) ax += a[i, j] * x[j];
            g[i] = ax - b[i];
            f += 0.5 * x[i] * ax - b[i] * x[i];
        }
        return f;
    });
}
