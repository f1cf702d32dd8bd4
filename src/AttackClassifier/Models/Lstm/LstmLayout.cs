using AttackClassifier.Text;

namespace AttackClassifier.Models.Lstm;

/// <summary>
/// Where each parameter tensor lives in the flat parameter vector θ of an Embedding → LSTM → Dense model.
/// θ = [ embedding (V,E) | w (4H, E+H) | b (4H) | wy (K,H) | by (K) ]; gradients use the same layout.
/// </summary>
/// <remarks>
/// Row j of <c>w</c> is [ wx[j,:] (E) | wh[j,:] (H) ]: the input and recurrent weights of gate unit j side by side.
/// Gate rows are ordered i, f, o, g (input, forget, output, candidate) so the three sigmoid gates are contiguous
/// and one Sigmoid call covers 3H values. Keras stores i, f, c(=g), o and PyTorch i, f, g, o; converting from
/// PyTorch means permuting the row blocks: ours (i, f, o, g) = theirs[0], theirs[1], theirs[3], theirs[2], and
/// <c>b</c> = PyTorch's <c>b_ih + b_hh</c> (Keras has a single bias). Keras's kernels are the transposes.
/// </remarks>
/// <param name="V">Vocabulary size: token ids are in [0, V); 0 is padding, 1 is out-of-vocabulary.</param>
/// <param name="E">Embedding width.</param>
/// <param name="H">Hidden (LSTM state) width.</param>
/// <param name="K">Number of classes.</param>
internal readonly record struct LstmLayout(int V, int E, int H, int K)
{
    /// <summary>Start of <c>w</c> (4H, E+H); the embedding occupies [0, V·E).</summary>
    public int W => V * E;

    /// <summary>Start of <c>b</c> (4H).</summary>
    public int B => W + 4 * H * (E + H);

    /// <summary>Start of <c>wy</c> (K, H).</summary>
    public int Wy => B + 4 * H;

    /// <summary>Start of <c>by</c> (K).</summary>
    public int By => Wy + K * H;

    /// <summary>Total number of parameters.</summary>
    public int Count => By + K;

    /// <summary>Row length of <c>w</c>: E + H.</summary>
    public int InputWidth => E + H;

    /// <summary>Throws unless every size is positive and θ fits in an array.</summary>
    public void Validate()
    {
        if (V < 2) throw new ArgumentOutOfRangeException(nameof(V), V, $"The vocabulary needs at least the padding ({SequenceEncoder.PaddingId}) and out-of-vocabulary ({SequenceEncoder.OovId}) ids.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(E);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(H);
        if (K < 2) throw new ArgumentOutOfRangeException(nameof(K), K, "A classifier needs at least two classes.");
        long count = (long)V * E + 4L * H * (E + H) + 4L * H + (long)K * H + K;
        if (count > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(V), $"The model would have {count} parameters, more than one array can hold.");
    }
}
