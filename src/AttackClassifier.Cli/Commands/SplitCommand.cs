using System.CommandLine;
using AttackClassifier.Data;

namespace AttackClassifier.Cli.Commands;

/// <summary><c>attack-classifier split</c>: a reproducible stratified train/validation/test split written as three CSVs in the input schema.</summary>
internal static class SplitCommand
{
    internal static Command Create()
    {
        var data = new DataOptions();
        var outDir = new Option<string>("--out") { Description = "Directory for train.csv, val.csv and test.csv (created if missing).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the split.", DefaultValueFactory = _ => 42 };
        var val = new Option<double>("--val") { Description = "Fraction of rows in the validation part.", DefaultValueFactory = _ => 0.2 };
        var test = new Option<double>("--test") { Description = "Fraction of rows in the test part.", DefaultValueFactory = _ => 0.2 };
        var command = new Command("split", "Consolidate, then split stratified by class into train/val/test CSVs (60/20/20 by default), reproducibly from the seed.");
        data.AddTo(command);
        foreach (Option option in new Option[] { outDir, seed, val, test }) command.Options.Add(option);
        command.SetAction(parsed =>
        {
            var (_, dataset) = data.Load(parsed);
            var parts = Split(dataset, parsed.GetValue(val), parsed.GetValue(test), parsed.GetValue(seed));
            string dir = parsed.GetValue(outDir)!;
            FileErrors.Writing("the split", dir, "--out", () => Directory.CreateDirectory(dir));
            TextWriter output = parsed.InvocationConfiguration.Output;
            foreach (var (name, part) in new[] { ("train", parts.Train), ("val", parts.Validation), ("test", parts.Test) })
            {
                string path = Path.Combine(dir, name + ".csv");
                FileErrors.Writing("the split", path, "--out", () => CommandCsv.WriteFile(path, part.Records));
                output.WriteLine($"{path}: {part.Count} rows, {part.TotalObservations} observations, {part.Labels().Count} classes");
            }
            return 0;
        });
        return command;
    }

    /// <summary>The study's 60/20/20 protocol on a consolidated dataset; a class too small for every part is a user error naming it.</summary>
    internal static (CommandDataset Train, CommandDataset Validation, CommandDataset Test) Split(CommandDataset dataset, double validationFraction, double testFraction, int seed)
    {
        if (!(validationFraction > 0 && validationFraction < 1)) throw new CliException($"--val must be strictly between 0 and 1, got {validationFraction}.");
        if (!(testFraction > 0 && testFraction < 1)) throw new CliException($"--test must be strictly between 0 and 1, got {testFraction}.");
        if (!(validationFraction + testFraction < 1)) throw new CliException($"--val + --test = {validationFraction + testFraction} leaves no training rows; their sum must be below 1.");
        LabelSet labels = dataset.Labels();
        int[] y = labels.Encode(dataset.Records.Select(r => r.Label));
        try
        {
            var (train, validation, test) = StratifiedSplit.TrainValidationTest(y, validationFraction, testFraction, seed, labels.Labels);
            return (dataset.Select(train), dataset.Select(validation), dataset.Select(test));
        }
        catch (ArgumentException e)
        {
            throw new CliException($"cannot split: {CliApp.UserMessage(e)} (merge small classes with --min-rows)");
        }
    }
}
