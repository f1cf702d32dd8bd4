using AttackClassifier.Kernels;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Kernels;

public class SoftmaxTests
{
    private static Gen<double[]> Logits => Gen.Choose(1, 40).SelectMany(k => Gen.ArrayOf(Gen.Choose(-50_000, 50_000).Select(v => v / 1000.0), k));

    [Property(MaxTest = 300)]
    public Property LogSoftmax_exponentiates_to_a_distribution_and_returns_the_log_partition()
    {
        return Prop.ForAll(Logits.ToArbitrary(), z =>
        {
            var logP = new double[z.Length];
            double logZ = Softmax.LogSoftmax(z, logP);
            double sum = logP.Sum(Math.Exp);
            Assert.InRange(sum, 1 - 1e-12, 1 + 1e-12);
            Assert.All(logP, v => Assert.True(v <= 1e-15, $"log p = {v} > 0"));
            for (int k = 0; k < z.Length; k++) Assert.Equal(z[k] - logZ, logP[k], 12);
        });
    }

    [Property(MaxTest = 300)]
    public Property LogSoftmax_is_unchanged_by_adding_a_constant_to_every_logit()
    {
        var gen = Logits.SelectMany(z => Gen.Choose(-200, 200).Select(c => (z, c: c + 0.25)));
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var a = new double[t.z.Length];
            var b = new double[t.z.Length];
            double logZa = Softmax.LogSoftmax(t.z, a);
            double logZb = Softmax.LogSoftmax(t.z.Select(v => v + t.c).ToArray(), b);
            for (int k = 0; k < a.Length; k++) Assert.True(Math.Abs(a[k] - b[k]) <= 1e-12 * Math.Max(1, Math.Abs(a[k])), $"{a[k]} vs {b[k]}");
            Assert.Equal(logZa + t.c, logZb, 10);
        });
    }

    [Property(MaxTest = 300)]
    public Property Probabilities_match_exp_of_LogSoftmax_and_sum_to_one()
    {
        return Prop.ForAll(Logits.ToArbitrary(), z =>
        {
            var p = new double[z.Length];
            var logP = new double[z.Length];
            double logZ1 = Softmax.Probabilities(z, p);
            double logZ2 = Softmax.LogSoftmax(z, logP);
            // Relative, not "12 decimal places": rounding to a decimal grid fails at random when the two sums straddle a grid point.
            Assert.True(Math.Abs(logZ2 - logZ1) <= 1e-13 * Math.Max(1, Math.Abs(logZ2)), $"{logZ1:R} vs {logZ2:R}");
            Assert.InRange(p.Sum(), 1 - 1e-12, 1 + 1e-12);
            for (int k = 0; k < z.Length; k++) Assert.True(Math.Abs(p[k] - Math.Exp(logP[k])) <= 1e-14, $"{p[k]} vs {Math.Exp(logP[k])}");
        });
    }

    [Fact]
    public void Huge_logits_do_not_overflow()
    {
        double[] z = [1000, 999, -1000];
        var logP = new double[3];
        double logZ = Softmax.LogSoftmax(z, logP);
        Assert.Equal(1000 + Math.Log(1 + Math.Exp(-1)), logZ, 12);
        Assert.Equal(-Math.Log(1 + Math.Exp(-1)), logP[0], 12);
        Assert.Equal(-2000 - Math.Log(1 + Math.Exp(-1)), logP[2], 9);
        var p = new double[3];
        Softmax.Probabilities(z, p);
        Assert.Equal(1 / (1 + Math.Exp(-1)), p[0], 14);
        Assert.Equal(0.0, p[2]);
    }

    [Fact]
    public void Known_values_for_small_inputs()
    {
        var logP = new double[2];
        Assert.Equal(Math.Log(2), Softmax.LogSoftmax([0.0, 0.0], logP), 15);
        Assert.Equal(-Math.Log(2), logP[0], 15);
        var one = new double[1];
        Assert.Equal(7.5, Softmax.LogSoftmax([7.5], one));
        Assert.Equal(0.0, one[0]);
    }

    [Fact]
    public void Float_version_is_stable_where_TensorPrimitives_SoftMax_overflows()
    {
        float[] z = [89f, 88f, 0f];
        var logP = new float[3];
        float logZ = Softmax.LogSoftmax(z, logP);
        Assert.True(float.IsFinite(logZ));
        Assert.Equal(-MathF.Log(1 + MathF.Exp(-1)), logP[0], 5);
        Assert.InRange(logP.Sum(v => Math.Exp(v)), 1 - 1e-5, 1 + 1e-5);   // float rounding of log Z ≈ 89 is ~4e-6
        var naive = new float[3];
        System.Numerics.Tensors.TensorPrimitives.SoftMax(z, naive);   // what STYLE §7 warns about
        Assert.Contains(naive, v => !float.IsFinite(v));
    }

    [Fact]
    public void In_place_use_is_allowed()
    {
        double[] z = [1, 2, 3];
        double[] expected = new double[3];
        Softmax.LogSoftmax(z, expected);
        Softmax.LogSoftmax(z, z);
        Assert.Equal(expected, z);
    }

    [Fact]
    public void Rejects_empty_and_mismatched_spans()
    {
        Assert.Throws<ArgumentException>(() => Softmax.LogSoftmax(ReadOnlySpan<double>.Empty, Span<double>.Empty));
        Assert.Throws<ArgumentException>(() => Softmax.LogSoftmax(new double[3], new double[2]));
        Assert.Throws<ArgumentException>(() => Softmax.Probabilities(new double[3], new double[4]));
        Assert.Throws<ArgumentException>(() => Softmax.LogSoftmax(new float[2], new float[1]));
    }

    [Property(MaxTest = 300)]
    public Property ProbabilitiesInPlace_on_minus_infinity_padding_matches_the_unpadded_softmax()
    {
        return Prop.ForAll(Logits.ToArbitrary(), z =>
        {
            int w = System.Numerics.Vector<double>.Count;
            int kp = (z.Length + w - 1) / w * w;
            var padded = new double[kp];
            Array.Fill(padded, double.NegativeInfinity);
            z.CopyTo(padded, 0);
            var p = new double[z.Length];
            double logZ = Softmax.Probabilities(z, p);
            double logZPadded = Softmax.ProbabilitiesInPlace(padded);
            Assert.True(Math.Abs(logZ - logZPadded) <= 1e-13 * Math.Max(1, Math.Abs(logZ)), $"{logZ:R} vs {logZPadded:R}");
            for (int k = 0; k < z.Length; k++) Assert.True(Math.Abs(p[k] - padded[k]) <= 1e-14, $"p[{k}]: {p[k]} vs {padded[k]}");
            for (int k = z.Length; k < kp; k++) Assert.Equal(0.0, padded[k]);   // padding gets probability exactly 0
        });
    }

    [Fact]
    public void ProbabilitiesInPlace_rejects_a_length_that_is_not_whole_vectors()
    {
        int w = System.Numerics.Vector<double>.Count;
        Assert.Contains("multiple of the vector width", Assert.Throws<ArgumentException>(() => Softmax.ProbabilitiesInPlace(new double[w + 1])).Message);
        Assert.Throws<ArgumentException>(() => Softmax.ProbabilitiesInPlace(Span<double>.Empty));
    }

    [Fact]
    public void ExpNonPositive_agrees_with_Math_Exp_to_a_few_ulp_and_underflows_to_zero()
    {
        int w = System.Numerics.Vector<double>.Count;
        var rng = new Random(21);
        var x = new double[4096 * w];
        for (int i = 0; i < x.Length; i++)
            x[i] = i % 3 == 0 ? -rng.NextDouble() : i % 3 == 1 ? -40 * rng.NextDouble() : -710 * rng.NextDouble();
        x[0] = 0; x[1] = -1e-300; x[2] = -708; x[3] = -0.5 * Math.Log(2);   // edges: exp 0 = 1, tiny, last normal, |r| at its bound
        double worst = 0;
        for (int i = 0; i < x.Length; i += w)
        {
            var e = Softmax.ExpNonPositive(new System.Numerics.Vector<double>(x, i));
            for (int l = 0; l < w; l++)
            {
                double expected = x[i + l] < -708 ? 0 : Math.Exp(x[i + l]);
                if (expected == 0) { Assert.Equal(0.0, e[l]); continue; }
                worst = Math.Max(worst, Math.Abs(e[l] - expected) / expected);
            }
        }
        Assert.True(worst < 1e-15, $"worst relative error {worst}");   // ≈ 4.5 ulp at most
        var special = Softmax.ExpNonPositive(new System.Numerics.Vector<double>(double.NegativeInfinity));
        Assert.Equal(0.0, special[0]);
        Assert.Equal(1.0, Softmax.ExpNonPositive(System.Numerics.Vector<double>.Zero)[0]);
    }

    [Fact]
    public void ProbabilitiesInPlace_reports_a_non_finite_logit_as_NaN()
    {
        int w = System.Numerics.Vector<double>.Count;
        foreach (double bad in new[] { double.NaN, double.PositiveInfinity })
        {
            var z = new double[2 * w];
            z[w + 1] = bad;
            Assert.True(double.IsNaN(Softmax.ProbabilitiesInPlace(z)));
            Assert.All(z, v => Assert.True(double.IsNaN(v)));
        }
    }
}
