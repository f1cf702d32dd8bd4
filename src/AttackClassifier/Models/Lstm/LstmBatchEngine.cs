using AttackClassifier.Kernels;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace AttackClassifier.Models.Lstm;

/// <summary>
/// Loss and gradient of one batch, data-parallel over fixed chunks of rows. Each chunk owns its caches and
/// gradient buffers; chunks are reduced in chunk order, so the result does not depend on how many cores ran them.
/// </summary>
internal sealed class LstmBatchEngine<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Chunk[] _chunks;
    private readonly T[] _wT;    // (E+H, 4H) wᵀ, rebuilt from θ on every call

    /// <param name="layout">Model sizes.</param>
    /// <param name="steps">T, tokens per row.</param>
    /// <param name="maxRows">The largest batch this engine will see.</param>
    /// <param name="rowsPerChunk">Rows per parallel work item (fixed: it decides the summation order).</param>
    /// <param name="masked">Read h at each row's last non-padding token instead of step T − 1.</param>
    public LstmBatchEngine(LstmLayout layout, int steps, int maxRows, int rowsPerChunk, bool masked)
    {
        layout.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowsPerChunk);
        Layout = layout; Steps = steps; MaxRows = maxRows; RowsPerChunk = rowsPerChunk; Masked = masked;
        _chunks = new Chunk[(maxRows + rowsPerChunk - 1) / rowsPerChunk];
        for (int c = 0; c < _chunks.Length; c++) _chunks[c] = new Chunk(layout, steps, Math.Min(rowsPerChunk, maxRows - c * rowsPerChunk));
        _wT = new T[layout.InputWidth * 4 * layout.H];
    }

    public LstmLayout Layout { get; }
    public int Steps { get; }
    public int MaxRows { get; }
    public int RowsPerChunk { get; }
    public bool Masked { get; }

    /// <summary>Most threads running chunks (−1: all cores, 1: one after another); the result is identical for every value.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Run the gate products as plain triple loops (the benchmarks' baseline); same results up to rounding.</summary>
    public bool NaiveProducts { get; set; }

    /// <summary>
    /// Forward and backward over <paramref name="rows"/> rows. Returns Σₙ sₙ·lossₙ (double, not divided);
    /// overwrites <paramref name="gradient"/> (θ layout) with ∇θ of Keras's batch loss Σₙ sₙ·lossₙ / rows.
    /// </summary>
    /// <param name="theta">θ, <see cref="LstmLayout"/>.</param>
    /// <param name="tokens">(rows, T) token ids in [0, V).</param>
    /// <param name="labels">(rows) class indices in [0, K).</param>
    /// <param name="weights">(rows) sample weights.</param>
    /// <param name="keep">(rows, H) dropout multipliers, or empty for dropout off.</param>
    /// <param name="rows">B, rows in this batch.</param>
    /// <param name="gradient">(θ) receives the gradient.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double LossAndGradient(ReadOnlyMemory<T> theta, ReadOnlyMemory<int> tokens, ReadOnlyMemory<int> labels, ReadOnlyMemory<T> weights,
                                  ReadOnlyMemory<T> keep, int rows, Span<T> gradient)
    {
        CheckBatch(theta.Length, tokens.Length, labels.Length, weights.Length, rows);
        if (gradient.Length != Layout.Count) throw new ArgumentException($"The gradient needs {Layout.Count} entries, not {gradient.Length}.", nameof(gradient));
        if (!keep.IsEmpty && keep.Length < rows * Layout.H) throw new ArgumentException("The dropout mask needs rows·H entries.", nameof(keep));
        PrepareWeights(theta.Span);
        T scale = T.One / T.CreateChecked(rows);
        int used = (rows + RowsPerChunk - 1) / RowsPerChunk;
        Run(used, c => _chunks[c].ForwardBackward(this, theta, tokens, labels, weights, keep, c * RowsPerChunk, Math.Min(RowsPerChunk, rows - c * RowsPerChunk), scale));

        // Deterministic reduction in chunk order.
        LstmLayout L = Layout;
        int G = 4 * L.H, EH = L.InputWidth;
        gradient.Clear();
        double loss = 0;
        for (int c = 0; c < used; c++)
        {
            Chunk k = _chunks[c];
            loss += k.Loss;
            TensorPrimitives.Add(gradient.Slice(L.W, G * EH), k.Dw, gradient.Slice(L.W, G * EH));
            TensorPrimitives.Add(gradient.Slice(L.B, G), k.Db, gradient.Slice(L.B, G));
            TensorPrimitives.Add(gradient.Slice(L.Wy, L.K * L.H), k.Dwy, gradient.Slice(L.Wy, L.K * L.H));
            TensorPrimitives.Add(gradient.Slice(L.By, L.K), k.Dby, gradient.Slice(L.By, L.K));
            LstmNetwork.EmbeddingBackward(tokens.Span.Slice(c * RowsPerChunk * Steps, k.Rows * Steps), k.Rows, Steps, k.DX, gradient.Slice(0, L.W), L.E);
        }
        return loss;
    }

    /// <summary>Forward only, dropout off: writes logP (rows, K) and returns Σₙ sₙ·lossₙ (0 when labels is empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Forward(ReadOnlyMemory<T> theta, ReadOnlyMemory<int> tokens, ReadOnlyMemory<int> labels, ReadOnlyMemory<T> weights, int rows, Memory<T> logP)
    {
        CheckBatch(theta.Length, tokens.Length, labels.IsEmpty ? rows : labels.Length, weights.IsEmpty ? rows : weights.Length, rows);
        if (logP.Length < rows * Layout.K) throw new ArgumentException("logP needs rows·K entries.", nameof(logP));
        PrepareWeights(theta.Span);
        int used = (rows + RowsPerChunk - 1) / RowsPerChunk;
        Run(used, c =>
        {
            int first = c * RowsPerChunk, n = Math.Min(RowsPerChunk, rows - first);
            _chunks[c].Forward(this, theta.Span, tokens.Span.Slice(first * Steps, n * Steps), labels.IsEmpty ? default : labels.Span.Slice(first, n),
                               weights.IsEmpty ? default : weights.Span.Slice(first, n), default, n);
            _chunks[c].LogP.AsSpan(0, n * Layout.K).CopyTo(logP.Span.Slice(first * Layout.K));
        });
        double loss = 0;
        for (int c = 0; c < used; c++) loss += _chunks[c].Loss;
        return loss;
    }

    private void CheckBatch(int thetaLength, int tokenCount, int labelCount, int weightCount, int rows)
    {
        if (thetaLength != Layout.Count) throw new ArgumentException($"θ has {thetaLength} entries; this layout needs {Layout.Count}.", "theta");
        if (rows <= 0 || rows > MaxRows) throw new ArgumentOutOfRangeException(nameof(rows), rows, $"A batch holds 1..{MaxRows} rows.");
        if (tokenCount < rows * Steps) throw new ArgumentException($"tokens needs rows·T = {rows * Steps} ids.", "tokens");
        if (labelCount < rows || weightCount < rows) throw new ArgumentException("labels and weights need one entry per row.");
    }

    private void PrepareWeights(ReadOnlySpan<T> theta)
    {
        int G = 4 * Layout.H;
        LstmKernels.Transpose(G, Layout.InputWidth, theta.Slice(Layout.W, G * Layout.InputWidth), Layout.InputWidth, _wT);
    }

    private void Run(int count, Action<int> body)
    {
        if (MaxDegreeOfParallelism != 1 && count > 1)
            System.Threading.Tasks.Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism }, body);
        else for (int c = 0; c < count; c++) body(c);
    }

    /// <summary>One chunk's caches (time-major) and gradient buffers.</summary>
    private sealed class Chunk
    {
        public Chunk(LstmLayout L, int steps, int capacity)
        {
            int G = 4 * L.H, P = steps * capacity;
            X = new T[P * L.E]; Gates = new T[P * G]; C = new T[P * L.H]; TanhC = new T[P * L.H]; Hs = new T[P * L.H];
            Last = new int[capacity]; HOut = new T[capacity * L.H]; U = new T[capacity * L.H];
            Z = new T[capacity * L.K]; LogP = new T[capacity * L.K];
            DZ = new T[capacity * L.K]; DU = new T[capacity * L.H]; DHOut = new T[capacity * L.H];
            DA = new T[P * G]; DX = new T[P * L.E]; Dh = new T[capacity * L.H]; Dc = new T[capacity * L.H];
            Dw = new T[G * L.InputWidth]; Db = new T[G]; Dwy = new T[L.K * L.H]; Dby = new T[L.K];
        }

        public int Rows;
        public double Loss;
        public readonly T[] X, Gates, C, TanhC, Hs;     // (T, B, ·) forward caches
        public readonly int[] Last;                     // (B) output step per row
        public readonly T[] HOut, U, Z, LogP;           // (B, H), (B, H), (B, K), (B, K)
        public readonly T[] DZ, DU, DHOut, DA, DX, Dh, Dc;
        public readonly T[] Dw, Db, Dwy, Dby;           // this chunk's gradient: (4H, E+H), (4H), (K, H), (K)

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Forward(LstmBatchEngine<T> e, ReadOnlySpan<T> theta, ReadOnlySpan<int> tokens, ReadOnlySpan<int> labels, ReadOnlySpan<T> weights, ReadOnlySpan<T> keep, int rows)
        {
            LstmLayout L = e.Layout;
            int T_ = e.Steps;
            Rows = rows;
            LstmNetwork.EmbeddingForward(theta.Slice(0, L.W), L.E, tokens, rows, T_, X);
            LstmNetwork.LstmForward(L, e._wT, theta.Slice(L.B, 4 * L.H), X, rows, T_, Gates, C, TanhC, Hs, e.NaiveProducts);
            LstmNetwork.OutputSteps(tokens, rows, T_, e.Masked, Last);
            LstmNetwork.GatherOutput<T>(Hs, rows, L.H, Last, HOut);
            LstmNetwork.DropoutForward<T>(HOut.AsSpan(0, rows * L.H), keep, U);
            LstmNetwork.DenseForward(theta.Slice(L.Wy, L.K * L.H), theta.Slice(L.By, L.K), U, rows, Z);
            Loss = labels.IsEmpty ? 0 : LstmNetwork.CrossEntropyForward<T>(Z, rows, L.K, labels, weights, LogP);
            if (labels.IsEmpty)
                for (int n = 0; n < rows; n++) Softmax.LogSoftmax<T>(Z.AsSpan(n * L.K, L.K), LogP.AsSpan(n * L.K, L.K));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void ForwardBackward(LstmBatchEngine<T> e, ReadOnlyMemory<T> thetaMemory, ReadOnlyMemory<int> tokensMemory, ReadOnlyMemory<int> labelsMemory,
                                    ReadOnlyMemory<T> weightsMemory, ReadOnlyMemory<T> keepMemory, int first, int rows, T scale)
        {
            LstmLayout L = e.Layout;
            int T_ = e.Steps, G = 4 * L.H;
            ReadOnlySpan<T> theta = thetaMemory.Span;
            ReadOnlySpan<int> labels = labelsMemory.Span.Slice(first, rows);
            ReadOnlySpan<T> weights = weightsMemory.Span.Slice(first, rows);
            ReadOnlySpan<T> keep = keepMemory.IsEmpty ? default : keepMemory.Span.Slice(first * L.H, rows * L.H);
            Forward(e, theta, tokensMemory.Span.Slice(first * T_, rows * T_), labels, weights, keep, rows);

            Array.Clear(Dw); Array.Clear(Db); Array.Clear(Dwy); Array.Clear(Dby);
            LstmNetwork.CrossEntropyBackward<T>(LogP, rows, L.K, labels, weights, scale, DZ);
            LstmNetwork.DenseBackward<T>(theta.Slice(L.Wy, L.K * L.H), U, DZ, rows, Dwy, Dby, DU);
            LstmNetwork.DropoutBackward<T>(keep, DU.AsSpan(0, rows * L.H), DHOut);
            LstmNetwork.LstmBackward<T>(L, theta.Slice(L.W, G * L.InputWidth), X, rows, T_, Gates, C, TanhC, Hs, Last, DHOut,
                                        DA, Dw, Db, DX, Dh, Dc, e.NaiveProducts);
        }
    }
}
