using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AttackClassifier.Kernels;
using AttackClassifier.Optimization;
using AttackClassifier.Text;

namespace AttackClassifier.Models.LogisticRegression;

/// <summary>Weighted multinomial logistic regression objective (scikit-learn's, with sample weights sₙ):
///   f(w, b) = C Σₙ sₙ [ log Σₖ exp zₙₖ − zₙ,yₙ ] + ½‖w‖²,   zₙ = xₙ w + b
///   ∇w f = C Xᵀ S (P − Y) + w,   ∇b f = C Σₙ sₙ (pₙ − yₙ)
/// The bias is not regularised, and is absent (fixed at 0) when <c>fitIntercept</c> is false.
/// Dividing f by C (as scikit-learn 1.2 does) or by C·Σsₙ (later versions) moves no optimum; this class returns f unscaled.
/// </summary>
/// <remarks>
/// θ = [ w (D,K) | b (K) ] (b only with an intercept); the gradient has the same layout.
/// <para>Rows with identical features are grouped once, at construction (<see cref="GroupIdenticalRows"/>): they share
/// one forward and backward pass, their labels and weights entering as sums. One pass over the distinct rows does
/// everything: per row, the forward z = b + Σⱼ xⱼ w[j,:] (one length-K multiply-add per
/// non-zero), the softmax and the loss, then the backward dw[j,:] += xⱼ dz for the same non-zeros, dz = C sₙ (pₙ − yₙ).
/// (The earlier design computed ∂w feature by feature from a transposed copy of X: an (N,K) dz buffer, a second copy of X
/// and scattered reads of dz made it 3–5× slower.)
/// Internally w, b and the gradient use a padded stride Kp = K rounded up to the SIMD width, so every row of w is whole
/// vectors and needs no scalar tail; padded logits are −∞ (probability 0, gradient 0). θ is copied into that layout once
/// per evaluation (O(DK), small next to the O(nnz·K) work).</para>
/// <para>Determinism: the distinct rows are split into <see cref="ChunkCount"/> fixed chunks, a function of U, D and K only
/// (never of the core count). Each chunk accumulates its loss and its own (D+1, Kp) gradient buffer sequentially over its
/// rows; the buffers are then reduced in chunk order (in parallel over fixed feature blocks). Every sum therefore has a fixed order, and f and ∇f are bit-identical
/// whatever the number of cores. Cost: at most <see cref="MaxChunks"/> buffers of (D+1)·Kp doubles
/// (1.3 MB each for D = 5000, K = 30), capped at <see cref="ChunkBufferBudgetBytes"/> in total.</para>
/// <para>No allocation per evaluation. Not thread-safe: scratch buffers are reused across calls (they carry no state
/// between calls).</para>
/// </remarks>
internal sealed class SoftmaxCrossEntropyLoss : IDifferentiableFunction
{
    /// <summary>Distinct rows per chunk at least (U &lt; 2 × this runs as one chunk): each chunk clears and reduces a (D+1, Kp)
    /// buffer, so it needs enough rows to amortise that.</summary>
    public const int MinRowsPerChunk = 8192;

    /// <summary>Most chunks (parallel work items). 8 keeps 2–8 cores busy with little reduction work.</summary>
    public const int MaxChunks = 8;

    /// <summary>Cap on the total size of the per-chunk gradient buffers, in bytes; very wide problems get fewer chunks.</summary>
    public const long ChunkBufferBudgetBytes = 64L << 20;

    private readonly CsrMatrix _x;          // (N, D)
    private readonly int[] _row;            // (U) the first row of X with each distinct feature row, ascending
    private readonly int[] _groupStart;     // (U+1) offsets into _groupY/_groupS
    private readonly int[] _groupY;         // labels of the rows sharing each distinct feature row, in row order
    private readonly double[] _groupS;      // their weights (zero weights dropped)
    private readonly int _kp;               // Kp: K padded to a multiple of Vector<double>.Count
    private readonly int _rowsPerChunk;
    private readonly double[] _wb;          // (D+1, Kp) padded copy of [ w | b ]; b's padding is −∞
    private readonly double[][] _chunkGradient;   // ChunkCount × (D+1, Kp): Σ over the chunk's rows of [ xₙᵀ dzₙ | dzₙ ]
    private readonly double[][] _chunkLogits;     // ChunkCount × (Kp) scratch for zₙ, then pₙ, then dzₙ
    private readonly double[] _chunkLoss;   // (ChunkCount) Σ sₙ ℓₙ per chunk
    private readonly Action<int> _evaluateChunk;  // cached so an evaluation allocates no delegate
    private readonly Action<int> _reduceBlock;

    /// <summary>Builds the objective. Inputs are validated by the trainer; y and s are copied.</summary>
    /// <param name="x">X, (N, D).</param>
    /// <param name="y">Class of each row, (N), in [0, K).</param>
    /// <param name="classCount">K ≥ 2.</param>
    /// <param name="sampleWeights">sₙ ≥ 0, (N).</param>
    /// <param name="c">C &gt; 0, the inverse of the L2 strength.</param>
    /// <param name="fitIntercept">Whether θ ends with the K intercepts.</param>
    public SoftmaxCrossEntropyLoss(CsrMatrix x, ReadOnlySpan<int> y, int classCount, ReadOnlySpan<double> sampleWeights, double c, bool fitIntercept)
    {
        if (y.Length != x.RowCount || sampleWeights.Length != x.RowCount) throw new ArgumentException("y and sampleWeights must have one entry per row of x.");
        _x = x;
        (_row, _groupStart, _groupY, _groupS) = GroupIdenticalRows(x, y, sampleWeights);
        N = x.RowCount;
        U = _row.Length;
        D = x.ColumnCount;
        K = classCount;
        C = c;
        FitIntercept = fitIntercept;
        WeightSum = TensorPrimitives.Sum<double>(sampleWeights);

        int width = Vector<double>.Count;
        _kp = (K + width - 1) / width * width;
        ChunkCount = ChunksFor(U, D, _kp);
        _rowsPerChunk = (U + ChunkCount - 1) / Math.Max(1, ChunkCount);
        _wb = new double[(D + 1) * _kp];
        _chunkGradient = new double[ChunkCount][];
        _chunkLogits = new double[ChunkCount][];
        for (int chunk = 0; chunk < ChunkCount; chunk++)
        {
            _chunkGradient[chunk] = new double[(D + 1) * _kp];
            _chunkLogits[chunk] = new double[_kp];
        }
        _chunkLoss = new double[ChunkCount];
        _evaluateChunk = EvaluateChunk;
        _reduceBlock = ReduceBlock;
    }

    public int N { get; }

    /// <summary>U ≤ N, the number of distinct feature rows with non-zero weight: the rows the passes actually visit.</summary>
    public int U { get; }
    public int D { get; }
    public int K { get; }
    public double C { get; }
    public bool FitIntercept { get; }

    /// <summary>Number of fixed row chunks; depends on U, D and K only, so results do not depend on the core count.</summary>
    public int ChunkCount { get; }

    /// <summary>Parallelism over chunks; results do not depend on it (tests pin it to 1 to prove that).</summary>
    internal ParallelOptions Parallelism { get; set; } = new();

    /// <summary>Σₙ sₙ.</summary>
    public double WeightSum { get; }

    /// <summary>D·K, plus K with an intercept.</summary>
    public int Dimension => D * K + (FitIntercept ? K : 0);

    /// <summary>Chunks for n distinct rows: one per <see cref="MinRowsPerChunk"/> rows, at most <see cref="MaxChunks"/>, and no more
    /// (D+1, Kp) buffers than fit <see cref="ChunkBufferBudgetBytes"/> (always at least one).</summary>
    internal static int ChunksFor(int n, int d, int kp)
    {
        long bufferBytes = (long)(d + 1) * kp * sizeof(double);
        long byBudget = Math.Max(1, ChunkBufferBudgetBytes / Math.Max(1, bufferBytes));
        long byRows = Math.Max(1, n / MinRowsPerChunk);
        return (int)Math.Min(MaxChunks, Math.Min(byBudget, byRows));
    }

    /// <summary>Returns f(θ) and writes ∇f(θ), both unscaled.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        if (theta.Length != Dimension || gradient.Length != Dimension)
            throw new ArgumentException($"theta and gradient must have length {Dimension} (D·K{(FitIntercept ? " + K" : "")}).");
        int k = K, kp = _kp;

        // Padded copy: w[j, 0..K) ← θ, w[j, K..Kp) = 0;  b[0..K) ← θ (or 0), b[K..Kp) = −∞ so padded logits are −∞.
        Span<double> wb = _wb;
        for (int j = 0; j < D; j++) theta.Slice(j * k, k).CopyTo(wb.Slice(j * kp, k));   // padding columns stay 0 from construction
        Span<double> b = wb.Slice(D * kp, kp);
        if (FitIntercept) theta.Slice(D * k, k).CopyTo(b); else b[..k].Clear();
        b[k..].Fill(double.NegativeInfinity);

        if (ChunkCount == 1) EvaluateChunk(0);
        else Parallel.For(0, ChunkCount, Parallelism, _evaluateChunk);

        // Reduce in chunk order:  ∇w f = ((w + dw₀) + dw₁) + …,  ∇b f = (db₀ + db₁) + …,  f = C Σ_chunks loss + ½‖w‖².
        // The ∇w sum runs in parallel over fixed blocks of features; each element's order is the same whatever the cores.
        double loss = 0;
        for (int chunk = 0; chunk < ChunkCount; chunk++) loss += _chunkLoss[chunk];
        if (ChunkCount == 1) ReduceBlock(0); else Parallel.For(0, ChunkCount, Parallelism, _reduceBlock);
        ReadOnlySpan<double> total = _chunkGradient[0];    // (D+1, Kp): now [ ∇w f | Σ db ]
        for (int j = 0; j < D; j++) total.Slice(j * kp, k).CopyTo(gradient.Slice(j * k, k));
        if (FitIntercept)
        {
            Span<double> gb = gradient.Slice(D * k, k);
            gb.Clear();
            for (int chunk = 0; chunk < ChunkCount; chunk++)
                TensorPrimitives.Add(gb, _chunkGradient[chunk].AsSpan(D * kp, k), gb);
        }

        ReadOnlySpan<double> w = theta[..(D * k)];
        return C * loss + 0.5 * TensorPrimitives.Dot(w, w);
    }

    // Features [D·block/P, D·(block+1)/P) of chunk 0's buffer ← w + dw₀ + dw₁ + … (padded layout; padding stays 0).
    private void ReduceBlock(int block)
    {
        int j0 = (int)((long)D * block / ChunkCount), j1 = (int)((long)D * (block + 1) / ChunkCount);
        int from = j0 * _kp, length = (j1 - j0) * _kp;
        Span<double> acc = _chunkGradient[0].AsSpan(from, length);
        TensorPrimitives.Add(_wb.AsSpan(from, length), acc, acc);                   // w + dw₀
        for (int chunk = 1; chunk < ChunkCount; chunk++)
            TensorPrimitives.Add(acc, _chunkGradient[chunk].AsSpan(from, length), acc);
    }

    // For the distinct feature rows of one chunk, forward then backward row by row. Rows of X with identical features xₙ share
    // zₙ and pₙ, so with G the rows sharing x (labels yᵢ, weights sᵢ, S = Σᵢ sᵢ) one pass computes their summed terms:
    //   z = b + Σⱼ xⱼ w[j,:];  Σᵢ sᵢ ℓᵢ = S log Σₖ exp zₖ − Σᵢ sᵢ z_yᵢ;  dz = C (S p − Σᵢ sᵢ onehot(yᵢ))
    //   dw[j,:] += xⱼ dz  for the row's non-zeros j;  db += dz
    // into the chunk's own gradient buffer and loss slot. Exact: f and ∇f are sums over rows.
    private void EvaluateChunk(int chunk)
    {
        int start = chunk * _rowsPerChunk, end = Math.Min(U, start + _rowsPerChunk);
        int kp = _kp, bOffset = D * _kp;
        Span<double> grad = _chunkGradient[chunk];   // (D+1, Kp)
        grad.Clear();
        Span<double> z = _chunkLogits[chunk];        // (Kp)
        ReadOnlySpan<double> wb = _wb;               // (D+1, Kp)
        ReadOnlySpan<double> b = wb.Slice(bOffset, kp);
        Span<double> db = grad.Slice(bOffset, kp);
        double loss = 0;
        for (int u = start; u < end; u++)
        {
            ReadOnlySpan<int> cols = _x.RowColumns(_row[u]);
            ReadOnlySpan<double> vals = _x.RowValues(_row[u]);
            int g0 = _groupStart[u], g1 = _groupStart[u + 1];

            b.CopyTo(z);                                            // z = b
            SparseRowKernels.GatherMultiplyAdd(wb, kp, cols, vals, z);   // z += Σⱼ xⱼ w[j,:]
            double sTotal = 0, sz = 0;
            for (int g = g0; g < g1; g++) { sTotal += _groupS[g]; sz += _groupS[g] * z[_groupY[g]]; }
            double logZ = Softmax.ProbabilitiesInPlace(z);          // z ← p
            loss += sTotal * logZ - sz;                             // Σᵢ sᵢ [log Σₖ exp zₖ − z_yᵢ]
            for (int g = g0; g < g1; g++) z[_groupY[g]] -= _groupS[g] / sTotal;   // p − Σᵢ (sᵢ/S) onehot(yᵢ)
            double cs = C * sTotal;
            SparseRowKernels.MultiplyAdd(z, cs, db);                // db += dz, dz = C S (p − Σᵢ (sᵢ/S) onehot(yᵢ))
            SparseRowKernels.ScatterMultiplyAdd(z, cs, cols, vals, grad, kp);   // dw[j,:] += xⱼ dz for the row's j
        }
        _chunkLoss[chunk] = loss;
    }

    /// <summary>
    /// Groups the rows of X with identical features (same columns, bitwise-equal values): returns the first row of each
    /// group in ascending order, and per group the labels and weights of its rows in row order. Rows of weight 0 are
    /// dropped (a group of only such rows disappears). Telemetry repeats command lines, so U is often well below N.
    /// </summary>
    internal static (int[] Row, int[] GroupStart, int[] GroupY, double[] GroupS) GroupIdenticalRows(CsrMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<double> s)
    {
        var groupOf = new Dictionary<int, int>(new RowComparer(x));   // first row → group index
        var group = new int[x.RowCount];                              // (N) group of each row, −1 for weight 0
        var firstRows = new List<int>();
        for (int n = 0; n < x.RowCount; n++)
        {
            if (s[n] == 0) { group[n] = -1; continue; }
            if (!groupOf.TryGetValue(n, out int gi)) { gi = firstRows.Count; groupOf.Add(n, gi); firstRows.Add(n); }
            group[n] = gi;
        }
        int u = firstRows.Count;
        var start = new int[u + 1];
        foreach (int gi in group) if (gi >= 0) start[gi + 1]++;
        for (int i = 0; i < u; i++) start[i + 1] += start[i];
        var next = start[..^1];
        var gy = new int[start[u]];
        var gs = new double[start[u]];
        for (int n = 0; n < x.RowCount; n++)
        {
            if (group[n] < 0) continue;
            int at = next[group[n]]++;
            gy[at] = y[n];
            gs[at] = s[n];
        }
        return (firstRows.ToArray(), start, gy, gs);
    }

    private sealed class RowComparer(CsrMatrix x) : IEqualityComparer<int>
    {
        public bool Equals(int a, int b) =>
            x.RowColumns(a).SequenceEqual(x.RowColumns(b)) &&
            MemoryMarshal.Cast<double, long>(x.RowValues(a)).SequenceEqual(MemoryMarshal.Cast<double, long>(x.RowValues(b)));

        public int GetHashCode(int n)
        {
            var h = new HashCode();
            h.AddBytes(MemoryMarshal.AsBytes(x.RowColumns(n)));
            h.AddBytes(MemoryMarshal.AsBytes(x.RowValues(n)));
            return h.ToHashCode();
        }
    }
}
