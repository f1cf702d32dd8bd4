using AttackClassifier.Models.Lstm;

namespace AttackClassifier.Models.Sequence;

/// <summary>
/// Where each parameter tensor of the bidirectional LSTM tagger lives in its flat parameter vector θ:
/// θ = [ wF (4H, F+H) | bF (4H) | wB (4H, F+H) | bB (4H) | wy (C, 2H) | by (C) ]; gradients use the same layout.
/// </summary>
/// <remarks>
/// Each direction is one LSTM layer in the command model's layout (<see cref="LstmLayout"/>): row j of w is
/// [ wx[j,:] (F) | wh[j,:] (H) ], gate rows ordered i, f, o, g, one bias = PyTorch's <c>b_ih + b_hh</c>. F reads the
/// session left to right, B right to left. The head reads [hF; hB] (2H), forward half first, as PyTorch's
/// <c>nn.LSTM(bidirectional=True)</c> concatenates its outputs; wy's row k is [ wy_F[k,:] (H) | wy_B[k,:] (H) ].
/// </remarks>
/// <param name="F">Features per statement (the caller's statement vector).</param>
/// <param name="H">Hidden width of each direction.</param>
/// <param name="C">Number of classes (tactics).</param>
internal readonly record struct BiLstmTaggerLayout(int F, int H, int C)
{
    /// <summary>One direction as the LSTM kernels see it: E = F, no embedding (V = 0); only E and H are read.</summary>
    public LstmLayout Direction => new(0, F, H, C);

    /// <summary>Length of one direction's block [ w (4H, F+H) | b (4H) ].</summary>
    public int DirectionCount => 4 * H * (F + H) + 4 * H;

    /// <summary>Start of wF (4H, F+H); bF follows it.</summary>
    public int WForward => 0;

    /// <summary>Start of bF (4H).</summary>
    public int BForward => 4 * H * (F + H);

    /// <summary>Start of wB (4H, F+H).</summary>
    public int WBackward => DirectionCount;

    /// <summary>Start of bB (4H).</summary>
    public int BBackward => DirectionCount + 4 * H * (F + H);

    /// <summary>Start of wy (C, 2H).</summary>
    public int Wy => 2 * DirectionCount;

    /// <summary>Start of by (C).</summary>
    public int By => Wy + 2 * C * H;

    /// <summary>Total number of parameters.</summary>
    public int Count => By + C;

    /// <summary>Row length of w: F + H.</summary>
    public int InputWidth => F + H;

    /// <summary>Throws unless every size is positive and θ fits in an array.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(F);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(H);
        if (C < 2) throw new ArgumentOutOfRangeException(nameof(C), C, "A tagger needs at least two classes.");
        long count = 2 * (4L * H * (F + H) + 4L * H) + 2L * C * H + C;
        if (count > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(H), $"The tagger would have {count} parameters, more than one array can hold.");
    }
}
