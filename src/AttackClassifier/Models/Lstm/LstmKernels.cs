using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AttackClassifier.Models.Lstm;

/// <summary>
/// Span kernels for the LSTM: the dense matrix product behind every gate pre-activation and weight gradient,
/// a transpose, and a stable log-softmax. Each has a plain scalar reference beside it for tests.
/// </summary>
internal static class LstmKernels
{
    private const int Mr = 4;     // rows of C per micro-tile
    private const int Kc = 128;   // depth block: a 128 × 16 panel of B (8 KB) stays in L1 while all row tiles use it

    /// <summary>
    /// Matrix multiply-accumulate: c[i·ldc + j] += Σₚ A(i, p) · b[p·ldb + j] for i &lt; m, j &lt; n, p &lt; k,
    /// where A(i, p) = a[i·aRowStride + p·aDepthStride]. With (aRowStride, aDepthStride) = (lda, 1) this is C += A B;
    /// with (1, lda) it is C += Aᵀ B for A stored (k, lda) — the weight-gradient product.
    /// </summary>
    /// <remarks>
    /// float runs a register-tiled kernel (4 rows × 16 columns of C in eight Vector256 accumulators, fused
    /// multiply-add, depth blocked by 128); other types use <see cref="MultiplyAccumulateNaive{T}"/>.
    /// </remarks>
    internal static void MultiplyAccumulate<T>(int m, int n, int k, ReadOnlySpan<T> a, int aRowStride, int aDepthStride,
                                               ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc)
        where T : unmanaged, INumber<T>
    {
        CheckShapes(m, n, k, a.Length, aRowStride, aDepthStride, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0 || k == 0) return;
        if (typeof(T) == typeof(float) && Vector256.IsHardwareAccelerated)
            MultiplyAccumulateTiled(m, n, k, MemoryMarshal.Cast<T, float>(a), aRowStride, aDepthStride,
                                    MemoryMarshal.Cast<T, float>(b), ldb, MemoryMarshal.Cast<T, float>(c), ldc);
        else
            MultiplyAccumulateNaive(m, n, k, a, aRowStride, aDepthStride, b, ldb, c, ldc);
    }

    /// <summary>The triple loop that <see cref="MultiplyAccumulate{T}"/> must reproduce (test and benchmark baseline).</summary>
    internal static void MultiplyAccumulateNaive<T>(int m, int n, int k, ReadOnlySpan<T> a, int aRowStride, int aDepthStride,
                                                    ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc)
        where T : unmanaged, INumber<T>
    {
        CheckShapes(m, n, k, a.Length, aRowStride, aDepthStride, b.Length, ldb, c.Length, ldc);
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++)
            {
                T aip = a[i * aRowStride + p * aDepthStride];
                for (int j = 0; j < n; j++) c[i * ldc + j] += aip * b[p * ldb + j];
            }
    }

    private static void CheckShapes(int m, int n, int k, int aLength, int aRowStride, int aDepthStride, int bLength, int ldb, int cLength, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (aRowStride < 0 || aDepthStride < 0) throw new ArgumentOutOfRangeException(nameof(aRowStride), "Strides cannot be negative.");
        if (ldb < n) throw new ArgumentOutOfRangeException(nameof(ldb), ldb, $"The row stride of B must be at least n = {n}.");
        if (ldc < n) throw new ArgumentOutOfRangeException(nameof(ldc), ldc, $"The row stride of C must be at least n = {n}.");
        if (m == 0 || n == 0 || k == 0) return;
        if ((long)(m - 1) * aRowStride + (long)(k - 1) * aDepthStride >= aLength) throw new ArgumentException($"A is too short for a {m}×{k} operand with strides ({aRowStride}, {aDepthStride}).", "a");
        if ((long)(k - 1) * ldb + n > bLength) throw new ArgumentException($"B is too short for a {k}×{n} operand with row stride {ldb}.", "b");
        if ((long)(m - 1) * ldc + n > cLength) throw new ArgumentException($"C is too short for an {m}×{n} result with row stride {ldc}.", "c");
    }

    // Bounds were checked once in CheckShapes; the tiles below read with unchecked offsets inside those bounds.
    private static void MultiplyAccumulateTiled(int m, int n, int k, ReadOnlySpan<float> a, int rs, int ds,
                                                ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc)
    {
        ref float a0 = ref MemoryMarshal.GetReference(a);
        ref float b0 = ref MemoryMarshal.GetReference(b);
        ref float c0 = ref MemoryMarshal.GetReference(c);
        int w = Vector256<float>.Count;
        for (int p0 = 0; p0 < k; p0 += Kc)
        {
            int kc = Math.Min(Kc, k - p0);
            int j = 0;
            for (; j + 2 * w <= n; j += 2 * w)
            {
                int i = 0;
                for (; i + Mr <= m; i += Mr) Tile4x16(ref a0, rs, ds, ref b0, ldb, ref c0, ldc, i, j, p0, kc);
                for (; i < m; i++) Tile1x16(ref a0, rs, ds, ref b0, ldb, ref c0, ldc, i, j, p0, kc);
            }
            for (; j + w <= n; j += w)
                for (int i = 0; i < m; i++) Tile1x8(ref a0, rs, ds, ref b0, ldb, ref c0, ldc, i, j, p0, kc);
            for (; j < n; j++)   // scalar column tail
                for (int i = 0; i < m; i++)
                {
                    float s = 0;
                    for (int p = p0; p < p0 + kc; p++) s += Unsafe.Add(ref a0, i * rs + p * ds) * Unsafe.Add(ref b0, p * ldb + j);
                    Unsafe.Add(ref c0, i * ldc + j) += s;
                }
        }
    }

    // C[i..i+4, j..j+16] += A(i..i+4, p0..p0+kc) · B[p0..p0+kc, j..j+16], eight accumulators in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile4x16(ref float a0, int rs, int ds, ref float b0, int ldb, ref float c0, int ldc, int i, int j, int p0, int kc)
    {
        int w = Vector256<float>.Count;
        var c00 = Vector256<float>.Zero; var c01 = Vector256<float>.Zero;
        var c10 = Vector256<float>.Zero; var c11 = Vector256<float>.Zero;
        var c20 = Vector256<float>.Zero; var c21 = Vector256<float>.Zero;
        var c30 = Vector256<float>.Zero; var c31 = Vector256<float>.Zero;
        nint ai = (nint)i * rs + (nint)p0 * ds;
        nint bi = (nint)p0 * ldb + j;
        for (int p = 0; p < kc; p++, ai += ds, bi += ldb)
        {
            var b0v = Vector256.LoadUnsafe(ref b0, (nuint)bi);
            var b1v = Vector256.LoadUnsafe(ref b0, (nuint)(bi + w));
            var x = Vector256.Create(Unsafe.Add(ref a0, ai));
            c00 = Vector256.FusedMultiplyAdd(x, b0v, c00); c01 = Vector256.FusedMultiplyAdd(x, b1v, c01);
            x = Vector256.Create(Unsafe.Add(ref a0, ai + rs));
            c10 = Vector256.FusedMultiplyAdd(x, b0v, c10); c11 = Vector256.FusedMultiplyAdd(x, b1v, c11);
            x = Vector256.Create(Unsafe.Add(ref a0, ai + 2 * rs));
            c20 = Vector256.FusedMultiplyAdd(x, b0v, c20); c21 = Vector256.FusedMultiplyAdd(x, b1v, c21);
            x = Vector256.Create(Unsafe.Add(ref a0, ai + 3 * rs));
            c30 = Vector256.FusedMultiplyAdd(x, b0v, c30); c31 = Vector256.FusedMultiplyAdd(x, b1v, c31);
        }
        nint ci = (nint)i * ldc + j;
        Store(ref c0, ci, c00, c01, w); ci += ldc;
        Store(ref c0, ci, c10, c11, w); ci += ldc;
        Store(ref c0, ci, c20, c21, w); ci += ldc;
        Store(ref c0, ci, c30, c31, w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref float c0, nint ci, Vector256<float> lo, Vector256<float> hi, int w)
    {
        (Vector256.LoadUnsafe(ref c0, (nuint)ci) + lo).StoreUnsafe(ref c0, (nuint)ci);
        (Vector256.LoadUnsafe(ref c0, (nuint)(ci + w)) + hi).StoreUnsafe(ref c0, (nuint)(ci + w));
    }

    private static void Tile1x16(ref float a0, int rs, int ds, ref float b0, int ldb, ref float c0, int ldc, int i, int j, int p0, int kc)
    {
        int w = Vector256<float>.Count;
        var lo = Vector256<float>.Zero; var hi = Vector256<float>.Zero;
        nint ai = (nint)i * rs + (nint)p0 * ds, bi = (nint)p0 * ldb + j;
        for (int p = 0; p < kc; p++, ai += ds, bi += ldb)
        {
            var x = Vector256.Create(Unsafe.Add(ref a0, ai));
            lo = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref b0, (nuint)bi), lo);
            hi = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref b0, (nuint)(bi + w)), hi);
        }
        Store(ref c0, (nint)i * ldc + j, lo, hi, w);
    }

    private static void Tile1x8(ref float a0, int rs, int ds, ref float b0, int ldb, ref float c0, int ldc, int i, int j, int p0, int kc)
    {
        var acc = Vector256<float>.Zero;
        nint ai = (nint)i * rs + (nint)p0 * ds, bi = (nint)p0 * ldb + j;
        for (int p = 0; p < kc; p++, ai += ds, bi += ldb)
            acc = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a0, ai)), Vector256.LoadUnsafe(ref b0, (nuint)bi), acc);
        nint ci = (nint)i * ldc + j;
        (Vector256.LoadUnsafe(ref c0, (nuint)ci) + acc).StoreUnsafe(ref c0, (nuint)ci);
    }

    /// <summary>Transpose: destination[j·rows + i] = source[i·ldSource + j] for i &lt; rows, j &lt; columns.</summary>
    internal static void Transpose<T>(int rows, int columns, ReadOnlySpan<T> source, int ldSource, Span<T> destination)
    {
        if (rows > 0 && columns > 0 && (long)(rows - 1) * ldSource + columns > source.Length) throw new ArgumentException("Source is too short.", nameof(source));
        if ((long)rows * columns > destination.Length) throw new ArgumentException("Destination is too short.", nameof(destination));
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<T> row = source.Slice(i * ldSource, columns);
            for (int j = 0; j < columns; j++) destination[j * rows + i] = row[j];
        }
    }

    /// <summary>Writes log softmax(z) into <paramref name="logP"/> and returns log Σ exp z (the log-partition).</summary>
    /// <remarks>Subtracts max z first: TensorPrimitives.SoftMax does not, and in float a logit of 89 overflows exp.
    /// z and logP must not overlap: z is read again after logP has been used as scratch.</remarks>
    internal static T LogSoftmax<T>(ReadOnlySpan<T> z, Span<T> logP) where T : IFloatingPointIeee754<T>
    {
        if (logP.Length != z.Length) throw new ArgumentException("logP must have the length of z.", nameof(logP));
        if (z.Overlaps(logP)) throw new ArgumentException("z and logP must not overlap.", nameof(logP));
        T max = TensorPrimitives.Max(z);
        TensorPrimitives.Subtract(z, max, logP);                // z − max z ≤ 0, so exp cannot overflow
        TensorPrimitives.Exp(logP, logP);
        T logZ = max + T.Log(TensorPrimitives.Sum<T>(logP));
        TensorPrimitives.Subtract(z, logZ, logP);               // log pₖ = zₖ − log Σⱼ exp zⱼ
        return logZ;
    }
}
