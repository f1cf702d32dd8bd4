using AttackClassifier.Kernels;
using AttackClassifier.Text;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace AttackClassifier.Models.Lstm;

/// <summary>
/// The layers of Embedding → LSTM → Dropout → Dense → softmax cross-entropy, each Forward beside its Backward.
/// Generic in the element type so the same code runs in float (training) and double (gradient checks, parity).
/// </summary>
/// <remarks>
/// <para>LSTM (Hochreiter &amp; Schmidhuber 1997, with the forget gate of Gers, Schmidhuber &amp; Cummins 2000), per step t and row n,
/// in the code's names, xₜ the embedded token and w = [wx | wh] (see <see cref="LstmLayout"/>):</para>
/// <code>
///   a  = wx xₜ + wh hPrev + b                       (4H pre-activations, rows i f o g)
///   i  = σ(a_i),  f = σ(a_f),  o = σ(a_o)           input, forget and output gates
///   g  = tanh(a_g)                                  candidate cell
///   c  = f ⊙ cPrev + i ⊙ g                          cell state
///   h  = o ⊙ tanh(c)                                hidden state
/// </code>
/// <para>h₀ = c₀ = 0. The head reads h at the last step (or, with masking, at each row's last non-padding token),
/// applies inverted dropout u = h ⊙ keep (keep ∈ {0, 1/(1−rate)}), then z = wy u + by, p = softmax(z). The batch loss is
/// Keras's: L = Σₙ sₙ·(−log p[n, yₙ]) / B with B the number of rows in the batch (zero-weight rows count).</para>
/// Time-major buffers: step t's rows are contiguous, so each step is one (B, ·) block for the matrix kernels.
/// </remarks>
internal static class LstmNetwork
{
    // ---------------------------------------------------------------- Embedding
    // x[t, n, :] = embedding[tokens[n, t], :]          tokens: (B, T) row-major,  x: (T, B, E)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void EmbeddingForward<T>(ReadOnlySpan<T> embedding, int e, ReadOnlySpan<int> tokens, int rows, int steps, Span<T> x)
    {
        for (int n = 0; n < rows; n++)
            for (int t = 0; t < steps; t++)
                embedding.Slice(tokens[n * steps + t] * e, e).CopyTo(x.Slice((t * rows + n) * e, e));
    }

    // Given dx = ∂L/∂x:  dEmbedding[tokens[n, t], :] += dx[t, n, :]   (a token used twice gets both gradients)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void EmbeddingBackward<T>(ReadOnlySpan<int> tokens, int rows, int steps, ReadOnlySpan<T> dx, Span<T> dEmbedding, int e)
        where T : INumber<T>
    {
        for (int n = 0; n < rows; n++)
            for (int t = 0; t < steps; t++)
            {
                Span<T> row = dEmbedding.Slice(tokens[n * steps + t] * e, e);
                TensorPrimitives.Add(row, dx.Slice((t * rows + n) * e, e), row);
            }
    }

    // ---------------------------------------------------------------- LSTM over the sequence
    /// <summary>
    /// Runs the LSTM over all steps. wT (E+H, 4H) is wᵀ, so each product walks contiguous rows: one product
    /// projects the inputs of all T·B positions at once (xw = x wxᵀ + b), then each step adds hPrev whᵀ and applies the gates.
    /// Caches (all time-major): gates (T,B,4H) activated i f o g; c (T,B,H); tanhC (T,B,H), cached because Backward needs
    /// it and tanh costs more than a load; h (T,B,H).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void LstmForward<T>(LstmLayout L, ReadOnlySpan<T> wT, ReadOnlySpan<T> b, ReadOnlySpan<T> x, int rows, int steps,
                                        Span<T> gates, Span<T> c, Span<T> tanhC, Span<T> h, bool naive = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int E = L.E, H = L.H, G = 4 * H, positions = rows * steps;
        // a = b + x wxᵀ for every (t, n) at once: (T·B, E) · (E, 4H)
        for (int r = 0; r < positions; r++) b.CopyTo(gates.Slice(r * G, G));
        Product(naive, positions, G, E, x, E, 1, wT, G, gates, G);
        ReadOnlySpan<T> whT = wT.Slice(E * G, H * G);                                   // (H, 4H)
        for (int t = 0; t < steps; t++)
        {
            Span<T> a = gates.Slice(t * rows * G, rows * G);                            // (B, 4H)
            if (t > 0) Product(naive, rows, G, H, h.Slice((t - 1) * rows * H, rows * H), H, 1, whT, G, a, G);  // a += hPrev whᵀ
            int s = t * rows * H;                                                       // start of step t in the (T, B, H) caches
            StepForward<T>(a, rows, H, t > 0 ? c.Slice(s - rows * H, rows * H) : default, c.Slice(s, rows * H), tanhC.Slice(s, rows * H), h.Slice(s, rows * H));
        }
    }

    /// <summary>
    /// One step for B rows once the pre-activations are in: a (B, 4H) holds a = wx x + wh hPrev + b on entry and the activated
    /// gates i f o g on exit; cPrev (B, H) is empty at t = 0; writes c, tanhC and h (B, H each). c may be cPrev itself
    /// (single-sequence prediction keeps one state and updates it in place). The training forward pass and
    /// <see cref="LstmModel"/>'s single-row prediction both run this, so the two cannot drift apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void StepForward<T>(Span<T> a, int rows, int H, ReadOnlySpan<T> cPrev, Span<T> c, Span<T> tanhC, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int G = 4 * H;
        for (int n = 0; n < rows; n++)
        {
            Span<T> an = a.Slice(n * G, G);
            TensorPrimitives.Sigmoid(an.Slice(0, 3 * H), an.Slice(0, 3 * H));           // i, f, o = σ(a_i, a_f, a_o): one call, contiguous
            TensorPrimitives.Tanh(an.Slice(3 * H, H), an.Slice(3 * H, H));              // g = tanh(a_g)
            CellForward<T>(an.Slice(0, H), an.Slice(H, H), an.Slice(3 * H, H),           // c = f ⊙ cPrev + i ⊙ g  (c₀ = 0)
                           cPrev.IsEmpty ? default : cPrev.Slice(n * H, H), c.Slice(n * H, H));
        }
        TensorPrimitives.Tanh(c.Slice(0, rows * H), tanhC.Slice(0, rows * H));          // the step's B rows are contiguous: one call
        for (int n = 0; n < rows; n++)
            TensorPrimitives.Multiply(a.Slice(n * G + 2 * H, H), tanhC.Slice(n * H, H), h.Slice(n * H, H));   // h = o ⊙ tanh(c)
    }

    // c = f ⊙ cPrev + i ⊙ g, or i ⊙ g when cPrev is empty (the first step): one pass instead of Multiply + MultiplyAdd.
    // c may be cPrev itself (single-sequence prediction updates the state in place).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void CellForward<T>(ReadOnlySpan<T> i, ReadOnlySpan<T> f, ReadOnlySpan<T> g, ReadOnlySpan<T> cPrev, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = 0, H = c.Length;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
            for (; k <= H - Vector<T>.Count; k += Vector<T>.Count)
            {
                var ig = new Vector<T>(i.Slice(k)) * new Vector<T>(g.Slice(k));
                (cPrev.IsEmpty ? ig : new Vector<T>(f.Slice(k)) * new Vector<T>(cPrev.Slice(k)) + ig).CopyTo(c.Slice(k));
            }
        for (; k < H; k++) c[k] = cPrev.IsEmpty ? i[k] * g[k] : f[k] * cPrev[k] + i[k] * g[k];   // scalar tail
    }

    /// <summary>
    /// Backpropagation through time. dhOut (B, H) is ∂L/∂h at each row's output step last[n] (−1: the row has none);
    /// with an empty last, dhOut (T, B, H) is ∂L/∂h at every step (the session tagger reads h at every statement);
    /// writes da (T,B,4H) = ∂L/∂a, then accumulates dw (4H, E+H) += daᵀ [x | hPrev] (θ's layout, so the trainer adds it
    /// without a transpose), db += Σ da, and overwrites dx (T,B,E) = da wx. Scratch dh, dc: (B, H) each, carrying dhNext
    /// and dcNext between steps.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void LstmBackward<T>(LstmLayout L, ReadOnlySpan<T> w, ReadOnlySpan<T> x, int rows, int steps,
                                         ReadOnlySpan<T> gates, ReadOnlySpan<T> c, ReadOnlySpan<T> tanhC, ReadOnlySpan<T> h,
                                         ReadOnlySpan<int> last, ReadOnlySpan<T> dhOut,
                                         Span<T> da, Span<T> dw, Span<T> db, Span<T> dx, Span<T> dh, Span<T> dc, bool naive = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int E = L.E, H = L.H, G = 4 * H, EH = E + H;
        dh = dh.Slice(0, rows * H); dc = dc.Slice(0, rows * H);
        dh.Clear(); dc.Clear();
        for (int t = steps - 1; t >= 0; t--)
        {
            Span<T> daT = da.Slice(t * rows * G, rows * G);
            for (int n = 0; n < rows; n++)
            {
                Span<T> dhn = dh.Slice(n * H, H), dcn = dc.Slice(n * H, H);
                int s = (t * rows + n) * H;
                if (last.IsEmpty) TensorPrimitives.Add(dhn, dhOut.Slice(s, H), dhn);     // a head at every step
                else if (last[n] == t) TensorPrimitives.Add(dhn, dhOut.Slice(n * H, H), dhn);  // the head read h here
                ReadOnlySpan<T> gn = gates.Slice((t * rows + n) * G, G);
                GateBackward<T>(gn, tanhC.Slice(s, H), t > 0 ? c.Slice(s - rows * H, H) : default, dhn, dcn, daT.Slice(n * G, G));
            }
            // a = wx x + wh hPrev + b:  dhPrev = da wh   (B, 4H) · (4H, H), rows of w with stride E+H
            dh.Clear();
            if (t > 0) Product(naive, rows, H, G, daT, G, 1, w.Slice(E), EH, dh, H);
        }
        // dwx += daᵀ x over all T·B positions: (4H, T·B) · (T·B, E) into columns [0, E) of dw's rows;
        // dwh += daᵀ hPrev over t ≥ 1 into columns [E, E+H) (hPrev for step t is h at t−1: time-major, contiguous)
        int positions = rows * steps;
        Product(naive, G, E, positions, da, 1, G, x, E, dw, EH);
        if (steps > 1) Product(naive, G, H, (steps - 1) * rows, da.Slice(rows * G), 1, G, h, H, dw.Slice(E), EH);
        for (int r = 0; r < positions; r++) TensorPrimitives.Add(db, da.Slice(r * G, G), db);
        // dx = da wx   (T·B, 4H) · (4H, E)
        dx.Slice(0, positions * E).Clear();
        Product(naive, positions, E, G, da, G, 1, w, EH, dx, E);
    }

    /// <summary>
    /// One position's gate backward. gates = [i f o g] (4H) activated, tanhC (H), cPrev (H, empty at t = 0), dh (H) = ∂L/∂h;
    /// dc (H) holds dcNext on entry and is overwritten with dcNext for step t − 1; writes da (4H) = ∂L/∂a.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GateBackward<T>(ReadOnlySpan<T> gates, ReadOnlySpan<T> tanhC, ReadOnlySpan<T> cPrev, ReadOnlySpan<T> dh, Span<T> dc, Span<T> da)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int H = dh.Length, k = 0;
        ReadOnlySpan<T> i = gates.Slice(0, H), f = gates.Slice(H, H), o = gates.Slice(2 * H, H), g = gates.Slice(3 * H, H);
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            var one = Vector<T>.One;
            for (; k <= H - Vector<T>.Count; k += Vector<T>.Count)
            {
                Vector<T> dhv = new(dh.Slice(k)), tc = new(tanhC.Slice(k)), iv = new(i.Slice(k)), fv = new(f.Slice(k)), ov = new(o.Slice(k)), gv = new(g.Slice(k));
                var dO = dhv * tc;                                                       // the same equations as the scalar loop below
                var dC = new Vector<T>(dc.Slice(k)) + dhv * ov * (one - tc * tc);
                var dF = cPrev.IsEmpty ? Vector<T>.Zero : dC * new Vector<T>(cPrev.Slice(k));
                (dC * gv * iv * (one - iv)).CopyTo(da.Slice(k));
                (dF * fv * (one - fv)).CopyTo(da.Slice(H + k));
                (dO * ov * (one - ov)).CopyTo(da.Slice(2 * H + k));
                (dC * iv * (one - gv * gv)).CopyTo(da.Slice(3 * H + k));
                (dC * fv).CopyTo(dc.Slice(k));
            }
        }
        for (; k < H; k++)   // scalar tail (and the reference the vector loop follows)
        {
            T one = T.One;
            // h = o ⊙ tanh(c):  ∂h/∂o = tanh(c),  ∂h/∂c = o (1 − tanh²c); dc also carries dcNext from step t+1
            T dO = dh[k] * tanhC[k];
            T dC = dc[k] + dh[k] * o[k] * (one - tanhC[k] * tanhC[k]);
            // c = f ⊙ cPrev + i ⊙ g
            T cp = cPrev.IsEmpty ? T.Zero : cPrev[k];
            T dI = dC * g[k], dF = dC * cp, dG = dC * i[k];
            // i = σ(a_i): σ' = σ(1 − σ);  g = tanh(a_g): tanh' = 1 − tanh²
            da[k] = dI * i[k] * (one - i[k]);
            da[H + k] = dF * f[k] * (one - f[k]);
            da[2 * H + k] = dO * o[k] * (one - o[k]);
            da[3 * H + k] = dG * (one - g[k] * g[k]);
            dc[k] = dC * f[k];                                                           // dcNext for step t−1
        }
    }

    // naive = true runs the triple loop instead of the tiled kernel: the benchmarks' in-run baseline.
    private static void Product<T>(bool naive, int m, int n, int k, ReadOnlySpan<T> a, int aRowStride, int aDepthStride,
                                   ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc) where T : unmanaged, INumber<T>
    {
        if (naive) LstmKernels.MultiplyAccumulateNaive(m, n, k, a, aRowStride, aDepthStride, b, ldb, c, ldc);
        else LstmKernels.MultiplyAccumulate(m, n, k, a, aRowStride, aDepthStride, b, ldb, c, ldc);
    }

    /// <summary>
    /// The step whose h each row's head reads: T − 1 without masking; with masking the last non-padding token
    /// (id ≠ <see cref="SequenceEncoder.PaddingId"/>), or −1 when the row is all padding (then the head reads h = 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void OutputSteps(ReadOnlySpan<int> tokens, int rows, int steps, bool masked, Span<int> last)
    {
        for (int n = 0; n < rows; n++) last[n] = OutputStep(tokens.Slice(n * steps, steps), masked);
    }

    /// <summary>The output step of one row of token ids (any length), by the rule of <see cref="OutputSteps"/>.</summary>
    internal static int OutputStep(ReadOnlySpan<int> row, bool masked)
    {
        int t = row.Length - 1;
        if (masked) while (t >= 0 && row[t] == SequenceEncoder.PaddingId) t--;
        return t;
    }

    // hOut[n, :] = h[last[n], n, :], or 0 when last[n] = −1
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void GatherOutput<T>(ReadOnlySpan<T> h, int rows, int hWidth, ReadOnlySpan<int> last, Span<T> hOut)
    {
        for (int n = 0; n < rows; n++)
        {
            Span<T> dst = hOut.Slice(n * hWidth, hWidth);
            if (last[n] < 0) dst.Clear();
            else h.Slice((last[n] * rows + n) * hWidth, hWidth).CopyTo(dst);
        }
    }

    // ---------------------------------------------------------------- Dropout (inverted)
    // u = h ⊙ keep, keep ∈ {0, 1/(1−rate)} drawn by the trainer; an empty keep means dropout off (u = h).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void DropoutForward<T>(ReadOnlySpan<T> h, ReadOnlySpan<T> keep, Span<T> u) where T : INumber<T>
    {
        if (keep.IsEmpty) h.CopyTo(u);
        else TensorPrimitives.Multiply(h, keep, u);
    }

    // Given du:  dh = du ⊙ keep  (overwrites)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void DropoutBackward<T>(ReadOnlySpan<T> keep, ReadOnlySpan<T> du, Span<T> dh) where T : INumber<T>
    {
        if (keep.IsEmpty) du.CopyTo(dh);
        else TensorPrimitives.Multiply(du, keep, dh);
    }

    // ---------------------------------------------------------------- Dense head
    // z = u wyᵀ + by      u: (B, H),  wy: (K, H),  z: (B, K)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void DenseForward<T>(ReadOnlySpan<T> wy, ReadOnlySpan<T> by, ReadOnlySpan<T> u, int rows, Span<T> z)
        where T : INumber<T>
    {
        int K = by.Length, H = wy.Length / K;
        for (int n = 0; n < rows; n++)
        {
            ReadOnlySpan<T> un = u.Slice(n * H, H);
            for (int k = 0; k < K; k++) z[n * K + k] = by[k] + TensorPrimitives.Dot(wy.Slice(k * H, H), un);
        }
    }

    // Given dz:  dwy += dzᵀ u,  dby += Σₙ dz[n],  du = dz wy (overwrites)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void DenseBackward<T>(ReadOnlySpan<T> wy, ReadOnlySpan<T> u, ReadOnlySpan<T> dz, int rows,
                                          Span<T> dwy, Span<T> dby, Span<T> du)
        where T : INumber<T>
    {
        int K = dby.Length, H = wy.Length / K;
        du.Slice(0, rows * H).Clear();
        for (int n = 0; n < rows; n++)
        {
            ReadOnlySpan<T> un = u.Slice(n * H, H);
            Span<T> dun = du.Slice(n * H, H);
            for (int k = 0; k < K; k++)
            {
                T d = dz[n * K + k];
                Span<T> dwyRow = dwy.Slice(k * H, H);
                TensorPrimitives.MultiplyAdd(un, d, dwyRow, dwyRow);                    // dwy[k,:] += dz[n,k]·u[n,:]
                TensorPrimitives.MultiplyAdd(wy.Slice(k * H, H), d, dun, dun);          // du[n,:]  += dz[n,k]·wy[k,:]
                dby[k] += d;
            }
        }
    }

    // ---------------------------------------------------------------- Weighted softmax cross-entropy
    /// <summary>logP[n] = log softmax(z[n]); returns Σₙ sₙ·(−logP[n, yₙ]) summed in double (not yet divided by B).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double CrossEntropyForward<T>(ReadOnlySpan<T> z, int rows, int classes, ReadOnlySpan<int> labels, ReadOnlySpan<T> weights, Span<T> logP)
        where T : IFloatingPointIeee754<T>
    {
        double sum = 0;
        for (int n = 0; n < rows; n++)
        {
            Span<T> lp = logP.Slice(n * classes, classes);
            Softmax.LogSoftmax(z.Slice(n * classes, classes), lp);
            sum -= double.CreateChecked(weights[n]) * double.CreateChecked(lp[labels[n]]);
        }
        return sum;
    }

    // L = Σₙ sₙ (−log p[n, yₙ]) · scale  ⇒  dz[n, k] = scale · sₙ (p[n, k] − [k = yₙ])   (scale = 1/B)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void CrossEntropyBackward<T>(ReadOnlySpan<T> logP, int rows, int classes, ReadOnlySpan<int> labels, ReadOnlySpan<T> weights, T scale, Span<T> dz)
        where T : IFloatingPointIeee754<T>
    {
        for (int n = 0; n < rows; n++)
        {
            Span<T> dzn = dz.Slice(n * classes, classes);
            TensorPrimitives.Exp(logP.Slice(n * classes, classes), dzn);
            dzn[labels[n]] -= T.One;
            TensorPrimitives.Multiply(dzn, scale * weights[n], dzn);
        }
    }
}
