using AttackClassifier.Data;
using AttackClassifier.Randomness;

namespace AttackClassifier.Models.Lstm;

/// <summary>
/// Keras's default initial values, drawn in this order from one seeded stream:
/// embedding ~ U(−0.05, 0.05) (Keras "uniform");
/// wx ~ Glorot-uniform on Keras's kernel shape (E, 4H): U(−a, a), a = √(6 / (E + 4H));
/// wh = orthogonal on Keras's recurrent kernel shape (H, 4H): QR of a standard-normal (4H, H) matrix, Q's columns
///      with the signs of diag(R) — what Keras's Orthogonal does (wh here is its transpose, and the gate blocks are
///      permuted, which keeps the columns orthonormal);
/// b = 0 except the forget block = 1 (unit_forget_bias); wy ~ Glorot-uniform on (H, K); by = 0.
/// </summary>
internal static class LstmInitializer
{
    public static void Initialize(LstmLayout L, SeededRandom rng, Span<float> theta)
    {
        if (theta.Length != L.Count) throw new ArgumentException($"θ needs {L.Count} entries.", nameof(theta));
        theta.Clear();
        for (int j = 0; j < L.W; j++) theta[j] = Uniform(rng, 0.05);
        InitializeLayer(L.E, L.H, rng, theta.Slice(L.W, 4 * L.H * L.InputWidth), theta.Slice(L.B, 4 * L.H));
        GlorotUniform(rng, L.H, L.K, theta.Slice(L.Wy, L.K * L.H));
    }

    /// <summary>
    /// One LSTM layer (inputs of width <paramref name="e"/>, state <paramref name="h"/>): wx Glorot-uniform on (E, 4H), wh
    /// orthogonal, b = 0 except the forget block = 1, drawn in that order. w: (4H, E+H) in <see cref="LstmLayout"/>'s row
    /// layout, b: (4H). The session tagger initialises each of its directions with it.
    /// </summary>
    internal static void InitializeLayer(int e, int h, SeededRandom rng, Span<float> w, Span<float> b)
    {
        int G = 4 * h, EH = e + h;
        if (w.Length != G * EH || b.Length != G) throw new ArgumentException($"A layer needs w of {G * EH} and b of {G} entries.");
        double a = Math.Sqrt(6.0 / (e + G));
        for (int j = 0; j < G; j++)
            for (int k = 0; k < e; k++) w[j * EH + k] = Uniform(rng, a);

        double[] q = Orthonormal(rng, G, h);                                          // (4H, H), orthonormal columns
        for (int j = 0; j < G; j++)
            for (int k = 0; k < h; k++) w[j * EH + e + k] = (float)q[j * h + k];

        b.Clear();
        b.Slice(h, h).Fill(1f);                                                       // forget gate bias (Gers et al. 2000; Jozefowicz et al. 2015)
    }

    /// <summary>Glorot-uniform (Glorot &amp; Bengio 2010) for a dense layer of fan-in × fan-out: U(−a, a), a = √(6 / (fanIn + fanOut)).</summary>
    internal static void GlorotUniform(SeededRandom rng, int fanIn, int fanOut, Span<float> w)
    {
        double a = Math.Sqrt(6.0 / (fanIn + fanOut));
        for (int j = 0; j < w.Length; j++) w[j] = Uniform(rng, a);
    }

    private static float Uniform(SeededRandom rng, double limit) => (float)((2 * rng.NextDouble() - 1) * limit);

    /// <summary>Standard normal deviate by Box–Muller: √(−2 ln u₁) · cos(2π u₂), u₁ ∈ (0, 1].</summary>
    internal static double Normal(SeededRandom rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// (rows, columns) with orthonormal columns (rows ≥ columns): modified Gram–Schmidt on a standard-normal matrix.
    /// Gram–Schmidt gives the Q of the QR factorisation whose R has a positive diagonal, i.e. Householder's Q times sign(diag R).
    /// </summary>
    internal static double[] Orthonormal(SeededRandom rng, int rows, int columns)
    {
        if (rows < columns) throw new ArgumentException("Orthonormal columns need rows ≥ columns.");
        var q = new double[rows * columns];
        for (int i = 0; i < q.Length; i++) q[i] = Normal(rng);
        for (int c = 0; c < columns; c++)
        {
            for (int prev = 0; prev < c; prev++)
            {
                double dot = 0;
                for (int r = 0; r < rows; r++) dot += q[r * columns + c] * q[r * columns + prev];
                for (int r = 0; r < rows; r++) q[r * columns + c] -= dot * q[r * columns + prev];
            }
            double norm = 0;
            for (int r = 0; r < rows; r++) norm += q[r * columns + c] * q[r * columns + c];
            norm = Math.Sqrt(norm);
            for (int r = 0; r < rows; r++) q[r * columns + c] /= norm;
        }
        return q;
    }
}
