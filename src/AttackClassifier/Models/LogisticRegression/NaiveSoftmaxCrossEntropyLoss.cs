using AttackClassifier.Kernels;
using AttackClassifier.Optimization;

namespace AttackClassifier.Models.LogisticRegression;

/// <summary>The objective of <see cref="SoftmaxCrossEntropyLoss"/> in plain loops: the reference it is tested against and the
/// baseline of its benchmark (llm.c keeps <c>matmul_forward_naive</c> beside the tuned kernel for the same two reasons).
///   f(w, b) = C Σₙ sₙ [ log Σₖ exp zₙₖ − zₙ,yₙ ] + ½‖w‖²,   zₙ = xₙ w + b
///   ∇w f = C Xᵀ S (P − Y) + w,   ∇b f = C Σₙ sₙ (pₙ − yₙ)
/// </summary>
/// <remarks>
/// θ = [ w (D,K) | b (K) ] (b only with an intercept), the layout of the tuned class. What the tuned class adds, and this one
/// leaves out on purpose: no grouping of identical rows (every row, weight 0 included, takes its own pass), no padding of K to
/// the SIMD width, no vectors, no chunks or threads. One row at a time: forward, softmax, loss, backward.
/// Allocates its (K) logit buffer per call; it is not meant to be fast.
/// </remarks>
internal sealed class NaiveSoftmaxCrossEntropyLoss(CsrMatrix x, int[] y, int classCount, double[] sampleWeights, double c, bool fitIntercept)
    : IDifferentiableFunction
{
    public int D => x.ColumnCount;

    public int K => classCount;

    /// <summary>D·K, plus K with an intercept.</summary>
    public int Dimension => D * K + (fitIntercept ? K : 0);

    /// <summary>Returns f(θ) and writes ∇f(θ), both unscaled.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        int d = D, k = K;
        if (theta.Length != Dimension || gradient.Length != Dimension) throw new ArgumentException($"theta and gradient must have length {Dimension}.");
        gradient.Clear();
        var z = new double[k];   // (K) logits zₙ, then probabilities pₙ
        double loss = 0;
        for (int n = 0; n < x.RowCount; n++)
        {
            ReadOnlySpan<int> cols = x.RowColumns(n);
            ReadOnlySpan<double> vals = x.RowValues(n);

            // zₙₖ = bₖ + Σⱼ xₙⱼ w[j,k]
            for (int kk = 0; kk < k; kk++)
            {
                double zk = fitIntercept ? theta[d * k + kk] : 0.0;
                for (int e = 0; e < cols.Length; e++) zk += vals[e] * theta[cols[e] * k + kk];
                z[kk] = zk;
            }

            // log Σₖ exp zₖ = m + log Σₖ exp(zₖ − m), m = maxₖ zₖ (no overflow)
            double m = double.NegativeInfinity;
            for (int kk = 0; kk < k; kk++) m = Math.Max(m, z[kk]);
            double sum = 0;
            for (int kk = 0; kk < k; kk++) sum += Math.Exp(z[kk] - m);
            double logZ = m + Math.Log(sum);
            loss += sampleWeights[n] * (logZ - z[y[n]]);

            // dzₙₖ = C sₙ (pₙₖ − [k = yₙ]);  dw[j,k] += xₙⱼ dzₙₖ;  db[k] += dzₙₖ
            for (int kk = 0; kk < k; kk++)
            {
                double dz = c * sampleWeights[n] * (Math.Exp(z[kk] - logZ) - (kk == y[n] ? 1.0 : 0.0));
                for (int e = 0; e < cols.Length; e++) gradient[cols[e] * k + kk] += vals[e] * dz;
                if (fitIntercept) gradient[d * k + kk] += dz;
            }
        }

        // + ½‖w‖² and its gradient w (the bias is not regularised)
        double w2 = 0;
        for (int i = 0; i < d * k; i++)
        {
            w2 += theta[i] * theta[i];
            gradient[i] += theta[i];
        }
        return c * loss + 0.5 * w2;
    }
}
