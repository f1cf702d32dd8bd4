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
        var maxFeatures = new Option<string?>("--max-features") { Description = "Comma-separated feature caps to try (whole numbers or 'none'; default: the preset's)." };
        var scoring = new Option<string>("--scoring") { Description = "weighted-f1 (the study's) or macro-f1, both count-weighted.", DefaultValueFactory = _ => "weighted-f1" };
        scoring.AcceptOnlyFromAmong("weighted-f1", "macro-f1");
        var seed = new Option<int>("--seed") { Description = "Seed of the fold assignment.", DefaultValueFactory = _ => 42 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var settings = new ModelSettings();
        var command = new Command("tune", "Grid search over C and the feature cap, on top of a preset, with stratified k-fold cross-validation scored by count-weighted F1.");
        data.AddTo(command);
        foreach (Option o in new Option[] { folds, cs, maxFeatures, scoring, seed, json }) command.Options.Add(o);
        settings.AddGridBaseTo(command);
        command.SetAction(parsed =>
        {
            var (_, dataset) = data.Load(parsed);
            double[] cValues = Numbers(parsed.GetValue(cs)!, "--C").Select(v => TrainCommand.InverseRegularization(v, "--C")).ToArray();
            TfidfLogisticRegressionOptions preset = settings.LogisticRegressionOptions(parsed);
            int?[] featureValues = parsed.GetValue(maxFeatures) is { } caps
                ? caps.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => TrainCommand.MaxFeatures(v, "--max-features")).ToArray()
                : [preset.Features[0].MaxFeatures];
            if (featureValues.Length == 0) throw new CliException("--max-features: no values given.");
            GridSearchScoring score = parsed.GetValue(scoring) == "macro-f1" ? GridSearchScoring.MacroF1 : GridSearchScoring.WeightedF1;
            string scoreName = score == GridSearchScoring.MacroF1 ? "macro_f1" : "weighted_f1";
            int k = parsed.GetValue(folds);
            if (k < 2) throw new CliException("--folds must be ≥ 2.");
            var ci = CultureInfo.InvariantCulture;
            var candidates = (from c in cValues
                              from f in featureValues
                              select (string.Create(ci, $"C={c:G} max_features={f?.ToString(ci) ?? "none"}"), preset with
                              {
                                  Features = preset.Features.Select(b => b with { MaxFeatures = f }).ToArray(),
                                  Classifier = preset.Classifier with { InverseRegularization = c },
                              })).ToArray();
            IReadOnlyList<GridSearchResult> results;
            try
            {
                TextWriter? progress = settings.Progress(parsed);
                results = GridSearch.Run(dataset, candidates, k, parsed.GetValue(seed), score, progress is null ? null
                    : new SynchronousProgress<GridSearchProgress>(p => progress.WriteLine(string.Create(ci, $"tune: {p.Description}, fold {p.Fold}/{p.FoldCount}: {p.FoldScore:F4}"))));
            }
            catch (ArgumentException e) when (e.ParamName == "folds")   // the fold assignment's own complaint, told by parameter, not by message text
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
                    w.WriteString("scoring", scoreName);
                    w.WriteString("best", best.Description);
                    w.WriteStartArray("candidates");
                    foreach (GridSearchResult r in results)
                    {
                        w.WriteStartObject();
                        w.WriteString("candidate", r.Description);
                        w.WriteNumber($"mean_{scoreName}", r.MeanScore);
                        w.WriteNumber($"std_{scoreName}", r.ScoreStandardDeviation);
                        w.WriteStartArray($"fold_{scoreName}");
                        foreach (double s in r.FoldScores) w.WriteNumberValue(s);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            else
            {
                output.WriteLine($"{k}-fold stratified cross-validation, count-weighted {(score == GridSearchScoring.MacroF1 ? "macro" : "weighted")} F1:");
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
