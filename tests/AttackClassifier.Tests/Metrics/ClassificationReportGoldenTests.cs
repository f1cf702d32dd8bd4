using System.Text.Json;
using AttackClassifier.Metrics;

namespace AttackClassifier.Tests.Metrics;

/// <summary>Compares <see cref="ClassificationReport"/> with scikit-learn's answers in Fixtures/Metrics/metrics_cases.json
/// (produced by make_fixtures.py beside it): numbers to 1e-12, report text exactly.</summary>
public class ClassificationReportGoldenTests
{
    private const double Tolerance = 1e-12;

    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Metrics", "metrics_cases.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (JsonElement c in Cases.Value) names.Add(c.GetProperty("name").GetString()!);
        return names;
    }

    private static (JsonElement Case, ClassificationReport Report) Load(string name)
    {
        JsonElement c = Cases.Value.Single(x => x.GetProperty("name").GetString() == name);
        int[] y = Ints(c.GetProperty("y_true"));
        int[] yHat = Ints(c.GetProperty("y_pred"));
        string[] classNames = c.GetProperty("class_names").EnumerateArray().Select(e => e.GetString()!).ToArray();
        JsonElement weights = c.GetProperty("sample_weight");
        ClassificationReport report = weights.ValueKind == JsonValueKind.Null
            ? ClassificationReport.Compute(y, yHat, classNames)
            : ClassificationReport.Compute(y, yHat, Doubles(weights), classNames);
        return (c, report);
    }

    [Fact]
    public void Fixture_file_has_the_cases_the_tests_rely_on()
    {
        Assert.True(Cases.Value.Length >= 20);
        Assert.Contains(Cases.Value, c => c.GetProperty("sample_weight").ValueKind == JsonValueKind.Null);
        Assert.Contains(Cases.Value, c => c.GetProperty("sample_weight").ValueKind != JsonValueKind.Null);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Per_class_scores_accuracy_and_confusion_match_scikit_learn(string name)
    {
        var (c, report) = Load(name);
        double[] precision = Doubles(c.GetProperty("precision")), recall = Doubles(c.GetProperty("recall"));
        double[] f1 = Doubles(c.GetProperty("f1")), support = Doubles(c.GetProperty("support"));
        int K = precision.Length;
        Assert.Equal(K, report.ClassCount);
        for (int k = 0; k < K; k++)
        {
            MetricsRow row = report.Classes[k];
            Assert.Equal(precision[k], row.Precision, Tolerance);
            Assert.Equal(recall[k], row.Recall, Tolerance);
            Assert.Equal(f1[k], row.F1, Tolerance);
            Assert.Equal(support[k], row.Support, Tolerance);
        }
        Assert.Equal(c.GetProperty("accuracy").GetDouble(), report.Accuracy, Tolerance);

        double[][] confusion = c.GetProperty("confusion_matrix").EnumerateArray().Select(Doubles).ToArray();
        for (int t = 0; t < K; t++)
            for (int p = 0; p < K; p++)
            {
                Assert.Equal(confusion[t][p], report.Confusion(t, p), Tolerance);
                Assert.Equal(confusion[t][p], report.ConfusionMatrix[t * K + p], Tolerance);
            }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Averages_over_present_labels_match_scikit_learn(string name)
    {
        var (c, report) = Load(name);
        JsonElement averages = c.GetProperty("averages");
        foreach (var (key, row) in new[] { ("macro", report.MacroAverage), ("weighted", report.WeightedAverage), ("micro", report.MicroAverage) })
        {
            JsonElement expected = averages.GetProperty(key);
            Assert.Equal(expected.GetProperty("precision").GetDouble(), row.Precision, Tolerance);
            Assert.Equal(expected.GetProperty("recall").GetDouble(), row.Recall, Tolerance);
            Assert.Equal(expected.GetProperty("f1").GetDouble(), row.F1, Tolerance);
            Assert.Equal(Doubles(c.GetProperty("support")).Sum(), row.Support, Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Text_matches_classification_report_exactly(string name)
    {
        var (c, report) = Load(name);
        foreach (JsonProperty byDigits in c.GetProperty("reports").EnumerateObject())
            Assert.Equal(byDigits.Value.GetString(), report.ToText(int.Parse(byDigits.Name)));
    }

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();
    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
