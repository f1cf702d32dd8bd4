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
        var trainFile = new Option<string?>("--train") { Description = "Training CSV (instead of --data)." };
        var valFile = new Option<string?>("--val") { Description = "Validation CSV (with --train)." };
        var testFile = new Option<string?>("--test") { Description = "Test CSV (with --train)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the split and of the LSTM's initialisation, dropout and shuffling.", DefaultValueFactory = _ => 42 };
        var outPath = new Option<string>("--out") { Description = "Where to save the trained model.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var settings = new ModelSettings();
        var command = new Command("train", "Train a classifier (split 60/20/20 from --data, or --train/--val/--test), report validation and test metrics, save the model.");
        data.AddTo(command);
        foreach (Option o in new Option[] { trainFile, valFile, testFile, seed, outPath, json }) command.Options.Add(o);
        settings.AddTo(command);
        var (warmStart, replay) = WarmStartTraining.CreateOptions();
        command.Options.Add(warmStart);
        command.Options.Add(replay);
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(warmStart) is { } parent)
                return WarmStartTraining.Run(parsed, parent, parsed.GetValue(replay), data, parsed.GetValue(trainFile), parsed.GetValue(seed), parsed.GetValue(outPath)!, parsed.GetValue(json));
            var (train, validation, test) = LoadParts(parsed, data, trainFile, valFile, testFile, parsed.GetValue(seed));
            TrainedModel trained = settings.Train(parsed, parsed.GetValue(settings.Model)!, train, validation, parsed.GetValue(seed));
            var options = new Dictionary<string, string>(settings.OptionValues(parsed)) { ["seed"] = parsed.GetValue(seed).ToString(CultureInfo.InvariantCulture) };
            string[] dataFiles = new[] { parsed.GetValue(data.Data), parsed.GetValue(trainFile) }.OfType<string>().SelectMany(DataOptions.Paths).ToArray();
            ModelFile.Save(trained.Classifier, parsed.GetValue(outPath)!, Metadata(dataFiles, train.Count, options));
            ClassificationReport? valReport = validation is null ? null : trained.Classifier.Evaluate(validation);
            ClassificationReport? testReport = test is null ? null : trained.Classifier.Evaluate(test);
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
    /// The model file's metadata: creation time (<c>SOURCE_DATE_EPOCH</c> when set, the reproducible-builds convention, so the
    /// same data and seed give a byte-identical file; otherwise now), tool version, SHA-256 of the training file, rows,
    /// options and the ATT&amp;CK catalog version.
    /// </summary>
    internal static ModelMetadata Metadata(IReadOnlyList<string> dataFiles, int trainRows, IReadOnlyDictionary<string, string> options, string? name = null)
    {
        DateTimeOffset created = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") is { } epoch
                                 && long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow;
        string? sha = null;
        if (dataFiles.Count > 0)
        {
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            foreach (string file in dataFiles) hash.AppendData(File.ReadAllBytes(file));
            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        return new ModelMetadata
        {
            CreatedUtc = created, ToolVersion = ModelMetadata.LibraryVersion, Name = name, TrainingDataSha256 = sha, TrainingRows = trainRows,
            AttackCatalogVersion = Attack.AttackCatalog.Default.Version, Options = options,
        };
    }

    /// <summary>Train/validation/test parts: split from --data as the study did, or read from --train/--val/--test (each consolidated).</summary>
    internal static (CommandDataset Train, CommandDataset? Validation, CommandDataset? Test) LoadParts(ParseResult parsed, DataOptions data,
        Option<string?> trainFile, Option<string?> valFile, Option<string?> testFile, int seed)
    {
        string? dataPath = parsed.GetValue(data.Data), trainPath = parsed.GetValue(trainFile);
        if (dataPath is null == trainPath is null) throw new CliException("give either --data (split 60/20/20) or --train [--val] [--test].");
        if (dataPath is not null)
        {
            if (parsed.GetValue(valFile) is not null || parsed.GetValue(testFile) is not null) throw new CliException("--val and --test go with --train, not --data.");
            var (_, prepared) = data.Load(parsed);
            return SplitCommand.Split(prepared, 0.2, 0.2, seed);
        }
        CommandDataset? Read(string? path, string option) => path is null ? null : data.Load(parsed, path, option).Prepared;
        return (Read(trainPath, "--train")!, Read(parsed.GetValue(valFile), "--val"), Read(parsed.GetValue(testFile), "--test"));
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

    internal static double Positive(double value, string option) =>
        value > 0 && double.IsFinite(value) ? value : throw new CliException($"{option} must be a positive number, got {value}.");
}
