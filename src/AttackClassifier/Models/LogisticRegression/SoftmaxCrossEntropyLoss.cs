using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using AttackClassifier.Kernels;
using AttackClassifier.Optimization;
using AttackClassifier.Text;

namespace AttackClassifier.Models.LogisticRegression;

/// <summary>Weighted multinomial logistic regression objective (scikit-learn's, with sample weights sₙ):
///   f(w, b) = C Σₙ sₙ [ log Σₖ exp zₙₖ − zₙ,yₙ ] + ½‖w‖²,   zₙ = xₙ w + b
///   ∇w f = C Xᵀ S (P − Y) + w,   ∇b f = C Σₙ sₙ (pₙ − yₙ)
/// The bias is not regularised, and is absent (fixed at 0) when <c>fitIntercept</c> is false.
/// Dividing f by C·Σsₙ (scikit-learn's internal scaling) moves no optimum; this class returns f unscaled.
/// </summary>
/// <remarks>
/// θ = [ w (D,K) | b (K) ] (b only with an intercept); the gradient has the same layout.
/// <para>One pass over the rows does everything: per row, the forward z = b + Σⱼ xⱼ w[j,:] (one length-K multiply-add per
/// non-zero), the softmax and the loss, then the backward dw[j,:] += xⱼ dz for the same non-zeros, dz = C sₙ (pₙ − yₙ).
/// Internally w, b and the gradient use a padded stride Kp = K rounded up to the SIMD width, so every row of w is whole
/// vectors and needs no scalar tail; padded logits are −∞ (probability 0, gradient 0). θ is copied into that layout once
/// per evaluation (O(DK), small next to the O(nnz·K) work).</para>
/// <para>Determinism: the rows are split into <see cref="ChunkCount"/> fixed chunks, a function of N, D and K only (never of
/// the core count). Each chunk accumulates its loss and its own (D+1, Kp) gradient buffer sequentially over its rows;
/// the buffers are then reduced in chunk order. Every sum therefore has a fixed order, and f and ∇f are bit-identical
/// whatever the number of cores. Cost: at most <see cref="MaxChunks"/> buffers of (D+1)·Kp doubles
/// (1.3 MB each for D = 5000, K = 30), capped at <see cref="ChunkBufferBudgetBytes"/> in total.</para>
/// <para>No allocation per evaluation. Not thread-safe: scratch buffers are reused across calls (they carry no state
/// between calls).</para>
/// </remarks>
internal sealed class SoftmaxCrossEntropyLoss : IDifferentiableFunction
{
    /// <summary>Rows below which a chunk is not worth a thread: N &lt; 2 × this runs as one chunk.</summary>
    public const int MinRowsPerChunk = 2048;

    /// <summary>Most chunks (parallel work items). 8 keeps 2–8 cores busy with little reduction work.</summary>
    public const int MaxChunks = 8;

    /// <summary>Cap on the total size of the per-chunk gradient buffers, in bytes; very wide problems get fewer chunks.</summary>
    public const long ChunkBufferBudgetBytes = 64L << 20;

    private readonly CsrMatrix _x;          // (N, D)
    private readonly int[] _y;              // (N) class index per example
    private readonly double[] _s;           // (N) sample weights
    private readonly int _kp;               // Kp: K padded to a multiple of Vector<double>.Count
    private readonly int _rowsPerChunk;
    private readonly double[] _wb;          // (D+1, Kp) padded copy of [ w | b ]; b's padding is −∞
    private readonly double[][] _chunkGradient;   // ChunkCount × (D+1, Kp): Σ over the chunk's rows of [ xₙᵀ dzₙ | dzₙ ]
    private readonly double[][] _chunkLogits;     // ChunkCount × (Kp) scratch for zₙ, then pₙ, then dzₙ
    private readonly double[] _chunkLoss;   // (ChunkCount) Σ sₙ ℓₙ per chunk
    private readonly Action<int> _evaluateChunk;  // cached so an evaluation allocates no delegate

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
        _y = y.ToArray();
        _s = sampleWeights.ToArray();
        N = x.RowCount;
        D = x.ColumnCount;
        K = classCount;
        C = c;
        FitIntercept = fitIntercept;
        WeightSum = TensorPrimitives.Sum<double>(_s);

        int width = Vector<double>.Count;
        _kp = (K + width - 1) / width * width;
        ChunkCount = ChunksFor(N, D, _kp);
        _rowsPerChunk = (N + ChunkCount - 1) / Math.Max(1, ChunkCount);
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
    }

    public int N { get; }
    public int D { get; }
    public int K { get; }
    public double C { get; }
    public bool FitIntercept { get; }

    /// <summary>Number of fixed row chunks; depends on N, D and K only, so results do not depend on the core count.</summary>
    public int ChunkCount { get; }

    /// <summary>Parallelism over chunks; results do not depend on it (tests pin it to 1 to prove that).</summary>
    internal ParallelOptions Parallelism { get; set; } = new();

    /// <summary>Σₙ sₙ.</summary>
    public double WeightSum { get; }

    /// <summary>D·K, plus K with an intercept.</summary>
    public int Dimension => D * K + (FitIntercept ? K : 0);

    /// <summary>Chunks for N rows: one per <see cref="MinRowsPerChunk"/> rows, at most <see cref="MaxChunks"/>, and no more
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

        // Reduce in chunk order:  ∇w f = w + Σ_chunks dw,  ∇b f = Σ_chunks db,  f = C Σ_chunks loss + ½‖w‖².
        double loss = 0;
        for (int chunk = 0; chunk < ChunkCount; chunk++) loss += _chunkLoss[chunk];
        for (int j = 0; j < D; j++)
        {
            Span<double> gj = gradient.Slice(j * k, k);
            theta.Slice(j * k, k).CopyTo(gj);                                             // ∂(½‖w‖²)/∂w = w
            for (int chunk = 0; chunk < ChunkCount; chunk++)
                TensorPrimitives.Add(gj, _chunkGradient[chunk].AsSpan(j * kp, k), gj);
        }
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

    // For the rows of one chunk, forward then backward row by row:
    //   zₙ = b + Σⱼ xₙⱼ w[j,:];  ℓₙ = log Σₖ exp zₙₖ − zₙ,yₙ;  dzₙ = C sₙ (softmax(zₙ) − onehot(yₙ))
    //   dw[j,:] += xₙⱼ dzₙ  for the row's non-zeros j;  db += dzₙ
    // into the chunk's own gradient buffer and loss slot.
    private void EvaluateChunk(int chunk)
    {
        int start = chunk * _rowsPerChunk, end = Math.Min(N, start + _rowsPerChunk);
        int kp = _kp, bOffset = D * _kp;
        Span<double> grad = _chunkGradient[chunk];   // (D+1, Kp)
        grad.Clear();
        Span<double> z = _chunkLogits[chunk];        // (Kp)
        ReadOnlySpan<double> wb = _wb;               // (D+1, Kp)
        ReadOnlySpan<double> b = wb.Slice(bOffset, kp);
        Span<double> db = grad.Slice(bOffset, kp);
        double loss = 0;
        for (int n = start; n < end; n++)
        {
            double s = _s[n];
            if (s == 0) continue;                                   // contributes nothing to f or ∇f
            ReadOnlySpan<int> cols = _x.RowColumns(n);
            ReadOnlySpan<double> vals = _x.RowValues(n);

            b.CopyTo(z);                                            // z = b
            for (int e = 0; e < cols.Length; e++)
                SparseRowKernels.MultiplyAdd(wb.Slice(cols[e] * kp, kp), vals[e], z);   // z += xₙⱼ w[j,:]
            int yn = _y[n];
            double zy = z[yn];
            double logZ = Softmax.ProbabilitiesInPlace(z);          // z ← pₙ
            loss += s * (logZ - zy);                                // sₙ [log Σₖ exp zₙₖ − zₙ,yₙ]
            z[yn] -= 1.0;                                           // pₙ − onehot(yₙ)
            double cs = C * s;
            SparseRowKernels.MultiplyAdd(z, cs, db);                // db += dzₙ, dzₙ = C sₙ (pₙ − yₙ)
            for (int e = 0; e < cols.Length; e++)
                SparseRowKernels.MultiplyAdd(z, cs * vals[e], grad.Slice(cols[e] * kp, kp));   // dw[j,:] += xₙⱼ dzₙ
        }
        _chunkLoss[chunk] = loss;
    }
}

/// <summary>Length-Kp kernels for the padded rows of <see cref="SoftmaxCrossEntropyLoss"/>: whole SIMD vectors, no tail.</summary>
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
}
