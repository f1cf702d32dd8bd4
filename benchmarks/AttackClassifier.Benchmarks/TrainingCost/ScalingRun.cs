using System.Diagnostics;
using System.Globalization;
using AttackClassifier.Benchmarks.Corpus;
using AttackClassifier.Cli.Report;
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Models.Lstm;
using AttackClassifier.Text;

namespace AttackClassifier.Benchmarks.TrainingCost;

/// <summary>
/// One fit per process for <c>benchmarks/scaling.py</c> (cost growth with rows): peak memory can only be read per process
/// (VmHWM never goes down), so each (model, size) pair runs in a fresh, short-lived process. The fits are those of the
/// training-cost suite at the same seed: the study preset and the library's default preset of TF-IDF + LR, fitted to
/// convergence, and one LSTM epoch (the study's network).
/// </summary>
internal static class ScalingRun
{
    /// <summary>Fits <paramref name="kind"/> on the seeded corpus of <paramref name="rows"/> rows; returns a JSON line.</summary>
    public static string FitOnce(string kind, int rows)
    {
        CommandDataset data = SyntheticCorpus.Generate(rows, seed: 42);
        var clock = Stopwatch.StartNew();
        string detail = kind switch
        {
            "study" => Describe(TfidfLogisticRegressionClassifier.Train(data, TfidfLogisticRegressionOptions.Study)),
            "default" => Describe(TfidfLogisticRegressionClassifier.Train(data, TfidfLogisticRegressionOptions.Default)),
            "default-df2" => Describe(TfidfLogisticRegressionClassifier.Train(data, WithMinDocumentFrequency(TfidfLogisticRegressionOptions.Default, 2))),
            "lstm" => Describe(LstmClassifier.Train(data, validation: null, new LstmClassifierOptions { Network = new LstmOptions { MaxEpochs = 1, Seed = 42 } })),
            _ => throw new ArgumentException($"Unknown kind '{kind}': study, default, default-df2 or lstm."),
        };
        double seconds = clock.Elapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"impl\":\"ours\",\"kind\":\"{kind}\",\"rows\":{rows},\"seconds\":{seconds:R},\"peak_rss_mib\":{PeakMemory.ProcessPeakMiB():R},{detail}}}");
    }

    /// <summary>The preset with a document-frequency floor on every feature block: terms in fewer rows are dropped, which bounds
    /// the vocabulary the unbounded default grows with the data (the built-in models are trained with a floor of 2).</summary>
    private static TfidfLogisticRegressionOptions WithMinDocumentFrequency(TfidfLogisticRegressionOptions preset, int rows) =>
        preset with { Features = preset.Features.Select(f => f with { MinDocumentFrequency = DocumentFrequency.Documents(rows) }).ToArray() };

    private static string Describe(TfidfLogisticRegressionClassifier c) => string.Create(CultureInfo.InvariantCulture,
        $"\"features\":{c.Vectorizer.FeatureCount},\"classes\":{c.Labels.Count},\"iterations\":{c.Model.Diagnostics?.Iterations ?? 0}");

    private static string Describe(LstmClassifier c) => string.Create(CultureInfo.InvariantCulture, $"\"classes\":{c.Labels.Count}");
}
