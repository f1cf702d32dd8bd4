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
        int G = 4 * L.H, EH = L.InputWidth;
        for (int j = 0; j < L.W; j++) theta[j] = Uniform(rng, 0.05);

        double a = Math.Sqrt(6.0 / (L.E + G));
        for (int j = 0; j < G; j++)
            for (int e = 0; e < L.E; e++) theta[L.W + j * EH + e] = Uniform(rng, a);

        double[] q = Orthonormal(rng, G, L.H);                                        // (4H, H), orthonormal columns
        for (int j = 0; j < G; j++)
            for (int k = 0; k < L.H; k++) theta[L.W + j * EH + L.E + k] = (float)q[j * L.H + k];

        theta.Slice(L.B + L.H, L.H).Fill(1f);                                          // forget gate bias (Gers et al. 2000; Jozefowicz et al. 2015)

        double ay = Math.Sqrt(6.0 / (L.H + L.K));
        for (int j = 0; j < L.K * L.H; j++) theta[L.Wy + j] = Uniform(rng, ay);
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
