using System.Text.Json;
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Tests.Data;

namespace AttackClassifier.Tests.Classification;

/// <summary>
/// The whole study pipeline with default settings stops where scikit-learn 1.2 does on count-weighted data
/// (Fixtures/LogisticRegression/make_default_stopping_fixture.py): scikit-learn's lbfgs minimises Σ s·CE + ‖w‖²/(2C)
/// without dividing by Σs, so a trainer that scales by Σs stops far above the optimum when counts are large.
/// </summary>
public class ScikitLearnStoppingTests
{
    [Fact]
    public void Default_training_reaches_scikit_learns_objective_on_the_count_weighted_sample()
    {
        using JsonDocument fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "LogisticRegression", "sample_default_stopping.json")));
        JsonElement root = fixture.RootElement;
        CommandDataset data = CommandDataset.Load(SampleDataTests.SamplePath).Consolidate();
        Assert.Equal(root.GetProperty("rows").GetInt32(), data.Count);

        var classifier = TfidfLogisticRegressionClassifier.Train(data, TfidfLogisticRegressionOptions.Study);
        Assert.Equal(root.GetProperty("features").GetInt32(), classifier.Vectorizer.FeatureCount);
        Assert.Equal(root.GetProperty("classes").EnumerateArray().Select(c => c.GetString()), classifier.Labels);

        double reference = root.GetProperty("objective_sum_form").GetDouble();
        double ours = classifier.Model.Diagnostics!.Objective;   // the trainer reports Σ s·CE + ‖w‖²/(2C), scikit-learn's sum form
        Assert.True(ours <= reference * (1 + 1e-6), $"ours {ours} vs scikit-learn {reference}: stopped above scikit-learn's optimum");
        Assert.True(ours >= reference * (1 - 1e-4), $"ours {ours} vs scikit-learn {reference}: not the same problem");

        string[] predicted = classifier.PredictBatch(data.CommandLines(), top: 1).Select(p => p.Label).ToArray();
        string[] expected = root.GetProperty("train_predictions").EnumerateArray().Select(p => p.GetString()!).ToArray();
        int agree = predicted.Zip(expected).Count(p => p.First == p.Second);
        Assert.True(agree >= expected.Length - 2, $"{expected.Length - agree} of {expected.Length} training predictions differ from scikit-learn's");
    }
}
