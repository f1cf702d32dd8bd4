using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AttackClassifier.Classification;
using AttackClassifier.Cli.Report;
using AttackClassifier.Data;
using AttackClassifier.Metrics;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// <c>attack-classifier compare</c>: the study's comparison as a product — one split, every asked model trained on it
/// (LR, LSTM and LSTM variants), the same count-weighted test metrics, training seconds and prediction throughput for each,
/// printed as the study's table and written as <c>report.md</c> + a self-contained <c>report.html</c> with SVG charts.
/// </summary>
internal static class CompareCommand
{
    /// <summary>The models compared when <c>--models</c> is not given.</summary>
    internal const string DefaultModels = "lr,lr-default,lstm,lstm+cyber,lstm+mask";

    internal static Command Create()
    {
        var data = new DataOptions(required: false);
        var split = new SplitOptions(SplitProtocol.Study);   // compare reproduces the study: 0.4 held out, then halved
        var models = new Option<string>("--models") { Description = "Comma-separated models: lr (the study's preset), lr-default (the default preset), lstm, lstm+cyber (cyber tokenizer), lstm+mask (masked padding), lstm+cyber+mask. LR options given apply on top of each preset.", DefaultValueFactory = _ => DefaultModels };
        var outDir = new Option<string>("--out") { Description = "Directory for report.md, report.html and the SVG charts.", DefaultValueFactory = _ => "compare-report" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with a \"models\" list (each with the keys of train --json)." };
        var costGrowth = new Option<string>("--cost-growth")
        {
            Description = $"auto, on or off: refit each model on nested subsamples of the training rows (100, 1,000, 10,000, … and all) and add a log–log chart of fit time and peak memory against rows to the report; auto measures when there are more than {CostGrowth.AutoAboveRows:N0} training rows.",
            DefaultValueFactory = _ => "auto",
        };
        // Not AcceptOnlyFromAmong: its message names the value but not the option.
        string[] costGrowthModes = ["auto", "on", "off"];
        costGrowth.CompletionSources.Add(costGrowthModes);
        costGrowth.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } mode && !costGrowthModes.Contains(mode))
                result.AddError($"--cost-growth: '{mode}' is not one of auto, on, off.");
        });
        var settings = new ModelSettings();
        var command = new Command("compare", "Train LR and LSTM variants on one split (60/20/20 from --data, or --train/--val/--test), compare test metrics, training time and throughput, and write a Markdown + HTML report with charts.");
        data.AddTo(command);
        split.AddTo(command);
        foreach (Option o in new Option[] { models, outDir, json, costGrowth }) command.Options.Add(o);
        settings.AddTo(command, withModelChoice: false);
        command.SetAction(parsed =>
        {
            IReadOnlyList<ModelSpec> specs = ParseModels(parsed.GetValue(models)!);
            var (train, validation, test) = split.LoadParts(parsed, data);
            int seed = parsed.GetValue(split.Seed);
            if (test is null) throw new CliException("compare needs test rows: give --data (split 60/20/20), or --test with --train.");
            string[] testCommands = test.CommandLines();
            var results = new List<(TrainedModel Trained, ModelResult Result)>();
            foreach (ModelSpec spec in specs)
            {
                TrainedModel trained = spec.IsLstm
                    ? ModelSettings.TrainLstm(spec.Name, train, validation, settings.LstmOptions(parsed, seed, spec.CyberTokens, spec.Mask), settings.Progress(parsed))
                    : ModelSettings.TrainLogisticRegression(spec.Name, train, validation, settings.LogisticRegressionOptions(parsed, spec.Preset), settings.Progress(parsed));
                ClassificationReport? valReport = validation is null ? null : trained.Evaluate(validation, "validation");
                ClassificationReport testReport = trained.Evaluate(test, "test");
                double throughput = CommandsPerSecond(trained.Classifier, testCommands);
                var history = trained.Classifier is LstmClassifier lstm ? lstm.Model.History : [];
                string[] predicted = trained.Classifier.PredictClasses(testCommands).Select(k => trained.Classifier.Labels[k]).ToArray();
                results.Add((trained, new ModelResult(spec.Name, trained.Seconds, throughput, spec.IsLstm ? "low" : "high — n-gram evidence",
                                                      valReport, testReport, history, trained.Summary, trained.Classifier.EvaluateCalibration(test),
                                                      predicted.Distinct(StringComparer.Ordinal).Count(), Comparison.TopConfusions(test, predicted))));
            }

            CostGrowth? growth = parsed.GetValue(costGrowth) switch
            {
                "on" => MeasureCostGrowth(specs, train, parsed, settings, seed),
                "auto" when train.Count > CostGrowth.AutoAboveRows => MeasureCostGrowth(specs, train, parsed, settings, seed),
                _ => null,
            };

            var all = new CommandDataset(train.Records.Concat(validation?.Records ?? []).Concat(test.Records));
            var (baselineLabel, baseline) = Comparison.MajorityBaseline(train, test);
            var comparison = new Comparison(split.Describe(parsed, data), train.Count, validation?.Count ?? 0, test.Count,
                                            all.ClassSizes(), results.Select(r => r.Result).ToArray(), baselineLabel, baseline, growth);
            string reportDir = parsed.GetValue(outDir)!;
            IReadOnlyList<string> files = FileErrors.Writing("the report", reportDir, "--out", () => ReportWriter.Write(comparison, reportDir));

            TextWriter output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json))
                JsonOutput.WriteLine(output, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("data", comparison.DataDescription);
                    w.WriteStartArray("models");
                    foreach (var (trained, result) in results)
                    {
                        w.WriteStartObject();
                        trained.WriteJson(w, train.Count);
                        if (result.Validation is not null) MetricsOutput.Write(w, "validation", result.Validation, validation!.Count, details: false);
                        MetricsOutput.Write(w, "test", result.Test, test.Count, details: true);
                        w.WriteNumber("predict_commands_per_second", result.CommandsPerSecond);
                        MetricsOutput.WriteCalibration(w, result.Calibration, trained.Classifier.Calibration.Temperature);
                        w.WriteNumber("distinct_predicted_classes", result.DistinctPredicted);
                        w.WriteString("interpretability", result.Interpretability);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteStartObject("baseline");
                    w.WriteString("label", comparison.BaselineLabel);
                    MetricsOutput.Write(w, "test", comparison.Baseline, test.Count, details: false);
                    w.WriteEndObject();
                    w.WriteString("verdict", comparison.Verdict());
                    w.WriteStartArray("warnings");
                    foreach (string warning in comparison.Warnings()) w.WriteStringValue(warning);
                    w.WriteEndArray();
                    if (growth is not null) WriteCostGrowth(w, growth);
                    w.WriteStartArray("report_files");
                    foreach (string f in files) w.WriteStringValue(f);
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            else
            {
                output.WriteLine($"{comparison.DataDescription}: {train.Count} train, {validation?.Count ?? 0} validation, {test.Count} test rows; count-weighted test metrics");
                output.WriteLine();
                WriteTable(output, comparison.TableCells());
                output.WriteLine();
                output.WriteLine(comparison.Verdict());
                foreach (string warning in comparison.Warnings()) output.WriteLine(warning);
                output.WriteLine();
                output.WriteLine($"report: {files[0]}, {files[1]} (+ {files.Count - 2} SVG charts)");
            }
            return 0;
        });
        return command;
    }

    /// <summary>A model to compare: <c>lr</c> (study preset), <c>lr-default</c> (default preset), or <c>lstm</c> with optional
    /// <c>+cyber</c> (cyber tokenizer) and <c>+mask</c> (masked padding).</summary>
    internal sealed record ModelSpec(string Name, bool IsLstm, bool CyberTokens, bool Mask, string Preset = "study");

    internal static IReadOnlyList<ModelSpec> ParseModels(string text)
    {
        var specs = new List<ModelSpec>();
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = item.ToLowerInvariant().Split('+');
            ModelSpec spec = parts switch
            {
                ["lr"] => new ModelSpec("lr", false, false, false),
                ["lr-default"] => new ModelSpec("lr-default", false, false, false, "default"),
                ["lstm", .. var variants] when variants.All(v => v is "cyber" or "mask") && variants.Distinct().Count() == variants.Length =>
                    new ModelSpec("lstm" + string.Concat(new[] { "cyber", "mask" }.Where(variants.Contains).Select(v => "+" + v)), true, variants.Contains("cyber"), variants.Contains("mask")),
                _ => throw new CliException($"--models: unknown model '{item}'; expected lr, lr-default, lstm, lstm+cyber, lstm+mask or lstm+cyber+mask."),
            };
            if (specs.Any(s => s.Name == spec.Name)) throw new CliException($"--models: '{spec.Name}' is listed twice.");
            specs.Add(spec);
        }
        return specs.Count > 0 ? specs : throw new CliException("--models: give at least one model.");
    }

    /// <summary>
    /// The report's cost growth: each compared model fitted as <see cref="CostGrowth.Measure"/> describes — LR with the options it was
    /// compared with (no calibration), the LSTM for one epoch of its network without validation, as benchmarks/scaling.py fits them.
    /// </summary>
    private static CostGrowth MeasureCostGrowth(IReadOnlyList<ModelSpec> specs, CommandDataset train, ParseResult parsed, ModelSettings settings, int seed)
    {
        var fits = specs.Select(spec =>
        {
            Action<CommandDataset> fit;
            if (spec.IsLstm)
            {
                LstmClassifierOptions options = settings.LstmOptions(parsed, seed, spec.CyberTokens, spec.Mask);
                options = options with { Network = options.Network with { MaxEpochs = 1 } };
                fit = rows => LstmClassifier.Train(rows, validation: null, options);
            }
            else
            {
                TfidfLogisticRegressionOptions options = settings.LogisticRegressionOptions(parsed, spec.Preset);
                fit = rows => TfidfLogisticRegressionClassifier.Train(rows, options);
            }
            return (spec.Name, fit);
        }).ToArray();
        return CostGrowth.Measure(train, fits, seed, settings.Progress(parsed));
    }

    /// <summary>The cost growth's fits and slopes (NaN slopes as null), under "cost_growth"; only when measured.</summary>
    private static void WriteCostGrowth(System.Text.Json.Utf8JsonWriter w, CostGrowth growth)
    {
        w.WriteStartObject("cost_growth");
        w.WriteString("memory_measure", growth.MemoryMeasure);
        w.WriteStartArray("fits");
        foreach (CostGrowthFit f in growth.Fits)
        {
            w.WriteStartObject();
            w.WriteString("model", f.Model);
            w.WriteNumber("rows", f.Rows);
            w.WriteNumber("seconds", f.Seconds);
            w.WriteNumber("peak_mib", f.PeakMiB);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("slopes");
        foreach (string model in growth.Models)
        {
            w.WriteStartObject();
            w.WriteString("model", model);
            foreach (var (key, slope) in new[] { ("time", growth.TimeSlope(model)), ("memory", growth.MemorySlope(model)) })
                if (double.IsNaN(slope)) w.WriteNull(key); else w.WriteNumber(key, slope);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Command lines per second of prediction, measured as <see cref="PredictionThroughput"/> describes.</summary>
    internal static double CommandsPerSecond(IAttackClassifier classifier, string[] commands) => PredictionThroughput.CommandsPerSecond(classifier, commands);

    private static void WriteTable(TextWriter output, IReadOnlyList<string[]> cells)
    {
        int[] widths = Enumerable.Range(0, cells[0].Length).Select(c => cells.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in cells)
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c is 0 || c == row.Length - 1 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
    }
}
