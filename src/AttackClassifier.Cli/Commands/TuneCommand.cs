using System.CommandLine;
using System.Globalization;
using AttackClassifier.Classification;
using AttackClassifier.Models.LogisticRegression;

namespace AttackClassifier.Cli.Commands;

/// <summary><c>attack-classifier tune</c>: grid search over C (and max-features) with stratified k-fold, scored by count-weighted F1.</summary>
internal static class TuneCommand
{
    internal static Command Create()
    {
        var data = new DataOptions();
        var folds = new Option<int>("--folds") { Description = "Number of stratified folds.", DefaultValueFactory = _ => 3 };
        var cs = new Option<string>("--C") { Description = "Comma-separated values of C to try.", DefaultValueFactory = _ => "0.1,1,10,100" };
        var maxFeatures = new Option<string>("--max-features") { Description = "Comma-separated max-features values to try.", DefaultValueFactory = _ => "5000" };
        var ngram = new Option<string>("--ngram") { Description = "Word n-gram range MIN,MAX.", DefaultValueFactory = _ => "1,2" };
        var charNgram = new Option<string?>("--char-ngram") { Description = "Also use character n-grams within words (char_wb) MIN,MAX, e.g. 2,5, in every candidate." };
        var seed = new Option<int>("--seed") { Description = "Seed of the fold assignment.", DefaultValueFactory = _ => 42 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("tune", "Grid search with stratified k-fold cross-validation, scored by count-weighted F1 (as the study's GridSearchCV).");
        data.AddTo(command);
        foreach (Option o in new Option[] { folds, cs, maxFeatures, ngram, charNgram, seed, json }) command.Options.Add(o);
        command.SetAction(parsed =>
        {
            var (_, dataset) = data.Load(parsed);
            double[] cValues = Numbers(parsed.GetValue(cs)!, "--C").Select(v => TrainCommand.Positive(v, "--C")).ToArray();
            int[] featureValues = Numbers(parsed.GetValue(maxFeatures)!, "--max-features")
                .Select(v => v >= 1 && v <= int.MaxValue && v == Math.Floor(v) ? (int)v : throw new CliException($"--max-features: {v} is not a whole number ≥ 1."))
                .ToArray();
            int k = parsed.GetValue(folds);
            if (k < 2) throw new CliException("--folds must be ≥ 2.");
            var ci = CultureInfo.InvariantCulture;
            var candidates = (from c in cValues
                              from f in featureValues
                              select (string.Create(ci, $"C={c:G} max_features={f}"), new TfidfLogisticRegressionOptions
                              {
                                  Features = TrainCommand.FeatureBlocks(parsed.GetValue(ngram)!, parsed.GetValue(charNgram), f),
                                  Classifier = new LogisticRegressionOptions { InverseRegularization = c },
                              })).ToArray();
            IReadOnlyList<GridSearchResult> results;
            try
            {
                results = GridSearch.Run(dataset, candidates, k, parsed.GetValue(seed));
            }
            catch (ArgumentException e) when (e.Message.Contains("class", StringComparison.Ordinal))
            {
                throw new CliException($"cannot build {k} folds: {CliApp.UserMessage(e)} (merge small classes with --min-rows)");
            }
            GridSearchResult best = GridSearch.Best(results);
            TextWriter output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json))
                JsonOutput.WriteLine(output, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("folds", k);
                    w.WriteString("best", best.Description);
                    w.WriteStartArray("candidates");
                    foreach (GridSearchResult r in results)
                    {
                        w.WriteStartObject();
                        w.WriteString("candidate", r.Description);
                        w.WriteNumber("mean_weighted_f1", r.MeanScore);
                        w.WriteNumber("std_weighted_f1", r.ScoreStandardDeviation);
                        w.WriteStartArray("fold_weighted_f1");
                        foreach (double s in r.FoldScores) w.WriteNumberValue(s);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            else
            {
                output.WriteLine($"{k}-fold stratified cross-validation, count-weighted F1:");
                foreach (GridSearchResult r in results)
                    output.WriteLine(string.Create(ci, $"  {r.Description,-32} {r.MeanScore:F4} ± {r.ScoreStandardDeviation:F4}{(ReferenceEquals(r, best) ? "   ← best" : "")}"));
            }
            return 0;
        });
        return command;
    }

    private static double[] Numbers(string text, string option)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new CliException($"{option}: '{parts[i]}' is not a number.");
        return values.Length > 0 ? values : throw new CliException($"{option}: no values given.");
    }
}
