using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace AttackClassifier.Kernels;

/// <summary>
/// Numerically stable softmax and log-softmax. Never use <c>TensorPrimitives.SoftMax</c> on logits:
/// it exponentiates without subtracting the maximum, so a float logit of 89 already overflows to ∞ and yields NaN.
/// </summary>
internal static class Softmax
{
    /// <summary>Writes logP[k] = z[k] − log Σⱼ exp z[j] and returns log Σⱼ exp z[j] (the log-partition); float or double.</summary>
    /// <param name="z">Logits, (K), K ≥ 1.</param>
    /// <param name="logP">Receives log-probabilities, (K); may be the same span as <paramref name="z"/>.</param>
    /// <remarks>One routine for both models: LR's double rows and the LSTM's float head. K is a few dozen classes, so the
    /// partition sum is a plain loop (and z is read before logP is written, which keeps in-place use safe).</remarks>
    public static T LogSoftmax<T>(ReadOnlySpan<T> z, Span<T> logP) where T : IFloatingPointIeee754<T>
    {
        if (z.IsEmpty) throw new ArgumentException("Softmax needs at least one logit.", nameof(z));
        if (logP.Length != z.Length) throw new ArgumentException($"logP has length {logP.Length}; z has {z.Length}.", nameof(logP));
        T m = TensorPrimitives.Max(z);
        T sum = T.Zero;
        for (int k = 0; k < z.Length; k++) sum += T.Exp(z[k] - m);   // z − max z ≤ 0, so exp cannot overflow; the max term is 1, so sum ≥ 1
        T logZ = m + T.Log(sum);
        TensorPrimitives.Subtract(z, logZ, logP);                     // log pₖ = zₖ − log Σⱼ exp zⱼ
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
        Span<Vector<double>> v = MemoryMarshal.Cast<double, Vector<double>>(z);
        Vector<double> mv = v[0], check = v[0];
        for (int i = 1; i < v.Length; i++) { mv = Vector.Max(mv, v[i]); check += v[i]; }
        double m = mv[0];
        for (int l = 1; l < width; l++) m = Math.Max(m, mv[l]);
        if (!double.IsFinite(m) || double.IsNaN(Vector.Sum(check)))   // a NaN or +∞ logit (or no finite one): say so, don't hide it
        {
            z.Fill(double.NaN);
            return double.NaN;
        }
        var mb = new Vector<double>(m);
        var sum = Vector<double>.Zero;
        for (int i = 0; i < v.Length; i++)
        {
            var e = ExpNonPositive(v[i] - mb);   // z − max z ≤ 0, so exp cannot overflow; exp(−∞) = 0 for padding
            v[i] = e;
            sum += e;
        }
        double total = Vector.Sum(sum);      // ≥ 1: the max term contributes exp 0
        var scale = new Vector<double>(1.0 / total);
        for (int i = 0; i < v.Length; i++) v[i] *= scale;
        return m + Math.Log(total);
    }

    /// <summary>
    /// exp(x) for x ≤ 0, lane by lane, to within a few ulp; x &lt; −708 (including −∞) gives exactly 0 (the true value is
    /// below 3.1e-308, negligible beside the max term 1 of a softmax sum). On x86 .NET's <c>Vector256.Exp(double)</c> runs
    /// about as fast as scalar <c>Math.Exp</c> (~5 ns a value); this is several times faster, which matters because the
    /// training loss takes K exponentials per row.
    /// </summary>
    /// <remarks>
    /// Range reduction (Cody &amp; Waite): x = n ln 2 + r with n = round(x / ln 2), |r| ≤ ln 2 / 2, ln 2 split into a high
    /// part exact in 32 bits and a low correction so n·ln2Hi is exact. Then exp x = 2ⁿ · exp r, with exp r from its degree-12
    /// Taylor polynomial (Horner): the remainder |r|¹³/13! ≤ 0.347¹³/6.2e9 ≈ 1.7e-16 is below one ulp of exp r ∈ [0.7, 1.42].
    /// 2ⁿ is built from its bits ((n + 1023) &lt;&lt; 52), normal for n ≥ −1022, which x ≥ −708 guarantees.
    /// </remarks>
    internal static Vector<double> ExpNonPositive(Vector<double> x)
    {
        const double Log2E = 1.4426950408889634, Ln2Hi = 0.693145751953125, Ln2Lo = 1.42860682030941723212e-6;
        const double Shifter = 6755399441055744.0;   // 1.5·2⁵²: adding it rounds to an integer held in the low mantissa bits
        var underflow = Vector.LessThan(x, new Vector<double>(-708.0));
        var xc = Vector.Max(x, new Vector<double>(-708.0));
        var t = Vector.FusedMultiplyAdd(xc, new Vector<double>(Log2E), new Vector<double>(Shifter));
        var n = t - new Vector<double>(Shifter);                                   // round(x / ln 2), exact
        var r = Vector.FusedMultiplyAdd(n, new Vector<double>(-Ln2Hi), xc);       // r = x − n ln2Hi (exact)
        r = Vector.FusedMultiplyAdd(n, new Vector<double>(-Ln2Lo), r);            //   − n ln2Lo
        var p = new Vector<double>(1.0 / 479001600);                               // 1/12!
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 39916800));     // 1/11!
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 3628800));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 362880));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 40320));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 5040));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 720));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 120));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 24));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 6));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(0.5));
        p = Vector.FusedMultiplyAdd(p, r, Vector<double>.One);
        p = Vector.FusedMultiplyAdd(p, r, Vector<double>.One);                     // exp r ≈ Σ₀¹² rⁱ/i!
        var bits = Vector.AsVectorInt64(t) - Vector.AsVectorInt64(new Vector<double>(Shifter));   // n as an integer
        var twoN = Vector.AsVectorDouble(Vector.ShiftLeft(bits + new Vector<long>(1023), 52));    // 2ⁿ
        return Vector.ConditionalSelect(underflow, Vector<double>.Zero, p * twoN);
    }
}
