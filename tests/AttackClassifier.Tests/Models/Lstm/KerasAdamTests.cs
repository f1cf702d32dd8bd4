using AttackClassifier.Models.Lstm;

namespace AttackClassifier.Tests.Models.Lstm;

public class KerasAdamTests
{
    // Hand computation, lr 1e-3, β 0.9/0.999, ε 1e-7, constant gradient g = (0.1, −0.2, 1e-6):
    // t=1: m = 0.1 g, v = 0.001 g², lr₁ = 1e-3·√0.001/0.1 = 3.16228e-4, θ −= lr₁ m/(√v + ε)
    //      third coordinate: 3.16228e-4 · 1e-7 / (3.16228e-8 + 1e-7) = 2.40253e-4  →  0.499759747
    //      (PyTorch's m̂/(√v̂ + ε) would step 1e-3·1e-6/(1e-6 + 1e-7) = 9.09e-4 instead).
    // t=2: m = 0.19 g, v = 0.001999 g², lr₂ = 1e-3·√(1 − 0.999²)/(1 − 0.9²).
    [Fact]
    public void Two_steps_match_the_hand_computed_Keras_update()
    {
        float[] theta = [1f, -2f, 0.5f];
        float[] g = [0.1f, -0.2f, 1e-6f];
        var adam = new KerasAdam(3, 1e-3, 0.9, 0.999, 1e-7);
        adam.Update(theta, g);
        Assert.Equal(1, adam.Step);
        Assert.Equal(0.999000032, theta[0], 6);
        Assert.Equal(-1.99900002, theta[1], 6);
        Assert.Equal(0.499759747, theta[2], 6);
        Assert.True(Math.Abs(theta[2] - (0.5 - 9.09e-4)) > 5e-4, "ε must be added to the uncorrected √v (Keras), not to √v̂ (PyTorch)");
        adam.Update(theta, g);
        Assert.Equal(0.998000054, theta[0], 6);
        Assert.Equal(-1.99800003, theta[1], 6);
        Assert.Equal(0.499450783, theta[2], 6);
    }

    [Fact]
    public void Vector_path_and_scalar_tail_give_the_same_update_for_the_same_gradient()
    {
        int n = 3 * System.Runtime.Intrinsics.Vector512<float>.Count + 5;       // Vector512 blocks, then Vector<float> blocks, then a scalar tail
        var theta = Enumerable.Range(0, n).Select(i => 0.1f * i).ToArray();
        var g = Enumerable.Repeat(0.3f, n).ToArray();
        var adam = new KerasAdam(n, 1e-2, 0.9, 0.999, 1e-7);
        for (int s = 0; s < 3; s++) adam.Update(theta, g);
        float step = 0.1f * 7 - theta[7];
        for (int i = 0; i < n; i++) Assert.Equal(step, 0.1f * i - theta[i], 5);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        var adam = new KerasAdam(3, 1e-3, 0.9, 0.999, 1e-7);
        Assert.Throws<ArgumentException>(() => adam.Update(new float[3], new float[2]));
    }
}
