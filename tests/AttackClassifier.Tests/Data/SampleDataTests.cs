using AttackClassifier.Data;

namespace AttackClassifier.Tests.Data;

/// <summary>The shipped sample keeps the promises data/README.md makes.</summary>
public class SampleDataTests
{
    internal static string SamplePath => Path.Combine(AppContext.BaseDirectory, "data", "commands.csv");

    [Fact]
    public void Sample_has_the_documented_shape()
    {
        var data = CommandDataset.Load(SamplePath);
        Assert.True(data.Count >= 400, $"{data.Count} rows");
        LabelSet labels = data.Labels();
        Assert.Contains("Normal", labels.Labels);
        Assert.True(labels.Count >= 16, $"{labels.Count} classes");
        Assert.All(data.ClassSizes(), c => Assert.True(c.Rows >= 5, $"{c.Label} has {c.Rows} rows"));
        // Skewed like CasinoLimit: System Information Discovery holds most observations.
        ClassSize top = data.ClassSizes()[0];
        Assert.StartsWith("T1082", top.Label);
        Assert.InRange(top.ObservationShare, 0.7, 0.9);
        Assert.Equal(data.Count, data.Consolidate().Count);   // already consolidated
    }
}
