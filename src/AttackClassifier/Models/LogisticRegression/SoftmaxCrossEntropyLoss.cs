using System.Numerics.Tensors;
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
/// θ = [ w (D,K) | b (K) ] (b only with an intercept); the gradient has the same layout. w is (D,K) so a sparse
/// row costs one length-K MultiplyAdd per non-zero.
/// <para>Determinism: pass 1 runs over fixed chunks of <see cref="ChunkRows"/> rows (independent of the core count),
/// computing zₙ, the loss and dzₙ = C sₙ (pₙ − yₙ) per row; per-chunk loss and ∂b partial sums are reduced in chunk
/// order. Pass 2 computes ∂w one feature row at a time from a column-major copy of X (Xᵀ in CSR form), summing
/// over examples in ascending order. Every sum therefore has a fixed order, and f and ∇f are bit-identical
/// whatever the number of cores. The cost is an (N,K) buffer for dz and a second copy of X.</para>
/// <para>Not thread-safe: scratch buffers are reused across calls (they carry no state between calls).</para>
/// </remarks>
internal sealed class SoftmaxCrossEntropyLoss : IDifferentiableFunction
{
    /// <summary>Rows per chunk in the parallel forward pass. Fixed, so results do not depend on the core count.</summary>
    public const int ChunkRows = 1024;

    /// <summary>Feature rows of w per chunk in the parallel ∂w pass.</summary>
    private const int ChunkFeatures = 256;

    private readonly CsrMatrix _x;        // (N, D)
    private readonly CsrMatrix _xT;       // (D, N): Xᵀ, examples ascending within each feature
    private readonly int[] _y;            // (N) class index per example
    private readonly double[] _s;         // (N) sample weights
    private readonly double[] _dz;        // (N, K) scratch: C sₙ (pₙ − onehot(yₙ))
    private readonly double[] _chunkLoss; // (chunks)
    private readonly double[] _chunkDb;   // (chunks, K)
    private readonly double[] _theta;     // (Dimension) copy of θ: spans cannot enter the parallel lambdas
    private readonly double[] _gradient;  // (Dimension) ∇f before it is copied out

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
        _xT = Transpose(x);
        _y = y.ToArray();
        _s = sampleWeights.ToArray();
        N = x.RowCount;
        D = x.ColumnCount;
        K = classCount;
        C = c;
        FitIntercept = fitIntercept;
        _dz = new double[N * K];
        int chunks = (N + ChunkRows - 1) / ChunkRows;
        _chunkLoss = new double[chunks];
        _chunkDb = new double[chunks * K];
        WeightSum = TensorPrimitives.Sum<double>(_s);
        _theta = new double[Dimension];
        _gradient = new double[Dimension];
    }

    public int N { get; }
    public int D { get; }
    public int K { get; }
    public double C { get; }
    public bool FitIntercept { get; }

    /// <summary>Parallelism of both passes; results do not depend on it (tests pin it to 1 to prove that).</summary>
    internal ParallelOptions Parallelism { get; set; } = new();

    /// <summary>Σₙ sₙ.</summary>
    public double WeightSum { get; }

    /// <summary>D·K, plus K with an intercept.</summary>
    public int Dimension => D * K + (FitIntercept ? K : 0);

    /// <summary>Returns f(θ) and writes ∇f(θ), both unscaled.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        if (theta.Length != Dimension || gradient.Length != Dimension)
            throw new ArgumentException($"theta and gradient must have length {Dimension} (D·K{(FitIntercept ? " + K" : "")}).");
        double[] th = _theta, g = _gradient;
        theta.CopyTo(th);   // one O(DK) copy, small next to the O(nnz·K) work
        int chunks = _chunkLoss.Length;

        // Pass 1: logits, loss and dz per row, fixed row chunks in parallel.
        Parallel.For(0, chunks, Parallelism, chunk => ForwardChunk(th, chunk));
        double loss = 0;
        double[] dbSum = new double[K];
        for (int chunk = 0; chunk < chunks; chunk++)   // reduce in chunk order
        {
            loss += _chunkLoss[chunk];
            TensorPrimitives.Add(dbSum, _chunkDb.AsSpan(chunk * K, K), dbSum);
        }

        // Pass 2: ∂w[j,:] = w[j,:] + Σₙ xₙⱼ dzₙ  (∇w f = C Xᵀ S (P − Y) + w; C sₙ is already inside dz).
        int featureChunks = (D + ChunkFeatures - 1) / ChunkFeatures;
        Parallel.For(0, featureChunks, Parallelism, fc =>
        {
            int end = Math.Min(D, (fc + 1) * ChunkFeatures);
            for (int j = fc * ChunkFeatures; j < end; j++)
            {
                Span<double> dwj = g.AsSpan(j * K, K);
                th.AsSpan(j * K, K).CopyTo(dwj);                                  // ∂(½‖w‖²)/∂w = w
                ReadOnlySpan<int> rows = _xT.RowColumns(j);
                ReadOnlySpan<double> values = _xT.RowValues(j);
                for (int e = 0; e < rows.Length; e++)
                    TensorPrimitives.MultiplyAdd(_dz.AsSpan(rows[e] * K, K), values[e], dwj, dwj);   // dw[j,:] += xₙⱼ dzₙ
            }
        });
        if (FitIntercept) dbSum.CopyTo(g.AsSpan(D * K));                          // ∇b f = C Σₙ sₙ (pₙ − yₙ)
        g.CopyTo(gradient);

        double w2 = TensorPrimitives.Dot(theta[..(D * K)], theta[..(D * K)]);
        return C * loss + 0.5 * w2;
    }

    // For rows of one chunk: zₙ = xₙ w + b;  ℓₙ = log Σₖ exp zₙₖ − zₙ,yₙ;  dzₙ = C sₙ (softmax(zₙ) − onehot(yₙ)).
    // Writes Σ sₙ ℓₙ and Σ dzₙ of the chunk into its partial-sum slots.
    private void ForwardChunk(double[] theta, int chunk)
    {
        int start = chunk * ChunkRows, end = Math.Min(N, start + ChunkRows);
        Span<double> db = _chunkDb.AsSpan(chunk * K, K);
        db.Clear();
        double loss = 0;
        ReadOnlySpan<double> w = theta.AsSpan(0, D * K);
        for (int n = start; n < end; n++)
        {
            Span<double> z = _dz.AsSpan(n * K, K);                                  // zₙ computed in place, then overwritten by dzₙ
            if (FitIntercept) theta.AsSpan(D * K, K).CopyTo(z); else z.Clear();    // z = b
            ReadOnlySpan<int> cols = _x.RowColumns(n);
            ReadOnlySpan<double> vals = _x.RowValues(n);
            for (int e = 0; e < cols.Length; e++)
                TensorPrimitives.MultiplyAdd(w.Slice(cols[e] * K, K), vals[e], z, z);   // z += xₙⱼ w[j,:]
            double zy = z[_y[n]];
            double logZ = Softmax.Probabilities(z, z);                             // z ← pₙ
            loss += _s[n] * (logZ - zy);                                           // sₙ [log Σₖ exp zₙₖ − zₙ,yₙ]
            z[_y[n]] -= 1.0;                                                        // pₙ − onehot(yₙ)
            TensorPrimitives.Multiply(z, C * _s[n], z);                            // dzₙ = C sₙ (pₙ − yₙ)
            TensorPrimitives.Add(db, z, db);
        }
        _chunkLoss[chunk] = loss;
    }

    /// <summary>Xᵀ as a (D, N) CSR matrix; entries of each feature row come out in ascending example order.</summary>
    internal static CsrMatrix Transpose(CsrMatrix x)
    {
        var rowStart = new int[x.ColumnCount + 1];
        for (int n = 0; n < x.RowCount; n++)
            foreach (int j in x.RowColumns(n)) rowStart[j + 1]++;
        for (int j = 0; j < x.ColumnCount; j++) rowStart[j + 1] += rowStart[j];
        var next = rowStart[..^1];
        var columns = new int[x.NonZeroCount];
        var values = new double[x.NonZeroCount];
        for (int n = 0; n < x.RowCount; n++)
        {
            ReadOnlySpan<int> cols = x.RowColumns(n);
            ReadOnlySpan<double> vals = x.RowValues(n);
            for (int e = 0; e < cols.Length; e++)
            {
                int at = next[cols[e]]++;
                columns[at] = n;
                values[at] = vals[e];
            }
        }
        return new CsrMatrix(x.ColumnCount, x.RowCount, rowStart, columns, values);
    }
}
