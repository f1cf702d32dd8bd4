using AttackClassifier.Kernels;
using AttackClassifier.Models.Lstm;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace AttackClassifier.Models.Sequence;

/// <summary>Flat session arrays in the engine's element type (float for training, double for gradient checks and parity).</summary>
/// <param name="FeatureCount">F, values per statement.</param>
/// <param name="Features">(S, F) row-major statement vectors.</param>
/// <param name="Starts">(N + 1) first statement row of each session, then S.</param>
/// <param name="Labels">(S) class per statement, or <see cref="TaggedSequences.Unlabelled"/>; may be empty for forward-only use.</param>
/// <param name="Weights">(S) statement weights; may be empty for forward-only use.</param>
internal sealed record SessionArrays<T>(int FeatureCount, T[] Features, int[] Starts, int[] Labels, T[] Weights);

/// <summary>
/// Loss and gradient of the bidirectional LSTM tagger over a batch of sessions, data-parallel over fixed chunks of
/// sessions. Each chunk owns its caches and gradient buffer; chunks are reduced in chunk order, so the result does not
/// depend on how many cores ran them.
/// </summary>
/// <remarks>
/// <para>Per session of length T with statement vectors x₀ … x_{T−1} (F each):</para>
/// <code>
///   hFₜ = LSTM_F(xₜ, hFₜ₋₁)              t = 0 … T−1, hF₋₁ = cF₋₁ = 0     (the command model's layer, LstmNetwork)
///   hBₜ = LSTM_B(xₜ, hBₜ₊₁)              t = T−1 … 0, hB_T = cB_T = 0
///   zₜ  = wy [hFₜ; hBₜ] + by,   pₜ = softmax(zₜ)
///   L   = Σ sₜ·(−log pₜ[yₜ]) / M          over the labelled statements of the batch, M = their count
/// </code>
/// <para>The backward direction is the forward kernel run over each session reversed: chunk inputs are time-major
/// (T_max, B, F) with row n holding session n post-padded (F direction) or reversed and post-padded (B direction). Padding
/// comes after a session's last step in both, so it never reaches a real step forward, and backward its ∂L/∂h is 0 and so
/// is every ∂L/∂a it produces: no padding bleeds into a session or between sessions. Loss weighting follows the command
/// model (Keras's sample weights: Σ s·CE over a count, zero-weight statements counted; unlabelled ones are not).</para>
/// </remarks>
internal sealed class BiLstmTaggerEngine<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Chunk[] _chunks;
    private readonly T[] _wTForward, _wTBackward;   // (F+H, 4H) wᵀ of each direction, rebuilt from θ by PrepareWeights

    /// <param name="layout">Model sizes.</param>
    /// <param name="sessionsPerChunk">Sessions per parallel work item (fixed: it decides the summation order).</param>
    /// <param name="maxSessions">The most sessions one call will see.</param>
    public BiLstmTaggerEngine(BiLstmTaggerLayout layout, int sessionsPerChunk, int maxSessions)
    {
        layout.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sessionsPerChunk);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSessions);
        Layout = layout;
        SessionsPerChunk = sessionsPerChunk;
        MaxSessions = maxSessions;
        _chunks = new Chunk[(maxSessions + sessionsPerChunk - 1) / sessionsPerChunk];
        for (int c = 0; c < _chunks.Length; c++) _chunks[c] = new Chunk(layout);
        _wTForward = new T[layout.InputWidth * 4 * layout.H];
        _wTBackward = new T[layout.InputWidth * 4 * layout.H];
    }

    public BiLstmTaggerLayout Layout { get; }
    public int SessionsPerChunk { get; }
    public int MaxSessions { get; }

    /// <summary>Most threads running chunks (−1: all cores, 1: one after another); the result is identical for every value.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Labelled statements (label ≥ 0) in the given sessions: M, the loss's divisor.</summary>
    public static int LabelledCount(SessionArrays<T> data, ReadOnlySpan<int> sessions)
    {
        int m = 0;
        foreach (int s in sessions)
            for (int r = data.Starts[s]; r < data.Starts[s + 1]; r++) if (data.Labels[r] >= 0) m++;
        return m;
    }

    /// <summary>
    /// Forward and backward over the sessions listed in <paramref name="sessions"/>. Returns Σ sₜ·lossₜ over their labelled
    /// statements (double, not divided); overwrites <paramref name="gradient"/> (θ layout) with ∇θ of that sum / M, and, when
    /// given, writes ∂L/∂x into the rows of those sessions' statements in <paramref name="inputGradient"/> (S, F).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double LossAndGradient(T[] theta, SessionArrays<T> data, ReadOnlyMemory<int> sessions, Span<T> gradient, T[]? inputGradient = null)
    {
        Check(theta, data, sessions.Span, labelled: true);
        if (gradient.Length != Layout.Count) throw new ArgumentException($"The gradient needs {Layout.Count} entries, not {gradient.Length}.", nameof(gradient));
        if (inputGradient is not null && inputGradient.Length != data.Features.Length) throw new ArgumentException("The input gradient needs S·F entries.", nameof(inputGradient));
        PrepareWeights(theta);
        T scale = T.One / T.CreateChecked(Math.Max(1, LabelledCount(data, sessions.Span)));
        int used = (sessions.Length + SessionsPerChunk - 1) / SessionsPerChunk;
        Run(used, c =>
        {
            ReadOnlySpan<int> mine = sessions.Span.Slice(c * SessionsPerChunk, Math.Min(SessionsPerChunk, sessions.Length - c * SessionsPerChunk));
            _chunks[c].Forward(this, theta, data, mine);
            _chunks[c].Backward(this, theta, data, mine, scale, inputGradient);
        });
        gradient.Clear();   // deterministic reduction in chunk order
        double loss = 0;
        for (int c = 0; c < used; c++)
        {
            loss += _chunks[c].Loss;
            TensorPrimitives.Add(gradient, _chunks[c].Gradient, gradient);
        }
        return loss;
    }

    /// <summary>
    /// Forward only. Returns Σ sₜ·lossₜ over labelled statements (0 when data has no labels); when <paramref name="logP"/>
    /// is given (S, C), writes log-probabilities into the rows of the listed sessions' statements.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Forward(T[] theta, SessionArrays<T> data, ReadOnlyMemory<int> sessions, T[]? logP)
    {
        Check(theta, data, sessions.Span, labelled: false);
        if (logP is not null && logP.Length != (long)data.Starts[^1] * Layout.C) throw new ArgumentException("logP needs S·C entries.", nameof(logP));
        PrepareWeights(theta);
        int used = (sessions.Length + SessionsPerChunk - 1) / SessionsPerChunk;
        Run(used, c =>
        {
            ReadOnlySpan<int> mine = sessions.Span.Slice(c * SessionsPerChunk, Math.Min(SessionsPerChunk, sessions.Length - c * SessionsPerChunk));
            _chunks[c].Forward(this, theta, data, mine);
            if (logP is not null) _chunks[c].CopyLogP(data, mine, logP);
        });
        double loss = 0;
        for (int c = 0; c < used; c++) loss += _chunks[c].Loss;
        return loss;
    }

    private void Check(T[] theta, SessionArrays<T> data, ReadOnlySpan<int> sessions, bool labelled)
    {
        int sessionCount = sessions.Length;
        foreach (int s in sessions)
            if ((uint)s >= (uint)(data.Starts.Length - 1)) throw new ArgumentOutOfRangeException(nameof(sessions), s, $"There are {data.Starts.Length - 1} sessions.");
        if (theta.Length != Layout.Count) throw new ArgumentException($"θ has {theta.Length} entries; this layout needs {Layout.Count}.", nameof(theta));
        if (data.FeatureCount != Layout.F) throw new ArgumentException($"Statements have {data.FeatureCount} features; the tagger takes {Layout.F}.", nameof(data));
        if (sessionCount <= 0 || sessionCount > MaxSessions) throw new ArgumentOutOfRangeException(nameof(sessions), sessionCount, $"A call takes 1..{MaxSessions} sessions.");
        int S = data.Starts[^1];
        if (data.Features.Length != (long)S * Layout.F) throw new ArgumentException("Features need S·F values.", nameof(data));
        if (labelled && (data.Labels.Length != S || data.Weights.Length != S)) throw new ArgumentException("Training needs a label and a weight per statement.", nameof(data));
    }

    /// <summary>
    /// Declares <paramref name="theta"/> immutable (a trained model's): its transposes are built once, here, and every later
    /// call with this same array skips the rebuild. Training never calls it, since its θ changes in place.
    /// </summary>
    public void FixWeights(T[] theta)
    {
        _fixedTheta = null;
        PrepareWeights(theta);
        _fixedTheta = theta;
    }

    private T[]? _fixedTheta;

    private void PrepareWeights(T[] theta)
    {
        if (ReferenceEquals(theta, _fixedTheta)) return;
        BiLstmTaggerLayout L = Layout;
        int G = 4 * L.H;
        LstmKernels.Transpose(G, L.InputWidth, theta.AsSpan(L.WForward, G * L.InputWidth), L.InputWidth, _wTForward);
        LstmKernels.Transpose(G, L.InputWidth, theta.AsSpan(L.WBackward, G * L.InputWidth), L.InputWidth, _wTBackward);
    }

    // Chunks are handed out one at a time, last first: the trainer sorts a batch's sessions by length, so the last chunk is
    // the longest, and longest-first keeps two cores evenly busy (a static split of four chunks into two ranges gave one core
    // the two longest). Which core runs a chunk changes no result: chunks are reduced in chunk order afterwards.
    private void Run(int count, Action<int> body)
    {
        int workers = Math.Min(count, MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism);
        if (workers <= 1)
        {
            for (int c = count - 1; c >= 0; c--) body(c);
            return;
        }
        int taken = 0;
        System.Threading.Tasks.Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            for (int i; (i = Interlocked.Increment(ref taken) - 1) < count;) body(count - 1 - i);
        });
    }

    /// <summary>One chunk's caches (time-major (T_max, B, ·), or compact (P, ·) over its P real statements) and gradient.</summary>
    private sealed class Chunk(BiLstmTaggerLayout layout)
    {
        private readonly BiLstmTaggerLayout _layout = layout;
        private int _cells, _rowsCapacity, _statements;

        public int Rows, Steps, Statements;            // B sessions, T_max steps, P real statements
        public double Loss;
        public int[] Lengths = [], Offsets = [];        // (B) session length, first compact row
        public T[] XF = [], XB = [], GatesF = [], GatesB = [], CF = [], CB = [], TanhCF = [], TanhCB = [], HF = [], HB = [];   // (T_max, B, ·)
        public T[] U = [], Z = [], LogP = [], W = [];   // (P, 2H), (P, C), (P, C), (P)
        public int[] Y = [];                            // (P) labels, unlabelled → 0 with weight 0
        public T[] DZ = [], DU = [], DHF = [], DHB = [], DA = [], DXF = [], DXB = [], Dh = [], Dc = [];
        public T[] Gradient = [];                       // (θ) this chunk's gradient, allocated by the first Backward

        // Grows the forward caches to hold rows × steps cells and the given statements (never shrinks: a chunk is reused
        // batch after batch); the backward buffers grow separately, so prediction never allocates them.
        private void Ensure(int rows, int steps, int statements)
        {
            BiLstmTaggerLayout L = _layout;
            int H = L.H, G = 4 * H, F = L.F, C = L.C, cells = checked(rows * steps);
            if (cells > _cells)
            {
                _cells = cells;
                XF = new T[cells * F]; XB = new T[cells * F];
                GatesF = new T[cells * G]; GatesB = new T[cells * G];
                CF = new T[cells * H]; CB = new T[cells * H]; TanhCF = new T[cells * H]; TanhCB = new T[cells * H];
                HF = new T[cells * H]; HB = new T[cells * H];
            }
            if (rows > _rowsCapacity)
            {
                _rowsCapacity = rows;
                Lengths = new int[rows]; Offsets = new int[rows];
            }
            if (statements > _statements)
            {
                _statements = statements;
                U = new T[statements * 2 * H]; Z = new T[statements * C]; LogP = new T[statements * C];
                W = new T[statements]; Y = new int[statements];
            }
        }

        private void EnsureBackward()
        {
            BiLstmTaggerLayout L = _layout;
            int H = L.H, F = L.F;
            if (Gradient.Length == 0) Gradient = new T[L.Count];
            if (DXF.Length < _cells * F)
            {
                DXF = new T[_cells * F]; DXB = new T[_cells * F]; DA = new T[_cells * 4 * H]; DHF = new T[_cells * H]; DHB = new T[_cells * H];
            }
            if (Dh.Length < _rowsCapacity * H) { Dh = new T[_rowsCapacity * H]; Dc = new T[_rowsCapacity * H]; }
            if (DU.Length < _statements * 2 * H) { DU = new T[_statements * 2 * H]; DZ = new T[_statements * L.C]; }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Forward(BiLstmTaggerEngine<T> e, T[] thetaArray, SessionArrays<T> data, ReadOnlySpan<int> sessions)
        {
            BiLstmTaggerLayout L = _layout;
            int H = L.H, G = 4 * H, F = L.F, C = L.C, B = sessions.Length;
            int steps = 0, statements = 0;
            foreach (int s in sessions)
            {
                int length = data.Starts[s + 1] - data.Starts[s];
                steps = Math.Max(steps, length);
                statements += length;
            }
            Ensure(B, steps, statements);
            (Rows, Steps, Statements) = (B, steps, statements);
            ReadOnlySpan<T> theta = thetaArray;
            bool labelled = data.Labels.Length > 0;
            XF.AsSpan(0, B * steps * F).Clear();
            XB.AsSpan(0, B * steps * F).Clear();
            for (int n = 0, r = 0; n < B; n++)
            {
                int first = data.Starts[sessions[n]], length = data.Starts[sessions[n] + 1] - first;
                (Lengths[n], Offsets[n]) = (length, r);
                for (int t = 0; t < length; t++, r++)
                {
                    ReadOnlySpan<T> x = data.Features.AsSpan((first + t) * F, F);
                    x.CopyTo(XF.AsSpan((t * B + n) * F));                      // F direction: step t reads xₜ
                    x.CopyTo(XB.AsSpan(((length - 1 - t) * B + n) * F));       // B direction: step t reads x_{T−1−t}
                    int y = labelled ? data.Labels[first + t] : TaggedSequences.Unlabelled;
                    (Y[r], W[r]) = y >= 0 ? (y, data.Weights[first + t]) : (0, T.Zero);
                }
            }
            LstmLayout D = L.Direction;
            LstmNetwork.LstmForward(D, e._wTForward, theta.Slice(L.BForward, G), XF, B, steps, GatesF, CF, TanhCF, HF);
            LstmNetwork.LstmForward(D, e._wTBackward, theta.Slice(L.BBackward, G), XB, B, steps, GatesB, CB, TanhCB, HB);
            // u = [hFₜ; hBₜ], hBₜ being the B direction's step T−1−t
            for (int n = 0; n < B; n++)
                for (int t = 0; t < Lengths[n]; t++)
                {
                    Span<T> u = U.AsSpan((Offsets[n] + t) * 2 * H, 2 * H);
                    HF.AsSpan((t * B + n) * H, H).CopyTo(u);
                    HB.AsSpan(((Lengths[n] - 1 - t) * B + n) * H, H).CopyTo(u.Slice(H));
                }
            LstmNetwork.DenseForward<T>(theta.Slice(L.Wy, 2 * C * H), theta.Slice(L.By, C), U, statements, Z);
            if (labelled) Loss = LstmNetwork.CrossEntropyForward<T>(Z, statements, C, Y, W, LogP);
            else
            {
                Loss = 0;
                for (int r = 0; r < statements; r++) Softmax.LogSoftmax<T>(Z.AsSpan(r * C, C), LogP.AsSpan(r * C, C));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Backward(BiLstmTaggerEngine<T> e, T[] thetaArray, SessionArrays<T> data, ReadOnlySpan<int> sessions, T scale, T[]? inputGradient)
        {
            BiLstmTaggerLayout L = _layout;
            int H = L.H, G = 4 * H, F = L.F, C = L.C, B = Rows, steps = Steps, P = Statements, EH = L.InputWidth;
            ReadOnlySpan<T> theta = thetaArray;
            EnsureBackward();
            Span<T> g = Gradient;
            g.Clear();
            LstmNetwork.CrossEntropyBackward<T>(LogP, P, C, Y, W, scale, DZ);
            LstmNetwork.DenseBackward<T>(theta.Slice(L.Wy, 2 * C * H), U, DZ, P, g.Slice(L.Wy, 2 * C * H), g.Slice(L.By, C), DU);
            // scatter du = [dhFₜ; dhBₜ] back to each direction's steps; padding steps keep ∂L/∂h = 0
            DHF.AsSpan(0, B * steps * H).Clear();
            DHB.AsSpan(0, B * steps * H).Clear();
            for (int n = 0; n < B; n++)
                for (int t = 0; t < Lengths[n]; t++)
                {
                    ReadOnlySpan<T> du = DU.AsSpan((Offsets[n] + t) * 2 * H, 2 * H);
                    du.Slice(0, H).CopyTo(DHF.AsSpan((t * B + n) * H));
                    du.Slice(H, H).CopyTo(DHB.AsSpan(((Lengths[n] - 1 - t) * B + n) * H));
                }
            LstmLayout D = L.Direction;
            LstmNetwork.LstmBackward<T>(D, theta.Slice(L.WForward, G * EH), XF, B, steps, GatesF, CF, TanhCF, HF, default, DHF,
                                        DA, g.Slice(L.WForward, G * EH), g.Slice(L.BForward, G), DXF, Dh, Dc);
            LstmNetwork.LstmBackward<T>(D, theta.Slice(L.WBackward, G * EH), XB, B, steps, GatesB, CB, TanhCB, HB, default, DHB,
                                        DA, g.Slice(L.WBackward, G * EH), g.Slice(L.BBackward, G), DXB, Dh, Dc);
            if (inputGradient is null) return;
            // xₜ feeds F's step t and B's step T−1−t: ∂L/∂xₜ is the sum of both
            for (int n = 0; n < B; n++)
            {
                int first = data.Starts[sessions[n]];
                for (int t = 0; t < Lengths[n]; t++)
                    TensorPrimitives.Add(DXF.AsSpan((t * B + n) * F, F), DXB.AsSpan(((Lengths[n] - 1 - t) * B + n) * F, F), inputGradient.AsSpan((first + t) * F, F));
            }
        }

        public void CopyLogP(SessionArrays<T> data, ReadOnlySpan<int> sessions, T[] logP)
        {
            int C = _layout.C;
            for (int n = 0; n < Rows; n++)
                LogP.AsSpan(Offsets[n] * C, Lengths[n] * C).CopyTo(logP.AsSpan(data.Starts[sessions[n]] * C));
        }
    }
}
