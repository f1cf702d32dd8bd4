using System.Text.Json;
using AttackClassifier.Kernels;
using AttackClassifier.Text;

namespace AttackClassifier.Tests.Testing;

/// <summary>One problem exported by Fixtures/LogisticRegression/make_fixtures.py (scikit-learn 1.2).</summary>
internal sealed record SklearnLogisticFixture
{
    public string Description { get; init; } = "";
    public int NRows { get; init; }
    public int NFeatures { get; init; }
    public int NClasses { get; init; }
    public double C { get; init; }
    public bool FitIntercept { get; init; }
    public int[] Indptr { get; init; } = [];
    public int[] Indices { get; init; } = [];
    public double[] Data { get; init; } = [];
    public int[] Y { get; init; } = [];
    public double[] SampleWeight { get; init; } = [];
    public double[][] Coef { get; init; } = [];          // (K, D) as scikit-learn stores it
    public double[] Intercept { get; init; } = [];
    public double[][] PredictProba { get; init; } = [];  // (N, K)
    public int[] Predict { get; init; } = [];
    public double ObjectiveAtSklearn { get; init; }
    public double[] ThetaProbe { get; init; } = [];
    public double ObjectiveAtProbe { get; init; }
    public double[] GradientAtProbe { get; init; } = [];
    public double[][]? BinomialPredictProba { get; init; }   // (N, 2), two-class fixtures only: scikit-learn's default binomial model at C

    public CsrMatrix X => new(NRows, NFeatures, Indptr, Indices, Data);

    /// <summary>scikit-learn's solution in our layout: [ w (D,K) | b (K) ] (b only with an intercept).</summary>
    public double[] SklearnTheta()
    {
        int d = NFeatures, k = NClasses;
        var theta = new double[d * k + (FitIntercept ? k : 0)];
        for (int j = 0; j < d; j++)
            for (int c = 0; c < k; c++) theta[j * k + c] = Coef[c][j];   // transpose (K, D) → (D, K)
        if (FitIntercept) Intercept.CopyTo(theta, d * k);
        return theta;
    }

    public static SklearnLogisticFixture Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "LogisticRegression", name + ".json");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, PropertyNameCaseInsensitive = true };
        return JsonSerializer.Deserialize<SklearnLogisticFixture>(File.ReadAllText(path), options)
               ?? throw new InvalidDataException($"Fixture {name} is empty.");
    }
}
