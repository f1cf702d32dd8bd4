namespace AttackClassifier.Calibration;

/// <summary>
/// Temperature scaling (Guo et al. 2017, §4.2): one scalar T &gt; 0 divides every logit, p = softmax(z / T). Applied to a
/// probability vector it is p'ₖ = pₖ^(1/T) / Σⱼ pⱼ^(1/T), because log pₖ = zₖ − log Σ exp z differs from zₖ by a constant
/// per row — so it serves any classifier that returns probabilities, LR and LSTM alike.
/// Fitting minimises the count-weighted negative log-likelihood on held-out rows over β = 1/T:
///   NLL(β) = Σₙ sₙ [ log Σₖ exp(β ℓₙₖ) − β ℓₙ,yₙ ],   ℓ = log p,
///   dNLL/dβ = Σₙ sₙ [ Σₖ qₙₖ ℓₙₖ − ℓₙ,yₙ ],   q = softmax(β ℓ).
/// NLL is convex in β (a log-sum-exp of linear functions minus a linear one), so its derivative is non-decreasing and a
/// bisection on its sign finds the minimiser.
/// </summary>
internal static class TemperatureScaling
{
    private const double MinBeta = 1e-3, MaxBeta = 1e3;   // T in [0.001, 1000]: wider than any useful calibration

    /// <summary>p ← softmax(log p / T) in place (p a probability vector). T = 1 is a no-op.</summary>
    internal static void Apply(Span<double> p, double temperature)
    {
        if (temperature == 1.0) return;
        double beta = 1.0 / temperature, max = double.NegativeInfinity;
        for (int k = 0; k < p.Length; k++)
        {
            p[k] = beta * Math.Log(p[k]);                 // log 0 = −∞ stays −∞: a zero probability stays zero
            if (p[k] > max) max = p[k];
        }
        double sum = 0;
        for (int k = 0; k < p.Length; k++) sum += p[k] = Math.Exp(p[k] - max);   // shift by the max: exp cannot overflow
        for (int k = 0; k < p.Length; k++) p[k] /= sum;
    }

    /// <summary>
    /// The T minimising the weighted NLL of rows <paramref name="logP"/> (N, K) row-major with labels <paramref name="y"/>
    /// and weights <paramref name="s"/>; 1 when the rows carry no weight.
    /// </summary>
    internal static double Fit(ReadOnlySpan<double> logP, int classCount, ReadOnlySpan<int> y, ReadOnlySpan<double> s)
    {
        int n = y.Length;
        if (logP.Length != n * classCount || s.Length != n) throw new ArgumentException("logP must be (N, K) and s (N).");
        double total = 0;
        foreach (double w in s) total += w;
        if (!(total > 0)) return 1.0;
        double lo = MinBeta, hi = MaxBeta;
        if (Derivative(logP, classCount, y, s, lo) >= 0) return 1.0 / lo;
        if (Derivative(logP, classCount, y, s, hi) <= 0) return 1.0 / hi;
        for (int iteration = 0; iteration < 200 && hi - lo > 1e-12 * hi; iteration++)
        {
            double mid = Math.Sqrt(lo * hi);                  // bisect in log β: T spans six orders of magnitude
            if (Derivative(logP, classCount, y, s, mid) > 0) hi = mid; else lo = mid;
        }
        return 1.0 / Math.Sqrt(lo * hi);
    }

    /// <summary>Weighted NLL at β (for tests and diagnostics).</summary>
    internal static double NegativeLogLikelihood(ReadOnlySpan<double> logP, int classCount, ReadOnlySpan<int> y, ReadOnlySpan<double> s, double beta)
    {
        double nll = 0;
        for (int i = 0; i < y.Length; i++)
        {
            ReadOnlySpan<double> l = logP.Slice(i * classCount, classCount);
            nll += s[i] * (LogSumExp(l, beta) - beta * l[y[i]]);
        }
        return nll;
    }

    private static double Derivative(ReadOnlySpan<double> logP, int classCount, ReadOnlySpan<int> y, ReadOnlySpan<double> s, double beta)
    {
        double d = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (s[i] == 0) continue;
            ReadOnlySpan<double> l = logP.Slice(i * classCount, classCount);
            double logZ = LogSumExp(l, beta), expected = 0;
            for (int k = 0; k < classCount; k++)
                if (!double.IsNegativeInfinity(l[k])) expected += Math.Exp(beta * l[k] - logZ) * l[k];   // Σₖ qₖ ℓₖ (0·−∞ := 0)
            d += s[i] * (expected - l[y[i]]);
        }
        return d;
    }

    private static double LogSumExp(ReadOnlySpan<double> l, double beta)
    {
        double max = double.NegativeInfinity;
        foreach (double v in l) max = Math.Max(max, beta * v);
        double sum = 0;
        foreach (double v in l) sum += Math.Exp(beta * v - max);
        return max + Math.Log(sum);
    }
}
