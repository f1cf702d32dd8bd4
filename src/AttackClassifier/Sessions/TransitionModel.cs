namespace AttackClassifier.Sessions;

/// <summary>
/// A first-order chain over S session states (tactics and benign): start log-probabilities log π (S) and transition
/// log-probabilities log A (S, S), row = from, column = to, row-major. With per-statement emission scores e (T, S) it scores
/// a path s₁…s_T as
///   score(s) = log π(s₁) + e₁(s₁) + Σ_{t≥2} [ log A(s_{t−1}, s_t) + e_t(s_t) ],
/// decodes the best path (Viterbi) and the posterior marginals p(s_t = j | e) = Σ_{s: s_t = j} exp score(s) / Σ_s exp score(s)
/// (forward–backward), both in log space. Rabiner, "A tutorial on hidden Markov models" (1989), eqs. 18–25 (forward–backward)
/// and 30–35 (Viterbi), with log-sum-exp in place of the scaling of §V.A.
/// </summary>
internal sealed class TransitionModel
{
    private readonly double[] _logStart;        // (S)
    private readonly double[] _logTransition;   // (S, S) from × to
    private readonly Lazy<double[]> _transition; // (S, S) exp of the above, for the forward–backward sums

    internal TransitionModel(double[] logStart, double[] logTransition)
    {
        int s = logStart.Length;
        if (s < 1 || logTransition.Length != s * s) throw new ArgumentException($"{logTransition.Length} transition entries for {s} states.", nameof(logTransition));
        foreach (double v in logStart) if (double.IsNaN(v) || v > 0) throw new ArgumentException("Start log-probabilities must be ≤ 0.", nameof(logStart));
        foreach (double v in logTransition) if (double.IsNaN(v) || v > 0) throw new ArgumentException("Transition log-probabilities must be ≤ 0.", nameof(logTransition));
        _logStart = logStart;
        _logTransition = logTransition;
        _transition = new Lazy<double[]>(() => logTransition.Select(Math.Exp).ToArray());
    }

    /// <summary>S, the number of states.</summary>
    internal int StateCount => _logStart.Length;

    internal ReadOnlySpan<double> LogStart => _logStart;

    internal ReadOnlySpan<double> LogTransition => _logTransition;

    /// <summary>
    /// Maximum-likelihood estimates with add-α (Lidstone) smoothing from labelled state sequences:
    ///   π(j) = (n_start(j) + α) / (N + S α),   A(i, j) = (n(i → j) + α) / (n(i → ·) + S α).
    /// </summary>
    internal static TransitionModel Fit(IEnumerable<int[]> sequences, int stateCount, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stateCount, 1);
        if (!(alpha > 0) || !double.IsFinite(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be positive.");
        var start = new double[stateCount];
        var transition = new double[stateCount * stateCount];
        foreach (int[] y in sequences)
        {
            if (y.Length == 0) continue;
            start[y[0]]++;
            for (int t = 1; t < y.Length; t++) transition[y[t - 1] * stateCount + y[t]]++;
        }
        Normalize(start, alpha);
        for (int i = 0; i < stateCount; i++) Normalize(transition.AsSpan(i * stateCount, stateCount), alpha);
        return new TransitionModel(start, transition);
    }

    // counts → log((c + α) / (Σc + S α))
    private static void Normalize(Span<double> counts, double alpha)
    {
        double total = 0;
        foreach (double c in counts) total += c + alpha;
        for (int j = 0; j < counts.Length; j++) counts[j] = Math.Log((counts[j] + alpha) / total);
    }

    /// <summary>
    /// The best path: δ₁(j) = log π(j) + e₁(j), δ_t(j) = max_i [δ_{t−1}(i) + log A(i, j)] + e_t(j), then backtracking. Ties go
    /// to the lower state index. Returns the best score.
    /// </summary>
    /// <param name="emission">(T, S) emission scores e.</param>
    /// <param name="path">(T) the decoded states.</param>
    internal double Viterbi(ReadOnlySpan<double> emission, Span<int> path)
    {
        int s = StateCount, n = path.Length;
        if (emission.Length != n * s) throw new ArgumentException($"emission has {emission.Length} entries; expected T·S = {n * s}.", nameof(emission));
        if (n == 0) return 0;
        var delta = new double[n * s];   // (T, S)
        var back = new int[n * s];       // (T, S) argmax predecessor
        for (int j = 0; j < s; j++) delta[j] = _logStart[j] + emission[j];
        for (int t = 1; t < n; t++)
        {
            for (int j = 0; j < s; j++)
            {
                int arg = 0;
                double best = double.NegativeInfinity;
                for (int i = 0; i < s; i++)
                {
                    double v = delta[(t - 1) * s + i] + _logTransition[i * s + j];
                    if (v > best) { best = v; arg = i; }
                }
                delta[t * s + j] = best + emission[t * s + j];
                back[t * s + j] = arg;
            }
        }
        int last = 0;
        for (int j = 1; j < s; j++) if (delta[(n - 1) * s + j] > delta[(n - 1) * s + last]) last = j;
        double score = delta[(n - 1) * s + last];
        path[n - 1] = last;
        for (int t = n - 1; t > 0; t--) path[t - 1] = back[t * s + path[t]];
        return score;
    }

    /// <summary>
    /// Posterior marginals by forward–backward in log space:
    ///   log α₁(j) = log π(j) + e₁(j),   log α_t(j) = e_t(j) + LSE_i [log α_{t−1}(i) + log A(i, j)]
    ///   log β_T(i) = 0,                  log β_t(i) = LSE_j [log A(i, j) + e_{t+1}(j) + log β_{t+1}(j)]
    ///   p(s_t = j | e) = exp(log α_t(j) + log β_t(j) − log Z),   log Z = LSE_j log α_T(j).
    /// Each log-sum-exp shifts by the step's maximum before exponentiating, and the shift factors out of the sum over the
    /// transition: LSE_i [a_i + log A(i, j)] = m + log Σ_i exp(a_i − m) A(i, j), m = max_i a_i. So a step costs S exponentials,
    /// S logarithms and one (S, S) product instead of S² exponentials, and stays as stable (every exp(a_i − m) ≤ 1).
    /// Returns log Z.
    /// </summary>
    /// <param name="emission">(T, S) emission scores e.</param>
    /// <param name="posterior">(T, S) written: each row sums to 1.</param>
    internal double Posteriors(ReadOnlySpan<double> emission, Span<double> posterior)
    {
        int s = StateCount;
        if (emission.Length % s != 0 || posterior.Length != emission.Length)
            throw new ArgumentException("emission and posterior must both be (T, S).", nameof(posterior));
        int n = emission.Length / s;
        if (n == 0) return 0;
        double[] transition = _transition.Value;   // (S, S) A = exp log A
        var logAlpha = new double[n * s];   // (T, S)
        var logBeta = new double[n * s];    // (T, S), last row 0
        Span<double> a = s <= 128 ? stackalloc double[s] : new double[s];   // exp(a_i − m), then the sums
        for (int j = 0; j < s; j++) logAlpha[j] = _logStart[j] + emission[j];
        for (int t = 1; t < n; t++)
        {
            double m = Shifted(logAlpha.AsSpan((t - 1) * s, s), a);
            for (int j = 0; j < s; j++)
            {
                double sum = 0;
                for (int i = 0; i < s; i++) sum += a[i] * transition[i * s + j];
                logAlpha[t * s + j] = emission[t * s + j] + m + Math.Log(sum);
            }
        }
        Span<double> next = s <= 128 ? stackalloc double[s] : new double[s];
        for (int t = n - 2; t >= 0; t--)
        {
            for (int j = 0; j < s; j++) next[j] = emission[(t + 1) * s + j] + logBeta[(t + 1) * s + j];
            double m = Shifted(next, a);
            for (int i = 0; i < s; i++)
            {
                double sum = 0;
                for (int j = 0; j < s; j++) sum += transition[i * s + j] * a[j];
                logBeta[t * s + i] = m + Math.Log(sum);
            }
        }
        double logZ = LogSumExp(logAlpha.AsSpan((n - 1) * s, s));
        for (int k = 0; k < n * s; k++) posterior[k] = Math.Exp(logAlpha[k] + logBeta[k] - logZ);
        return logZ;
    }

    // shifted[i] = exp(x[i] − m) with m = max x; returns m (an all −∞ row gives m = −∞ and zeros, so the step is −∞ too).
    private static double Shifted(ReadOnlySpan<double> x, Span<double> shifted)
    {
        double m = double.NegativeInfinity;
        foreach (double v in x) if (v > m) m = v;
        for (int i = 0; i < x.Length; i++) shifted[i] = double.IsNegativeInfinity(m) ? 0 : Math.Exp(x[i] - m);
        return m;
    }

    /// <summary>log Σ exp x, stable: m + log Σ exp(x − m) with m = max x (−∞ when every term is −∞).</summary>
    internal static double LogSumExp(ReadOnlySpan<double> x)
    {
        double m = double.NegativeInfinity;
        foreach (double v in x) if (v > m) m = v;
        if (double.IsNegativeInfinity(m)) return m;
        double sum = 0;
        foreach (double v in x) sum += Math.Exp(v - m);   // v − m ≤ 0: no overflow
        return m + Math.Log(sum);
    }
}
