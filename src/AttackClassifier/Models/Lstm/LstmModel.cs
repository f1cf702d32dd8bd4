using AttackClassifier.Kernels;
using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace AttackClassifier.Models.Lstm;

/// <summary>
/// A trained Embedding → LSTM → Dense classifier (immutable, thread-safe). Inputs are encoded token-id sequences
/// (<see cref="Text.SequenceEncoder.PaddingId"/> = padding, <see cref="Text.SequenceEncoder.OovId"/> = out-of-vocabulary); outputs are class probabilities or indices in [0, <see cref="ClassCount"/>).
/// </summary>
public sealed class LstmModel
{
    private readonly float[] _theta;        // θ, LstmLayout
    private readonly float[] _inputTable;   // (V, 4H) x wxᵀ + b for every token: the input half of a, precomputed once
    private readonly float[] _whT;          // (H, 4H) whᵀ

    internal LstmModel(LstmLayout layout, float[] theta, bool masksPadding, IReadOnlyList<LstmEpochRecord> history, int bestEpoch)
    {
        layout.Validate();
        if (theta.Length != layout.Count) throw new ArgumentException($"θ has {theta.Length} entries; the layout needs {layout.Count}.", nameof(theta));
        Layout = layout;
        _theta = theta;
        MasksPadding = masksPadding;
        History = history.ToArray();
        BestEpoch = bestEpoch;

        int G = 4 * layout.H, EH = layout.InputWidth;
        var wT = new float[EH * G];
        LstmKernels.Transpose(G, EH, theta.AsSpan(layout.W, G * EH), EH, wT);
        _whT = wT.AsSpan(layout.E * G).ToArray();
        _inputTable = new float[layout.V * G];
        for (int v = 0; v < layout.V; v++) theta.AsSpan(layout.B, G).CopyTo(_inputTable.AsSpan(v * G));
        LstmKernels.MultiplyAccumulate<float>(layout.V, G, layout.E, theta.AsSpan(0, layout.W), layout.E, 1, wT, G, _inputTable, G);
    }

    /// <summary>Rebuilds a model from stored parameters (for the model file reader).</summary>
    internal static LstmModel Create(LstmLayout layout, float[] theta, bool masksPadding, IReadOnlyList<LstmEpochRecord> history, int bestEpoch)
        => new(layout, (float[])theta.Clone(), masksPadding, history, bestEpoch);

    /// <summary>Sizes of θ.</summary>
    internal LstmLayout Layout { get; }

    /// <summary>θ in <see cref="LstmLayout"/> order (for the model file writer).</summary>
    internal ReadOnlySpan<float> Parameters => _theta;

    /// <summary>V, the vocabulary size the model was trained with.</summary>
    public int VocabularySize => Layout.V;

    /// <summary>E, the embedding width.</summary>
    public int EmbeddingSize => Layout.E;

    /// <summary>H, the LSTM state width.</summary>
    public int HiddenSize => Layout.H;

    /// <summary>K, the number of classes (labels).</summary>
    public int ClassCount => Layout.K;

    /// <summary>Whether the classifier reads the state at the last non-padding token (see <see cref="LstmOptions.MaskPadding"/>).</summary>
    public bool MasksPadding { get; }

    /// <summary>Per-epoch training figures, in order.</summary>
    public IReadOnlyList<LstmEpochRecord> History { get; }

    /// <summary>Number of epochs trained.</summary>
    public int EpochsRun => History.Count;

    /// <summary>The 1-based epoch whose weights the model holds (lowest validation loss, or the last epoch without validation).</summary>
    public int BestEpoch { get; }

    /// <summary>Writes the K class probabilities of one encoded sequence (any length ≥ 1) into <paramref name="probabilities"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void PredictProbabilities(ReadOnlySpan<int> tokenIds, Span<float> probabilities)
    {
        int H = Layout.H, G = 4 * H, K = Layout.K;
        if (tokenIds.IsEmpty) throw new ArgumentException("The sequence is empty.", nameof(tokenIds));
        if (probabilities.Length != K) throw new ArgumentException($"probabilities needs exactly {K} entries, not {probabilities.Length}.", nameof(probabilities));
        for (int t = 0; t < tokenIds.Length; t++)
            if ((uint)tokenIds[t] >= (uint)Layout.V) throw new ArgumentException($"Token id {tokenIds[t]} at position {t} is outside [0, {Layout.V}).", nameof(tokenIds));
        int need = G + 3 * H + K;
        float[]? rented = need > 1024 ? ArrayPool<float>.Shared.Rent(need) : null;
        Span<float> scratch = rented ?? stackalloc float[need];
        Span<float> a = scratch.Slice(0, G), h = scratch.Slice(G, H), c = scratch.Slice(G + H, H), tanhC = scratch.Slice(G + 2 * H, H), z = scratch.Slice(G + 3 * H, K);
        h.Clear(); c.Clear();
        int last = LstmNetwork.OutputStep(tokenIds, MasksPadding);
        for (int t = 0; t <= last; t++)   // steps after the output step cannot change it
        {
            _inputTable.AsSpan(tokenIds[t] * G, G).CopyTo(a);                                  // a = wx x + b
            if (t > 0) LstmKernels.VectorMatrixMultiplyAccumulate(h, _whT, G, a);               //   + wh hPrev
            LstmNetwork.StepForward<float>(a, 1, H, t > 0 ? c : default, c, tanhC, h);          // the training pass's step, one row, c in place
        }
        LstmNetwork.DenseForward<float>(_theta.AsSpan(Layout.Wy, K * H), _theta.AsSpan(Layout.By, K), h, 1, z);
        Softmax.LogSoftmax<float>(z, probabilities);
        TensorPrimitives.Exp(probabilities, probabilities);
        if (rented is not null) ArrayPool<float>.Shared.Return(rented);
    }

    /// <summary>The most probable class of one encoded sequence.</summary>
    public int Predict(ReadOnlySpan<int> tokenIds)
    {
        Span<float> p = Layout.K <= 256 ? stackalloc float[Layout.K] : new float[Layout.K];
        PredictProbabilities(tokenIds, p);
        return TensorPrimitives.IndexOfMax<float>(p);
    }

    /// <summary>Class probabilities (N, K) row-major for N sequences laid out (N, T) row-major.</summary>
    public float[] PredictProbabilities(int[] tokenIds, int sequenceLength)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequenceLength);
        if (tokenIds.Length % sequenceLength != 0) throw new ArgumentException($"{tokenIds.Length} ids are not whole rows of {sequenceLength}.", nameof(tokenIds));
        int N = tokenIds.Length / sequenceLength, K = Layout.K;
        var p = new float[N * K];
        if (N == 0) return p;
        for (int i = 0; i < tokenIds.Length; i++)
            if ((uint)tokenIds[i] >= (uint)Layout.V) throw new ArgumentException($"Row {i / sequenceLength}, position {i % sequenceLength}: token id {tokenIds[i]} is outside [0, {Layout.V}).", nameof(tokenIds));
        const int BatchRows = 256;
        var engine = new LstmBatchEngine<float>(Layout, sequenceLength, Math.Min(BatchRows, N), LstmTrainer.RowsPerChunk, MasksPadding);
        for (int first = 0; first < N; first += engine.MaxRows)
        {
            int rows = Math.Min(engine.MaxRows, N - first);
            engine.Forward(_theta, tokenIds.AsMemory(first * sequenceLength, rows * sequenceLength), default, default, rows, p.AsMemory(first * K, rows * K));
        }
        TensorPrimitives.Exp(p, p);
        return p;
    }

    /// <summary>The most probable class of each of N sequences laid out (N, T) row-major.</summary>
    public int[] Predict(int[] tokenIds, int sequenceLength)
    {
        float[] p = PredictProbabilities(tokenIds, sequenceLength);
        int K = Layout.K;
        var y = new int[p.Length / K];
        for (int n = 0; n < y.Length; n++) y[n] = TensorPrimitives.IndexOfMax<float>(p.AsSpan(n * K, K));
        return y;
    }
}
