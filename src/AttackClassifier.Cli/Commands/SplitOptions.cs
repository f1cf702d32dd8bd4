using System.CommandLine;
using System.Globalization;
using AttackClassifier.Data;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// How <c>train</c> and <c>compare</c> get their train/validation/test parts, declared once: one file split 60/20/20 by the
/// library's <see cref="CommandDataset.Split"/> (<c>--data</c>, <c>--seed</c>, <c>--split</c>), or the parts given as files
/// (<c>--train</c>, <c>--val</c>, <c>--test</c>). <c>split</c> shares the seed and protocol options.
/// </summary>
internal sealed class SplitOptions
{
    /// <summary>The study's validation and test fractions (60/20/20).</summary>
    internal const double StudyFraction = 0.2;

    internal Option<string?> TrainFile { get; } = new("--train") { Description = "Training CSV (instead of --data)." };
    internal Option<string?> ValidationFile { get; } = new("--val") { Description = "Validation CSV (with --train): calibration and the LSTM's early stopping." };
    internal Option<string?> TestFile { get; } = new("--test") { Description = "Test CSV (with --train)." };
    internal Option<int> Seed { get; } = new("--seed") { Description = "Seed of the split, and of the LSTM's initialisation, dropout and shuffling.", DefaultValueFactory = _ => 42 };
    internal Option<string> Protocol { get; }

    /// <summary>The options, with <paramref name="defaultProtocol"/> for <c>--split</c>: test-first for train and split;
    /// compare, whose job is the study's comparison, passes the study protocol.</summary>
    internal SplitOptions(SplitProtocol defaultProtocol = SplitProtocol.TestFirst)
    {
        Protocol = new("--split")
        {
            Description = "How the two stratified splits are made: test-first (the test part first, then validation from the rest) or study " +
                          "(the study's notebook: validation and test held out together, then halved).",
            DefaultValueFactory = _ => NameOf(defaultProtocol),
        };
        Protocol.AcceptOnlyFromAmong(NameOf(SplitProtocol.TestFirst), NameOf(SplitProtocol.Study));
    }

    // --split's word for a protocol.
    private static string NameOf(SplitProtocol protocol) => protocol == SplitProtocol.Study ? "study" : "test-first";

    /// <summary>--seed and --split (the <c>split</c> command, whose parts are fractions, not files).</summary>
    internal void AddSeedAndProtocolTo(Command command)
    {
        command.Options.Add(Seed);
        command.Options.Add(Protocol);
    }

    /// <summary>Every option: the part files, --seed and --split.</summary>
    internal void AddTo(Command command)
    {
        foreach (Option o in new Option[] { TrainFile, ValidationFile, TestFile }) command.Options.Add(o);
        AddSeedAndProtocolTo(command);
    }

    internal SplitProtocol ProtocolOf(ParseResult parsed) => parsed.GetValue(Protocol) == "study" ? SplitProtocol.Study : SplitProtocol.TestFirst;

    /// <summary>The library's stratified split of a consolidated dataset; a class too small for every part is a user error naming it.</summary>
    internal (CommandDataset Train, CommandDataset Validation, CommandDataset Test) Split(ParseResult parsed, CommandDataset dataset, double validationFraction, double testFraction)
    {
        try
        {
            return dataset.Split(validationFraction, testFraction, parsed.GetValue(Seed), ProtocolOf(parsed));
        }
        catch (ArgumentException e)
        {
            throw new CliException($"cannot split: {CliApp.UserMessage(e)} (merge small classes with --min-rows)");
        }
    }

    /// <summary>Train/validation/test parts: split from --data as the study did, or read from --train/--val/--test (each consolidated).</summary>
    internal (CommandDataset Train, CommandDataset? Validation, CommandDataset? Test) LoadParts(ParseResult parsed, DataOptions data)
    {
        string? dataPath = parsed.GetValue(data.Data), trainPath = parsed.GetValue(TrainFile);
        if (dataPath is null == trainPath is null) throw new CliException("give either --data (split 60/20/20) or --train [--val] [--test].");
        if (dataPath is not null)
        {
            if (parsed.GetValue(ValidationFile) is not null || parsed.GetValue(TestFile) is not null) throw new CliException("--val and --test go with --train, not --data.");
            var (_, prepared) = data.Load(parsed);
            return Split(parsed, prepared, StudyFraction, StudyFraction);
        }
        CommandDataset? Read(string? path, string option) => path is null ? null : data.Load(parsed, path, option).Prepared;
        return (Read(trainPath, "--train")!, Read(parsed.GetValue(ValidationFile), "--val"), Read(parsed.GetValue(TestFile), "--test"));
    }

    /// <summary>Where the parts came from, for reports: "FILE split 60/20/20 (stratified, test-first, seed 42)" or the part files.</summary>
    internal string Describe(ParseResult parsed, DataOptions data)
    {
        if (parsed.GetValue(data.Data) is string path)
            return string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)} split 60/20/20 (stratified{(ProtocolOf(parsed) == SplitProtocol.Study ? ", study protocol" : "")}, seed {parsed.GetValue(Seed)})");
        string Name(Option<string?> o) => parsed.GetValue(o) is string p ? Path.GetFileName(p) : "none";
        return $"train {Name(TrainFile)}, validation {Name(ValidationFile)}, test {Name(TestFile)}";
    }
}
