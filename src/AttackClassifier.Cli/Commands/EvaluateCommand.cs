using System.CommandLine;
using AttackClassifier.Classification;
using AttackClassifier.Metrics;
using AttackClassifier.Serialization;

namespace AttackClassifier.Cli.Commands;

/// <summary><c>attack-classifier evaluate</c>: count-weighted metrics of a saved model on a labelled file.</summary>
internal static class EvaluateCommand
{
    internal static Command Create()
    {
        var data = new DataOptions();
        var modelPath = new Option<string>("--model") { Description = "A model file written by train, or builtin:linux / builtin:windows.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (metrics, per-class rows, confusion matrix)." };
        var uncalibrated = new Option<bool>("--uncalibrated") { Description = "Score the model's probabilities before temperature scaling (T = 1; the abstention threshold is kept)." };
        var command = new Command("evaluate", "Score a saved model on a labelled CSV (consolidated; counts are sample weights).");
        command.Options.Add(modelPath);
        data.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(uncalibrated);
        var baseline = new Option<string?>("--baseline") { Description = "Score this model too (e.g. the parent of a --warm-start child) and show both side by side." };
        command.Options.Add(baseline);
        command.SetAction(parsed =>
        {
            IAttackClassifier classifier = LoadModel(parsed.GetValue(modelPath)!);
            if (parsed.GetValue(uncalibrated)) classifier = classifier.WithCalibration(classifier.Calibration with { Temperature = 1.0 });
            var (_, dataset) = data.Load(parsed);
            if (parsed.GetValue(baseline) is { } baselinePath)
            {
                IAttackClassifier parent = LoadModel(baselinePath);
                if (parsed.GetValue(uncalibrated)) parent = parent.WithCalibration(parent.Calibration with { Temperature = 1.0 });
                BaselineComparison.Write(parsed.InvocationConfiguration.Output, parsed.GetValue(json), parsed.GetValue(modelPath)!, baselinePath, classifier, parent, dataset);
                return 0;
            }
            ClassificationReport report = classifier.Evaluate(dataset);
            CalibrationReport calibration = classifier.EvaluateCalibration(dataset);
            BenignRates benign = BenignRates.Compute(classifier, dataset);
            double top3 = classifier.TopKAccuracy(dataset, 3);
            TextWriter output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json))
                JsonOutput.WriteLine(output, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("model_file", parsed.GetValue(modelPath));
                    MetricsOutput.Write(w, "evaluation", report, dataset.Count, details: true);
                    MetricsOutput.WriteCalibration(w, calibration, classifier.Calibration.Temperature);
                    benign.Write(w);
                    MetricsOutput.Number(w, "top3_accuracy", top3);
                    w.WriteEndObject();
                });
            else
            {
                MetricsOutput.WriteText(output, "evaluation", report, dataset.Count);
                MetricsOutput.WriteCalibrationText(output, calibration, classifier.Calibration.Temperature);
                benign.WriteText(output);
                output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"top-3 accuracy: {top3:P2}"));
                output.WriteLine();
                output.WriteLine(report.ToText());
            }
            return 0;
        });
        return command;
    }

    /// <summary>Loads a model file, turning a missing file into a user error.</summary>
    internal static IAttackClassifier LoadModel(string path) => OpenModel(path).Classifier;

    /// <summary>Loads a model file with its identity and metadata, turning a missing or bad file into a user error.</summary>
    internal static LoadedModel OpenModel(string path)
    {
        if (BuiltinModels.BuiltinModels.IsBuiltin(path)) return BuiltinModels.BuiltinModels.Open(path);
        if (!File.Exists(path)) throw new CliException($"--model: file not found: {path}");
        try
        {
            return FileErrors.Reading("model ", path, "--model", () => ModelFile.Open(path));
        }
        catch (ModelFormatException e)
        {
            throw new CliException(e.Message);
        }
    }
}
