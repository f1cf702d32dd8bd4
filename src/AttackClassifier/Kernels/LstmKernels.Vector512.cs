using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AttackClassifier.Kernels;

internal static partial class LstmKernels
{
    private const int Mr512 = 8;     // rows of C per micro-tile
    private const int Nr512 = 32;    // columns of C per micro-tile: two Vector512 per row, 16 accumulators in registers
    private const int Kc512 = 256;   // depth block: a 256 × 32 panel of B (32 KB) stays in L1 while every row tile uses it

    /// <summary>
    /// The Vector512 path of <see cref="MultiplyAccumulate{T}"/>: C += A B with A(i, p) = a[i·rs + p·ds], tiles of
    /// 8 rows × 32 columns of C held in sixteen Vector512 accumulators. Columns past the last full 32-wide panel are
    /// copied, zero-padded, into a 32- or 16-wide scratch panel, so the column tail also runs at vector speed
    /// (a scalar tail of 4 columns once cost more than the rest of the dx = da·wx product).
    /// Requires <see cref="Vector512.IsHardwareAccelerated"/>; shapes are checked by the caller.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void MultiplyAccumulateVector512(int m, int n, int k, ReadOnlySpan<float> a, int rs, int ds,
                                                     ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc)
    {
        if (!Vector512.IsHardwareAccelerated) throw new PlatformNotSupportedException("Vector512 is not hardware accelerated on this machine.");
        CheckShapes(m, n, k, a.Length, rs, ds, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0 || k == 0) return;
        ref float a0 = ref MemoryMarshal.GetReference(a);
        ref float b0 = ref MemoryMarshal.GetReference(b);
        ref float c0 = ref MemoryMarshal.GetReference(c);
        int full = n - n % Nr512, tail = n - full;
        int tailWidth = tail > 16 ? Nr512 : 16;
        Span<float> panel = tail > 0 ? stackalloc float[Kc512 * tailWidth] : default;   // (kc, tailWidth) zero-padded tail columns of B
        ref float t0 = ref MemoryMarshal.GetReference(panel);
        for (int p0 = 0; p0 < k; p0 += Kc512)
        {
            int kc = Math.Min(Kc512, k - p0);
            for (int j = 0; j < full; j += Nr512)
            {
                nint bj = (nint)p0 * ldb + j;
                int i = 0;
                for (; i + Mr512 <= m; i += Mr512) Tile8x32(ref a0, rs, ds, (nint)i * rs + (nint)p0 * ds, ref Unsafe.Add(ref b0, bj), ldb, ref c0, (nint)i * ldc + j, ldc, kc, Nr512);
                for (; i < m; i++) Tile1x32(ref a0, ds, (nint)i * rs + (nint)p0 * ds, ref Unsafe.Add(ref b0, bj), ldb, ref c0, (nint)i * ldc + j, kc, Nr512);
            }
            if (tail == 0) continue;
            panel.Slice(0, kc * tailWidth).Clear();
            for (int p = 0; p < kc; p++) b.Slice((p0 + p) * ldb + full, tail).CopyTo(panel.Slice(p * tailWidth));
            for (int i = 0; i < m; )
            {
                nint ai = (nint)i * rs + (nint)p0 * ds, ci = (nint)i * ldc + full;
                if (i + Mr512 <= m)
                {
                    if (tailWidth == Nr512) Tile8x32(ref a0, rs, ds, ai, ref t0, Nr512, ref c0, ci, ldc, kc, tail);
                    else Tile8x16(ref a0, rs, ds, ai, ref t0, ref c0, ci, ldc, kc, tail);
                    i += Mr512;
                }
                else
                {
                    if (tailWidth == Nr512) Tile1x32(ref a0, ds, ai, ref t0, Nr512, ref c0, ci, kc, tail);
                    else Tile1x16(ref a0, ds, ai, ref t0, ref c0, ci, kc, tail);
                    i++;
                }
            }
        }
    }

    /// <summary>
    /// Vector-matrix multiply-accumulate: y[j] += Σₚ x[p] · b[p·ldb + j] for j &lt; y.Length, p &lt; x.Length — one LSTM step of
    /// single-sequence prediction (y = a (4H), x = hPrev (H), b = whᵀ (H, 4H)).
    /// </summary>
    /// <remarks>
    /// A 1-row call of <see cref="MultiplyAccumulate{T}"/> keeps only two accumulators per panel, so each FMA waits for the
    /// previous one (latency-bound); here eight column vectors of y are updated per pass over x, enough independent FMAs
    /// to fill both pipes. Same result as <see cref="MultiplyAccumulateNaive{T}"/> with m = 1 up to rounding.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void VectorMatrixMultiplyAccumulate(ReadOnlySpan<float> x, ReadOnlySpan<float> b, int ldb, Span<float> y)
    {
        int n = y.Length, k = x.Length;
        if (ldb < n) throw new ArgumentOutOfRangeException(nameof(ldb), ldb, $"The row stride of B must be at least n = {n}.");
        if (k > 0 && n > 0 && (long)(k - 1) * ldb + n > b.Length) throw new ArgumentException($"B is too short for a {k}×{n} operand with row stride {ldb}.", nameof(b));
        if (k == 0 || n == 0) return;
        ref float x0 = ref MemoryMarshal.GetReference(x);
        ref float b0 = ref MemoryMarshal.GetReference(b);
        ref float y0 = ref MemoryMarshal.GetReference(y);
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j + 128 <= n; j += 128)
            {
                var y0v = Vector512.LoadUnsafe(ref y0, (nuint)j); var y1v = Vector512.LoadUnsafe(ref y0, (nuint)j + 16);
                var y2v = Vector512.LoadUnsafe(ref y0, (nuint)j + 32); var y3v = Vector512.LoadUnsafe(ref y0, (nuint)j + 48);
                var y4v = Vector512.LoadUnsafe(ref y0, (nuint)j + 64); var y5v = Vector512.LoadUnsafe(ref y0, (nuint)j + 80);
                var y6v = Vector512.LoadUnsafe(ref y0, (nuint)j + 96); var y7v = Vector512.LoadUnsafe(ref y0, (nuint)j + 112);
                nint bi = j;
                for (int p = 0; p < k; p++, bi += ldb)
                {
                    var xv = Vector512.Create(Unsafe.Add(ref x0, p));
                    ref float bp = ref Unsafe.Add(ref b0, bi);
                    y0v = Vector512.FusedMultiplyAdd(xv, Vector512.LoadUnsafe(ref bp), y0v);
                    y1v = Vector512.FusedMultiplyAdd(xv, Vector512.LoadUnsafe(ref bp, 16), y1v);
                    y2v = Vector512.FusedMultiplyAdd(xv, Vector512.LoadUnsafe(ref bp, 32), y2v);
                    y3v = Vector512.FusedMultiplyAdd(xv, Vector512.LoadUnsafe(ref bp, 48), y3v);
                    y4v = Vector512.FusedMultiplyAdd(xv, Vector512.LoadUnsafe(ref bp, 64), y4v);
                    y5v = Vector512.FusedMultiplyAdd(xv, Vector512.LoadUnsafe(ref bp, 80), y5v);
                    y6v = Vector512.FusedMultiplyAdd(xv, Vector512.LoadUnsafe(ref bp, 96), y6v);
                    y7v = Vector512.FusedMultiplyAdd(xv, Vector512.LoadUnsafe(ref bp, 112), y7v);
                }
                y0v.StoreUnsafe(ref y0, (nuint)j); y1v.StoreUnsafe(ref y0, (nuint)j + 16);
                y2v.StoreUnsafe(ref y0, (nuint)j + 32); y3v.StoreUnsafe(ref y0, (nuint)j + 48);
                y4v.StoreUnsafe(ref y0, (nuint)j + 64); y5v.StoreUnsafe(ref y0, (nuint)j + 80);
                y6v.StoreUnsafe(ref y0, (nuint)j + 96); y7v.StoreUnsafe(ref y0, (nuint)j + 112);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j + 32 <= n; j += 32)
            {
                var y0v = Vector256.LoadUnsafe(ref y0, (nuint)j); var y1v = Vector256.LoadUnsafe(ref y0, (nuint)j + 8);
                var y2v = Vector256.LoadUnsafe(ref y0, (nuint)j + 16); var y3v = Vector256.LoadUnsafe(ref y0, (nuint)j + 24);
                nint bi = j;
                for (int p = 0; p < k; p++, bi += ldb)
                {
                    var xv = Vector256.Create(Unsafe.Add(ref x0, p));
                    ref float bp = ref Unsafe.Add(ref b0, bi);
                    y0v = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref bp), y0v);
                    y1v = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref bp, 8), y1v);
                    y2v = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref bp, 16), y2v);
                    y3v = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref bp, 24), y3v);
                }
                y0v.StoreUnsafe(ref y0, (nuint)j); y1v.StoreUnsafe(ref y0, (nuint)j + 8);
                y2v.StoreUnsafe(ref y0, (nuint)j + 16); y3v.StoreUnsafe(ref y0, (nuint)j + 24);
            }
        }
        for (; j < n; j++)   // scalar column tail
        {
            float s = y[j];
            for (int p = 0; p < k; p++) s += x[p] * b[p * ldb + j];
            y[j] = s;
        }
    }

    // C[i..i+8, j..j+cols] += A(i..i+8, p0..p0+kc) · Bpanel[0..kc, 0..32]; ai = offset of A(i, p0), ci = offset of C[i, j].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile8x32(ref float a0, int rs, int ds, nint ai, ref float bp, int ldb, ref float c0, nint ci, int ldc, int kc, int cols)
    {
        const int w = 16;
        var c00 = Vector512<float>.Zero; var c01 = Vector512<float>.Zero; var c10 = Vector512<float>.Zero; var c11 = Vector512<float>.Zero;
        var c20 = Vector512<float>.Zero; var c21 = Vector512<float>.Zero; var c30 = Vector512<float>.Zero; var c31 = Vector512<float>.Zero;
        var c40 = Vector512<float>.Zero; var c41 = Vector512<float>.Zero; var c50 = Vector512<float>.Zero; var c51 = Vector512<float>.Zero;
        var c60 = Vector512<float>.Zero; var c61 = Vector512<float>.Zero; var c70 = Vector512<float>.Zero; var c71 = Vector512<float>.Zero;
        nint bi = 0;
        for (int p = 0; p < kc; p++, ai += ds, bi += ldb)
        {
            var b0v = Vector512.LoadUnsafe(ref bp, (nuint)bi);
            var b1v = Vector512.LoadUnsafe(ref bp, (nuint)(bi + w));
            ref float ap = ref Unsafe.Add(ref a0, ai);
            var x = Vector512.Create(ap);
            c00 = Vector512.FusedMultiplyAdd(x, b0v, c00); c01 = Vector512.FusedMultiplyAdd(x, b1v, c01);
            x = Vector512.Create(Unsafe.Add(ref ap, rs));
            c10 = Vector512.FusedMultiplyAdd(x, b0v, c10); c11 = Vector512.FusedMultiplyAdd(x, b1v, c11);
            x = Vector512.Create(Unsafe.Add(ref ap, 2 * rs));
            c20 = Vector512.FusedMultiplyAdd(x, b0v, c20); c21 = Vector512.FusedMultiplyAdd(x, b1v, c21);
            x = Vector512.Create(Unsafe.Add(ref ap, 3 * rs));
            c30 = Vector512.FusedMultiplyAdd(x, b0v, c30); c31 = Vector512.FusedMultiplyAdd(x, b1v, c31);
            x = Vector512.Create(Unsafe.Add(ref ap, 4 * rs));
            c40 = Vector512.FusedMultiplyAdd(x, b0v, c40); c41 = Vector512.FusedMultiplyAdd(x, b1v, c41);
            x = Vector512.Create(Unsafe.Add(ref ap, 5 * rs));
            c50 = Vector512.FusedMultiplyAdd(x, b0v, c50); c51 = Vector512.FusedMultiplyAdd(x, b1v, c51);
            x = Vector512.Create(Unsafe.Add(ref ap, 6 * rs));
            c60 = Vector512.FusedMultiplyAdd(x, b0v, c60); c61 = Vector512.FusedMultiplyAdd(x, b1v, c61);
            x = Vector512.Create(Unsafe.Add(ref ap, 7 * rs));
            c70 = Vector512.FusedMultiplyAdd(x, b0v, c70); c71 = Vector512.FusedMultiplyAdd(x, b1v, c71);
        }
        Store(ref c0, ci, c00, c01, cols); ci += ldc;
        Store(ref c0, ci, c10, c11, cols); ci += ldc;
        Store(ref c0, ci, c20, c21, cols); ci += ldc;
        Store(ref c0, ci, c30, c31, cols); ci += ldc;
        Store(ref c0, ci, c40, c41, cols); ci += ldc;
        Store(ref c0, ci, c50, c51, cols); ci += ldc;
        Store(ref c0, ci, c60, c61, cols); ci += ldc;
        Store(ref c0, ci, c70, c71, cols);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1x32(ref float a0, int ds, nint ai, ref float bp, int ldb, ref float c0, nint ci, int kc, int cols)
    {
        var lo = Vector512<float>.Zero; var hi = Vector512<float>.Zero;
        nint bi = 0;
        for (int p = 0; p < kc; p++, ai += ds, bi += ldb)
        {
            var x = Vector512.Create(Unsafe.Add(ref a0, ai));
            lo = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bp, (nuint)bi), lo);
            hi = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bp, (nuint)(bi + 16)), hi);
        }
        Store(ref c0, ci, lo, hi, cols);
    }

    // The 16-wide column tail: Bpanel is (kc, 16).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile8x16(ref float a0, int rs, int ds, nint ai, ref float bp, ref float c0, nint ci, int ldc, int kc, int cols)
    {
        var c0v = Vector512<float>.Zero; var c1v = Vector512<float>.Zero; var c2v = Vector512<float>.Zero; var c3v = Vector512<float>.Zero;
        var c4v = Vector512<float>.Zero; var c5v = Vector512<float>.Zero; var c6v = Vector512<float>.Zero; var c7v = Vector512<float>.Zero;
        nint bi = 0;
        for (int p = 0; p < kc; p++, ai += ds, bi += 16)
        {
            var bv = Vector512.LoadUnsafe(ref bp, (nuint)bi);
            ref float ap = ref Unsafe.Add(ref a0, ai);
            c0v = Vector512.FusedMultiplyAdd(Vector512.Create(ap), bv, c0v);
            c1v = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, rs)), bv, c1v);
            c2v = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, 2 * rs)), bv, c2v);
            c3v = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, 3 * rs)), bv, c3v);
            c4v = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, 4 * rs)), bv, c4v);
            c5v = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, 5 * rs)), bv, c5v);
            c6v = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, 6 * rs)), bv, c6v);
            c7v = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, 7 * rs)), bv, c7v);
        }
        StorePartial(ref c0, ci, c0v, cols); ci += ldc;
        StorePartial(ref c0, ci, c1v, cols); ci += ldc;
        StorePartial(ref c0, ci, c2v, cols); ci += ldc;
        StorePartial(ref c0, ci, c3v, cols); ci += ldc;
        StorePartial(ref c0, ci, c4v, cols); ci += ldc;
        StorePartial(ref c0, ci, c5v, cols); ci += ldc;
        StorePartial(ref c0, ci, c6v, cols); ci += ldc;
        StorePartial(ref c0, ci, c7v, cols);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1x16(ref float a0, int ds, nint ai, ref float bp, ref float c0, nint ci, int kc, int cols)
    {
        var acc = Vector512<float>.Zero;
        nint bi = 0;
        for (int p = 0; p < kc; p++, ai += ds, bi += 16)
            acc = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a0, ai)), Vector512.LoadUnsafe(ref bp, (nuint)bi), acc);
        StorePartial(ref c0, ci, acc, cols);
    }

    // C[ci .. ci+cols] += [lo | hi] (cols ≤ 32): full vector adds when the row is whole, element by element for a tail.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref float c0, nint ci, Vector512<float> lo, Vector512<float> hi, int cols)
    {
        if (cols == Nr512)
        {
            (Vector512.LoadUnsafe(ref c0, (nuint)ci) + lo).StoreUnsafe(ref c0, (nuint)ci);
            (Vector512.LoadUnsafe(ref c0, (nuint)(ci + 16)) + hi).StoreUnsafe(ref c0, (nuint)(ci + 16));
        }
        else
        {
            StorePartial(ref c0, ci, lo, Math.Min(cols, 16));
            if (cols > 16) StorePartial(ref c0, ci + 16, hi, cols - 16);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StorePartial(ref float c0, nint ci, Vector512<float> v, int cols)
    {
        if (cols == 16) { (Vector512.LoadUnsafe(ref c0, (nuint)ci) + v).StoreUnsafe(ref c0, (nuint)ci); return; }
        for (int j = 0; j < cols; j++) Unsafe.Add(ref c0, ci + j) += v.GetElement(j);
    }
}
