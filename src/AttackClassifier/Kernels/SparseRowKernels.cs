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
