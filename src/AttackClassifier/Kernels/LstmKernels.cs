using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AttackClassifier.Kernels;

/// <summary>
/// Span kernels for the LSTM: the dense matrix product behind every gate pre-activation and weight gradient,
/// a transpose, and a stable log-softmax. Each has a plain scalar reference beside it for tests.
/// </summary>
/// <remarks>
/// The hot loops here and in <see cref="Models.Lstm.LstmNetwork"/> and <see cref="Models.Lstm.KerasAdam"/> are marked AggressiveOptimization:
/// tiered compilation otherwise runs them as unoptimised tier-0 code for the first few hundred batches of an epoch
/// (measured: 5 ms per batch instead of 1.2 ms until the background tier-1 compile lands, later still on a loaded machine).
/// </remarks>
internal static partial class LstmKernels
{
    private const int Mr = 4;     // Vector256 path: rows of C per micro-tile
    private const int Nr = 16;    //   columns of C per micro-tile (two Vector256 per row)
    private const int Kc = 128;   //   depth block: a 128 × 16 panel of B (8 KB) stays in L1 while all row tiles use it

    /// <summary>
    /// Matrix multiply-accumulate: c[i·ldc + j] += Σₚ A(i, p) · b[p·ldb + j] for i &lt; m, j &lt; n, p &lt; k,
    /// where A(i, p) = a[i·aRowStride + p·aDepthStride]. With (aRowStride, aDepthStride) = (lda, 1) this is C += A B;
    /// with (1, lda) it is C += Aᵀ B for A stored (k, lda) — the weight-gradient product.
    /// </summary>
    /// <remarks>
    /// float runs a register-tiled kernel: with AVX-512, 8 rows × 32 columns of C in sixteen Vector512 accumulators
    /// (<see cref="MultiplyAccumulateVector512"/>), otherwise 4 rows × 16 columns in eight Vector256 accumulators; both
    /// use fused multiply-add and block the depth. Other types use <see cref="MultiplyAccumulateNaive{T}"/>.
    /// </remarks>
    internal static void MultiplyAccumulate<T>(int m, int n, int k, ReadOnlySpan<T> a, int aRowStride, int aDepthStride,
                                               ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc)
        where T : unmanaged, INumber<T>
    {
        CheckShapes(m, n, k, a.Length, aRowStride, aDepthStride, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0 || k == 0) return;
        if (typeof(T) == typeof(float) && Vector512.IsHardwareAccelerated)
            MultiplyAccumulateVector512(m, n, k, MemoryMarshal.Cast<T, float>(a), aRowStride, aDepthStride,
                                        MemoryMarshal.Cast<T, float>(b), ldb, MemoryMarshal.Cast<T, float>(c), ldc);
        else if (typeof(T) == typeof(float) && Vector256.IsHardwareAccelerated)
            MultiplyAccumulateVector256(m, n, k, MemoryMarshal.Cast<T, float>(a), aRowStride, aDepthStride,
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
    // Columns past the last full 16-wide panel are copied, zero-padded, into a (kc, 16) scratch panel so the column
    // tail runs the same vector tiles (a scalar tail of 4 columns once cost more than the rest of dx = da·wx).
    /// <summary>The Vector256 path of <see cref="MultiplyAccumulate{T}"/> (the one used without AVX-512); same contract.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void MultiplyAccumulateVector256(int m, int n, int k, ReadOnlySpan<float> a, int rs, int ds,
                                                     ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc)
    {
        if (!Vector256.IsHardwareAccelerated) throw new PlatformNotSupportedException("Vector256 is not hardware accelerated on this machine.");
        CheckShapes(m, n, k, a.Length, rs, ds, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0 || k == 0) return;
        ref float a0 = ref MemoryMarshal.GetReference(a);
        ref float b0 = ref MemoryMarshal.GetReference(b);
        ref float c0 = ref MemoryMarshal.GetReference(c);
        int full = n - n % Nr, tail = n - full;
        Span<float> panel = tail > 0 ? stackalloc float[Kc * Nr] : default;   // (kc, 16) zero-padded tail columns of B
        for (int p0 = 0; p0 < k; p0 += Kc)
        {
            int kc = Math.Min(Kc, k - p0);
            for (int j = 0; j < full; j += Nr)
                RowTiles16(m, ref a0, rs, ds, p0, kc, ref Unsafe.Add(ref b0, (nint)p0 * ldb + j), ldb, ref c0, j, ldc, Nr);
            if (tail == 0) continue;
            panel.Slice(0, kc * Nr).Clear();
            for (int p = 0; p < kc; p++) b.Slice((p0 + p) * ldb + full, tail).CopyTo(panel.Slice(p * Nr));
            RowTiles16(m, ref a0, rs, ds, p0, kc, ref MemoryMarshal.GetReference(panel), Nr, ref c0, full, ldc, tail);
        }
    }

    // C[0..m, j..j+cols] += A(0..m, p0..p0+kc) · Bpanel, Bpanel (kc, 16) with row stride ldb.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowTiles16(int m, ref float a0, int rs, int ds, int p0, int kc, ref float bp, int ldb, ref float c0, int j, int ldc, int cols)
    {
        int i = 0;
        for (; i + Mr <= m; i += Mr) Tile4x16(ref a0, rs, ds, (nint)i * rs + (nint)p0 * ds, ref bp, ldb, ref c0, (nint)i * ldc + j, ldc, kc, cols);
        for (; i < m; i++) Tile1x16(ref a0, ds, (nint)i * rs + (nint)p0 * ds, ref bp, ldb, ref c0, (nint)i * ldc + j, kc, cols);
    }

    // C[i..i+4, j..j+cols] += A(i..i+4, p0..p0+kc) · Bpanel[0..kc, 0..16], eight accumulators in registers;
    // ai = offset of A(i, p0), ci = offset of C[i, j].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile4x16(ref float a0, int rs, int ds, nint ai, ref float bp, int ldb, ref float c0, nint ci, int ldc, int kc, int cols)
    {
        int w = Vector256<float>.Count;
        var c00 = Vector256<float>.Zero; var c01 = Vector256<float>.Zero;
        var c10 = Vector256<float>.Zero; var c11 = Vector256<float>.Zero;
        var c20 = Vector256<float>.Zero; var c21 = Vector256<float>.Zero;
        var c30 = Vector256<float>.Zero; var c31 = Vector256<float>.Zero;
        nint bi = 0;
        for (int p = 0; p < kc; p++, ai += ds, bi += ldb)
        {
            var b0v = Vector256.LoadUnsafe(ref bp, (nuint)bi);
            var b1v = Vector256.LoadUnsafe(ref bp, (nuint)(bi + w));
            var x = Vector256.Create(Unsafe.Add(ref a0, ai));
            c00 = Vector256.FusedMultiplyAdd(x, b0v, c00); c01 = Vector256.FusedMultiplyAdd(x, b1v, c01);
            x = Vector256.Create(Unsafe.Add(ref a0, ai + rs));
            c10 = Vector256.FusedMultiplyAdd(x, b0v, c10); c11 = Vector256.FusedMultiplyAdd(x, b1v, c11);
            x = Vector256.Create(Unsafe.Add(ref a0, ai + 2 * rs));
            c20 = Vector256.FusedMultiplyAdd(x, b0v, c20); c21 = Vector256.FusedMultiplyAdd(x, b1v, c21);
            x = Vector256.Create(Unsafe.Add(ref a0, ai + 3 * rs));
            c30 = Vector256.FusedMultiplyAdd(x, b0v, c30); c31 = Vector256.FusedMultiplyAdd(x, b1v, c31);
        }
        Store(ref c0, ci, c00, c01, cols); ci += ldc;
        Store(ref c0, ci, c10, c11, cols); ci += ldc;
        Store(ref c0, ci, c20, c21, cols); ci += ldc;
        Store(ref c0, ci, c30, c31, cols);
    }

    // C[ci .. ci+cols] += [lo | hi] (cols ≤ 16): vector adds for a whole row, element by element for a tail.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref float c0, nint ci, Vector256<float> lo, Vector256<float> hi, int cols)
    {
        if (cols == Nr)
        {
            (Vector256.LoadUnsafe(ref c0, (nuint)ci) + lo).StoreUnsafe(ref c0, (nuint)ci);
            (Vector256.LoadUnsafe(ref c0, (nuint)(ci + 8)) + hi).StoreUnsafe(ref c0, (nuint)(ci + 8));
            return;
        }
        for (int j = 0; j < cols; j++) Unsafe.Add(ref c0, ci + j) += j < 8 ? lo.GetElement(j) : hi.GetElement(j - 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1x16(ref float a0, int ds, nint ai, ref float bp, int ldb, ref float c0, nint ci, int kc, int cols)
    {
        var lo = Vector256<float>.Zero; var hi = Vector256<float>.Zero;
        nint bi = 0;
        for (int p = 0; p < kc; p++, ai += ds, bi += ldb)
        {
            var x = Vector256.Create(Unsafe.Add(ref a0, ai));
            lo = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bp, (nuint)bi), lo);
            hi = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bp, (nuint)(bi + 8)), hi);
        }
        Store(ref c0, ci, lo, hi, cols);
    }

    /// <summary>Transpose: destination[j·rows + i] = source[i·ldSource + j] for i &lt; rows, j &lt; columns.</summary>
    /// <remarks>Walks 16 × 16 blocks so both the strided reads and the strided writes stay within a few cache lines
    /// (row by row, every write of a 164-wide source missed L1: the per-step transpose of w once cost as much as a gate product).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Transpose<T>(int rows, int columns, ReadOnlySpan<T> source, int ldSource, Span<T> destination)
    {
        if (rows > 0 && columns > 0 && (long)(rows - 1) * ldSource + columns > source.Length) throw new ArgumentException("Source is too short.", nameof(source));
        if ((long)rows * columns > destination.Length) throw new ArgumentException("Destination is too short.", nameof(destination));
        const int Block = 16;
        ref T s0 = ref MemoryMarshal.GetReference(source);
        ref T d0 = ref MemoryMarshal.GetReference(destination);
        for (int i0 = 0; i0 < rows; i0 += Block)
            for (int j0 = 0; j0 < columns; j0 += Block)
            {
                int i1 = Math.Min(i0 + Block, rows), j1 = Math.Min(j0 + Block, columns);
                for (int j = j0; j < j1; j++)
                    for (int i = i0; i < i1; i++) Unsafe.Add(ref d0, (nint)j * rows + i) = Unsafe.Add(ref s0, (nint)i * ldSource + j);
            }
    }
}
