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
        var split = new SplitOptions();
        var val = new Option<double>("--val") { Description = "Fraction of rows in the validation part.", DefaultValueFactory = _ => SplitOptions.StudyFraction };
        var test = new Option<double>("--test") { Description = "Fraction of rows in the test part.", DefaultValueFactory = _ => SplitOptions.StudyFraction };
        var command = new Command("split", "Consolidate, then split stratified by class into train/val/test CSVs (60/20/20 by default), reproducibly from the seed.");
        data.AddTo(command);
        foreach (Option option in new Option[] { outDir, val, test }) command.Options.Add(option);
        split.AddSeedAndProtocolTo(command);
        command.SetAction(parsed =>
        {
            var (_, dataset) = data.Load(parsed);
            double validationFraction = Fraction(parsed.GetValue(val), "--val"), testFraction = Fraction(parsed.GetValue(test), "--test");
            if (!(validationFraction + testFraction < 1))
                throw new CliException($"--val + --test = {validationFraction + testFraction} leaves no training rows; their sum must be below 1.");
            var parts = split.Split(parsed, dataset, validationFraction, testFraction);
            string dir = parsed.GetValue(outDir)!;
            FileErrors.Writing("the split", dir, "--out", () => Directory.CreateDirectory(dir));
            TextWriter output = parsed.InvocationConfiguration.Output;
            foreach (var (name, part) in new[] { ("train", parts.Train), ("val", parts.Validation), ("test", parts.Test) })
            {
                string path = Path.Combine(dir, name + ".csv");
                FileErrors.Writing("the split", path, "--out", () => part.Save(path));
                output.WriteLine($"{path}: {part.Count} rows, {part.TotalObservations} observations, {part.Labels().Count} classes");
            }
            return 0;
        });
        return command;
    }

    // The library checks the fractions too, but its message names its parameters; these name the options.
    private static double Fraction(double value, string option) =>
        value > 0 && value < 1 ? value : throw new CliException($"{option} must be strictly between 0 and 1, got {value}.");
}
