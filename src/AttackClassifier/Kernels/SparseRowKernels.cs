using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AttackClassifier.Kernels;

/// <summary>Length-Kp kernels for the padded rows of the softmax cross-entropy loss (<c>Models/LogisticRegression/SoftmaxCrossEntropyLoss.cs</c>): whole SIMD vectors, no tail.</summary>
internal static class SparseRowKernels
{
    /// <summary>y[i] += a · x[i] for i in [0, Kp). Kp must be a multiple of <c>Vector&lt;double&gt;.Count</c> and x, y the same length.
    /// (TensorPrimitives.MultiplyAdd does the same for any length, with call and tail overhead that dominates at K ≈ 30.)</summary>
    /// <param name="x">(Kp).</param>
    /// <param name="a">Scalar multiplier.</param>
    /// <param name="y">(Kp), accumulated into.</param>
    public static void MultiplyAdd(ReadOnlySpan<double> x, double a, Span<double> y)
    {
        ReadOnlySpan<Vector<double>> xv = MemoryMarshal.Cast<double, Vector<double>>(x);
        Span<Vector<double>> yv = MemoryMarshal.Cast<double, Vector<double>>(y);
        if (xv.Length != yv.Length || xv.Length * Vector<double>.Count != x.Length)
            throw new ArgumentException($"x ({x.Length}) and y ({y.Length}) must have one length, a multiple of {Vector<double>.Count}.");
        var av = new Vector<double>(a);
        for (int i = 0; i < xv.Length; i++) yv[i] = Vector.FusedMultiplyAdd(xv[i], av, yv[i]);
    }

    /// <summary>Forward of a sparse row: z[k] += Σₑ values[e] · w[columns[e]·Kp + k] for k in [0, Kp).</summary>
    /// <param name="w">(D', Kp) row-major; every column index must be below D' = w.Length / Kp.</param>
    /// <param name="kp">Kp, a multiple of <c>Vector&lt;double&gt;.Count</c>.</param>
    /// <param name="columns">The row's feature indices.</param>
    /// <param name="values">Their values.</param>
    /// <param name="z">(Kp), accumulated into.</param>
    public static void GatherMultiplyAdd(ReadOnlySpan<double> w, int kp, ReadOnlySpan<int> columns, ReadOnlySpan<double> values, Span<double> z)
    {
        CheckShapes(w.Length, kp, columns.Length, values.Length, z.Length);
        uint rows = (uint)(w.Length / kp);
        int vectors = kp / Vector<double>.Count;
        ref Vector<double> zv = ref Unsafe.As<double, Vector<double>>(ref MemoryMarshal.GetReference(z));
        ref double w0 = ref MemoryMarshal.GetReference(w);
        for (int e = 0; e < columns.Length; e++)
        {
            int j = columns[e];
            if ((uint)j >= rows) throw new ArgumentOutOfRangeException(nameof(columns), j, $"Feature index outside [0, {rows}).");
            // Unchecked from here: j < D' and Kp = vectors · width were checked, so row j lies inside w.
            ref Vector<double> wj = ref Unsafe.As<double, Vector<double>>(ref Unsafe.Add(ref w0, j * kp));
            var x = new Vector<double>(values[e]);
            for (int i = 0; i < vectors; i++)
                Unsafe.Add(ref zv, i) = Vector.FusedMultiplyAdd(Unsafe.Add(ref wj, i), x, Unsafe.Add(ref zv, i));   // z += xⱼ w[j,:]
        }
    }

    /// <summary>Forward of a sparse row over an unpadded (D, K) matrix: z[k] = (z[k] + values[e] · w[columns[e]·K + k]) for e in
    /// order, k in [0, K); each term rounded as a product, then a sum (not fused), so z is bit for bit what one
    /// <c>TensorPrimitives.MultiplyAdd</c> per non-zero gives — without that call's dispatch and tail handling per non-zero,
    /// which cost more than the arithmetic at K ≈ 50 (prediction's hot loop).</summary>
    /// <param name="w">(D, K) row-major; every column index must be below D = w.Length / K.</param>
    /// <param name="k">K ≥ 1.</param>
    /// <param name="columns">The row's feature indices.</param>
    /// <param name="values">Their values.</param>
    /// <param name="z">(K), accumulated into.</param>
    public static void GatherMultiplyAddUnpadded(ReadOnlySpan<double> w, int k, ReadOnlySpan<int> columns, ReadOnlySpan<double> values, Span<double> z)
    {
        if (k < 1 || w.Length % k != 0 || z.Length != k) throw new ArgumentException($"K = {k} must be ≥ 1, the matrix length {w.Length} a multiple of K and z ({z.Length}) of length K.");
        if (columns.Length != values.Length) throw new ArgumentException($"columns ({columns.Length}) and values ({values.Length}) differ in length.");
        uint rows = (uint)(w.Length / k);
        int width = Vector<double>.Count, whole = k - k % width;
        ref double z0 = ref MemoryMarshal.GetReference(z);
        ref double w0 = ref MemoryMarshal.GetReference(w);
        for (int e = 0; e < columns.Length; e++)
        {
            int j = columns[e];
            if ((uint)j >= rows) throw new ArgumentOutOfRangeException(nameof(columns), j, $"Feature index outside [0, {rows}).");
            // Unchecked from here: j < D, so row j = w[j·K .. j·K + K) lies inside w, and z has K entries.
            ref double wj = ref Unsafe.Add(ref w0, (nint)j * k);
            double x = values[e];
            var xv = new Vector<double>(x);
            int i = 0;
            for (; i < whole; i += width)
            {
                ref double zi = ref Unsafe.Add(ref z0, i);
                Vector.StoreUnsafe(Vector.LoadUnsafe(ref zi) + Vector.LoadUnsafe(ref Unsafe.Add(ref wj, i)) * xv, ref zi);   // z += xⱼ w[j,:]
            }
            for (; i < k; i++) Unsafe.Add(ref z0, i) += Unsafe.Add(ref wj, i) * x;   // scalar tail
        }
    }

    /// <summary>Backward of a sparse row: dw[columns[e]·Kp + k] += a · values[e] · dz[k] for every e and k in [0, Kp).</summary>
    /// <param name="dz">(Kp) upstream gradient of the row's logits (before the scale a).</param>
    /// <param name="a">Scale applied to dz (C·sₙ in the loss).</param>
    /// <param name="columns">The row's feature indices.</param>
    /// <param name="values">Their values.</param>
    /// <param name="dw">(D', Kp) row-major, accumulated into.</param>
    /// <param name="kp">Kp, a multiple of <c>Vector&lt;double&gt;.Count</c>.</param>
    public static void ScatterMultiplyAdd(ReadOnlySpan<double> dz, double a, ReadOnlySpan<int> columns, ReadOnlySpan<double> values, Span<double> dw, int kp)
    {
        CheckShapes(dw.Length, kp, columns.Length, values.Length, dz.Length);
        uint rows = (uint)(dw.Length / kp);
        int vectors = kp / Vector<double>.Count;
        ref Vector<double> dzv = ref Unsafe.As<double, Vector<double>>(ref MemoryMarshal.GetReference(dz));
        ref double dw0 = ref MemoryMarshal.GetReference(dw);
        for (int e = 0; e < columns.Length; e++)
        {
            int j = columns[e];
            if ((uint)j >= rows) throw new ArgumentOutOfRangeException(nameof(columns), j, $"Feature index outside [0, {rows}).");
            ref Vector<double> dwj = ref Unsafe.As<double, Vector<double>>(ref Unsafe.Add(ref dw0, j * kp));
            var x = new Vector<double>(a * values[e]);
            for (int i = 0; i < vectors; i++)
                Unsafe.Add(ref dwj, i) = Vector.FusedMultiplyAdd(Unsafe.Add(ref dzv, i), x, Unsafe.Add(ref dwj, i));   // dw[j,:] += a xⱼ dz
        }
    }

    private static void CheckShapes(int matrixLength, int kp, int columns, int values, int rowLength)
    {
        if (kp <= 0 || kp % Vector<double>.Count != 0 || matrixLength % kp != 0 || rowLength != kp)
            throw new ArgumentException($"Kp = {kp} must be a positive multiple of {Vector<double>.Count}, the matrix length {matrixLength} a multiple of Kp and the row length {rowLength} equal to Kp.");
        if (columns != values) throw new ArgumentException($"columns ({columns}) and values ({values}) differ in length.");
    }
}
