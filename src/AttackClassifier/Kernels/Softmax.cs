using System.Numerics;
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

    /// <summary>
    /// In-place softmax over whole SIMD vectors: z[k] ← exp(z[k] − m) / Σⱼ exp(z[j] − m), m = maxⱼ z[j]; returns log Σⱼ exp z[j].
    /// For the training loop, where K is padded to a multiple of <c>Vector&lt;double&gt;.Count</c> so no scalar tail is needed:
    /// padding entries set to −∞ get probability exactly 0 and do not change the result for the real entries.
    /// Five fused vector passes of <see cref="Probabilities(ReadOnlySpan{double}, Span{double})"/> become two.
    /// </summary>
    /// <param name="z">Logits on entry, probabilities on exit, (Kp) with Kp a positive multiple of <c>Vector&lt;double&gt;.Count</c>;
    /// at least one entry finite.</param>
    public static double ProbabilitiesInPlace(Span<double> z)
    {
        int width = Vector<double>.Count;
        if (z.IsEmpty || z.Length % width != 0)
            throw new ArgumentException($"z has length {z.Length}; it must be a positive multiple of the vector width {width}.", nameof(z));
        Span<Vector<double>> v = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector<double>>(z);
        var mv = v[0];
        for (int i = 1; i < v.Length; i++) mv = Vector.Max(mv, v[i]);
        double m = mv[0];
        for (int l = 1; l < width; l++) m = Math.Max(m, mv[l]);
        var mb = new Vector<double>(m);
        var sum = Vector<double>.Zero;
        for (int i = 0; i < v.Length; i++)
        {
            var e = Vector.Exp(v[i] - mb);   // z − max z ≤ 0, so exp cannot overflow; exp(−∞) = 0 for padding
            v[i] = e;
            sum += e;
        }
        double total = Vector.Sum(sum);      // ≥ 1: the max term contributes exp 0
        var scale = new Vector<double>(1.0 / total);
        for (int i = 0; i < v.Length; i++) v[i] *= scale;
        return m + Math.Log(total);
    }
}
