using System.CommandLine;
using System.Globalization;
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Metrics;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Serialization;
using AttackClassifier.Text;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// <c>attack-classifier train</c>: the study's protocol — one file split 60/20/20 (or given train/val/test files),
/// train on train, report validation and test metrics, save the model.
/// </summary>
internal static class TrainCommand
{
    internal static Command Create()
    {
        var data = new DataOptions(required: false);
        var split = new SplitOptions();
        var outPath = new Option<string>("--out") { Description = "Where to save the trained model.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var settings = new ModelSettings();
        var command = new Command("train", "Train a classifier (split 60/20/20 from --data, or --train/--val/--test), report validation and test metrics, save the model.");
        data.AddTo(command);
        split.AddTo(command);
        foreach (Option o in new Option[] { outPath, json }) command.Options.Add(o);
        settings.AddTo(command);
        var (warmStart, replay) = WarmStartTraining.CreateOptions();
        command.Options.Add(warmStart);
        command.Options.Add(replay);
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(warmStart) is { } parent)
                return WarmStartTraining.Run(parsed, parent, parsed.GetValue(replay), data, parsed.GetValue(split.TrainFile), parsed.GetValue(split.Seed), parsed.GetValue(outPath)!, parsed.GetValue(json));
            var (train, validation, test) = split.LoadParts(parsed, data);
            int seed = parsed.GetValue(split.Seed);
            string kind = settings.ModelKind(parsed);
            TrainedModel trained = settings.Train(parsed, kind, train, validation, seed);
            var options = new Dictionary<string, string>(settings.OptionValues(parsed, kind)) { ["seed"] = seed.ToString(CultureInfo.InvariantCulture) };
            if (parsed.GetValue(data.Data) is not null) options["split"] = parsed.GetValue(split.Protocol)!;
            string[] dataFiles = new[] { parsed.GetValue(data.Data), parsed.GetValue(split.TrainFile) }.OfType<string>().SelectMany(DataOptions.Paths).ToArray();
            ClassificationReport? valReport = validation is null ? null : trained.Evaluate(validation, "validation");
            ClassificationReport? testReport = test is null ? null : trained.Evaluate(test, "test");
            string modelPath = parsed.GetValue(outPath)!;
            FileErrors.Writing("model", modelPath, "--out",    // only a model whose metrics are numbers
                               () => ModelFile.Save(trained.Classifier, modelPath, Metadata(dataFiles, train.Count, options)));
            TextWriter output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json))
            {
                JsonOutput.WriteLine(output, w =>
                {
                    w.WriteStartObject();
                    trained.WriteJson(w, train.Count);
                    if (valReport is not null) MetricsOutput.Write(w, "validation", valReport, validation!.Count, details: false);
                    if (testReport is not null) MetricsOutput.Write(w, "test", testReport, test!.Count, details: true);   // as the text output's report
                    w.WriteString("model_file", parsed.GetValue(outPath));
                    w.WriteEndObject();
                });
            }
            else
            {
                output.WriteLine(trained.Summary);
                if (trained.NotTechniques.Length > 0)
                    output.WriteLine($"not ATT&CK techniques (kind other): {string.Join("; ", trained.NotTechniques)}");
                if (valReport is not null) MetricsOutput.WriteText(output, "validation", valReport, validation!.Count);
                if (testReport is not null)
                {
                    MetricsOutput.WriteText(output, "test", testReport, test!.Count);
                    output.WriteLine();
                    output.WriteLine(testReport.ToText());
                }
                output.WriteLine($"model saved to {parsed.GetValue(outPath)}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The model file's metadata: tool version, SHA-256 of the training file, rows, options and the ATT&amp;CK catalog version,
    /// and a creation time only when <c>SOURCE_DATE_EPOCH</c> is set (the reproducible-builds convention). The wall clock is
    /// never stored, so the same data and seed give a byte-identical file; when a file was written is its modification time.
    /// </summary>
    internal static ModelMetadata Metadata(IReadOnlyList<string> dataFiles, int trainRows, IReadOnlyDictionary<string, string> options, string? name = null)
    {
        DateTimeOffset? created = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") is { } epoch
                                  && long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        string? sha = null;
        if (dataFiles.Count > 0)
        {
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            foreach (string file in dataFiles) hash.AppendData(FileErrors.Reading("", file, "--data", () => File.ReadAllBytes(file)));
            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        return new ModelMetadata
        {
            CreatedUtc = created, ToolVersion = ModelMetadata.LibraryVersion, Name = name, TrainingDataSha256 = sha, TrainingRows = trainRows,
            AttackCatalogVersion = Attack.AttackCatalog.Default.Version, Options = options,
        };
    }

    /// <summary>A feature cap from the command line: a whole number ≥ 1, or <c>none</c> (no cap).</summary>
    internal static int? MaxFeatures(string text, string option)
    {
        if (text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= 1 ? value
            : throw new CliException($"{option}: expected a whole number ≥ 1 or 'none', got '{text}'.");
    }

    internal static NGramRange Range(string text, string option)
    {
        string[] parts = text.Split(',');
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out int min) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int max) && min >= 1 && max >= min)
            return new NGramRange(min, max);
        throw new CliException($"{option}: expected MIN,MAX with 1 ≤ MIN ≤ MAX, got '{text}'.");
    }

    /// <summary>A value of C from the command line: in the library's range (0, <see cref="LogisticRegressionOptions.MaxInverseRegularization"/>].</summary>
    internal static double InverseRegularization(double value, string option) =>
        value > 0 && value <= LogisticRegressionOptions.MaxInverseRegularization ? value
            : throw new CliException(string.Create(CultureInfo.InvariantCulture,
                $"{option} must be in (0, {LogisticRegressionOptions.MaxInverseRegularization:0e0}] (beyond it the penalty is nil and the objective nears overflow), got {value:G}."));
}
