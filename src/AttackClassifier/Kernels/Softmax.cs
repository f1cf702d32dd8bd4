using System.Numerics.Tensors;

namespace AttackClassifier.Kernels;

/// <summary>
/// Numerically stable softmax and log-softmax. Never use <c>TensorPrimitives.SoftMax</c> on logits:
/// it exponentiates without subtracting the maximum, so a float logit of 89 already overflows to ∞ and yields NaN.
/// </summary>
internal static class Softmax
{
    /// <summary>Writes logP[k] = z[k] − log Σⱼ exp z[j] and returns log Σⱼ exp z[j] (the log-partition).</summary>
    /// <param name="z">Logits, (K), K ≥ 1.</param>
    /// <param name="logP">Receives log-probabilities, (K); may be the same span as <paramref name="z"/>.</param>
    public static double LogSoftmax(ReadOnlySpan<double> z, Span<double> logP)
    {
        if (z.IsEmpty) throw new ArgumentException("Softmax needs at least one logit.", nameof(z));
        if (logP.Length != z.Length) throw new ArgumentException($"logP has length {logP.Length}; z has {z.Length}.", nameof(logP));
        double m = TensorPrimitives.Max(z);
        double sum = 0;
        for (int k = 0; k < z.Length; k++) sum += Math.Exp(z[k] - m);   // z − max z ≤ 0, so exp cannot overflow; the max term is 1, so sum ≥ 1
        double logZ = m + Math.Log(sum);
        TensorPrimitives.Subtract(z, logZ, logP);                         // log pₖ = zₖ − log Σⱼ exp zⱼ
        return logZ;
    }

    /// <summary>Writes p[k] = exp z[k] / Σⱼ exp z[j] and returns log Σⱼ exp z[j].</summary>
    /// <param name="z">Logits, (K), K ≥ 1.</param>
    /// <param name="p">Receives probabilities, (K); may be the same span as <paramref name="z"/>.</param>
    public static double Probabilities(ReadOnlySpan<double> z, Span<double> p)
    {
        if (z.IsEmpty) throw new ArgumentException("Softmax needs at least one logit.", nameof(z));
        if (p.Length != z.Length) throw new ArgumentException($"p has length {p.Length}; z has {z.Length}.", nameof(p));
        double m = TensorPrimitives.Max(z);
        TensorPrimitives.Subtract(z, m, p);          // p = z − max z ≤ 0
        TensorPrimitives.Exp(p, p);                  // p = exp(z − max z) ∈ (0, 1]
        double sum = TensorPrimitives.Sum<double>(p);
        TensorPrimitives.Multiply(p, 1.0 / sum, p);  // pₖ = exp(zₖ − m) / Σⱼ exp(zⱼ − m)
        return m + Math.Log(sum);
    }

    /// <summary>Float version of <see cref="LogSoftmax(ReadOnlySpan{double}, Span{double})"/>: writes log softmax(z) into logP
    /// and returns log Σ exp z. The partition sum is accumulated in double.</summary>
    /// <param name="z">Logits, (K), K ≥ 1.</param>
    /// <param name="logP">Receives log-probabilities, (K); may be the same span as <paramref name="z"/>.</param>
    public static float LogSoftmax(ReadOnlySpan<float> z, Span<float> logP)
    {
        if (z.IsEmpty) throw new ArgumentException("Softmax needs at least one logit.", nameof(z));
        if (logP.Length != z.Length) throw new ArgumentException($"logP has length {logP.Length}; z has {z.Length}.", nameof(logP));
        float m = TensorPrimitives.Max(z);
        double sum = 0;
        for (int k = 0; k < z.Length; k++) sum += Math.Exp(z[k] - m);
        float logZ = (float)(m + Math.Log(sum));
        TensorPrimitives.Subtract(z, logZ, logP);
        return logZ;
    }
}
