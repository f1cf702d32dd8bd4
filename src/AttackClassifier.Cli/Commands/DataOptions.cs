using System.CommandLine;
using AttackClassifier.Data;

namespace AttackClassifier.Cli.Commands;

/// <summary>The options every command that reads a dataset shares: the file, the label column, empty-field handling, rare grouping.</summary>
internal sealed class DataOptions(bool required = true)
{
    internal Option<string> Data { get; } = new("--data") { Description = "CSV with columns proctitle, technique_grouped, count (technique optional); several files separated by commas are read as one.", Required = required };
    internal Option<string> LabelColumn { get; } = new("--label-column") { Description = "Column holding the class.", DefaultValueFactory = _ => new DatasetReadOptions().LabelColumn };
    internal Option<bool> ParentTechniques { get; } = new("--parent-techniques") { Description = "Map every technique label to its parent technique with the ATT&CK catalog's name (e.g. with --label-column technique: T1059.004 → T1059: Command and Scripting Interpreter), before rare grouping." };
    internal Option<bool> SkipEmpty { get; } = new("--skip-empty") { Description = "Skip (and count) rows whose proctitle or label is empty instead of failing." };
    internal Option<int> MinRows { get; } = new("--min-rows") { Description = "Merge classes with fewer rows than this (after consolidation) into the other-label class; 0 = off.", DefaultValueFactory = _ => 0 };
    internal Option<double> MinShare { get; } = new("--min-share") { Description = "Merge classes with less than this share of observations, in [0,1); 0 = off.", DefaultValueFactory = _ => 0.0 };
    internal Option<string> OtherLabel { get; } = new("--other-label") { Description = "Label of merged rare classes.", DefaultValueFactory = _ => RareClassOptions.DefaultOtherLabel };

    internal void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Data, LabelColumn, ParentTechniques, SkipEmpty, MinRows, MinShare, OtherLabel }) command.Options.Add(option);
    }

    /// <summary>The raw file as read, and the file after the study's preparation (consolidation, then rare grouping when asked).</summary>
    internal (CommandDataset Raw, CommandDataset Prepared) Load(ParseResult parsed) => Load(parsed, parsed.GetValue(Data)!, "--data");

    /// <summary>The files an option names: one path, or several separated by commas (a path that exists as given is one file).</summary>
    internal static IReadOnlyList<string> Paths(string value) =>
        File.Exists(value) ? [value] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Reads <paramref name="path"/> (or several comma-separated files, concatenated) with this command's reading
    /// options; <paramref name="option"/> names it in errors.</summary>
    internal (CommandDataset Raw, CommandDataset Prepared) Load(ParseResult parsed, string path, string option)
    {
        EmptyFieldHandling empty = parsed.GetValue(SkipEmpty) ? EmptyFieldHandling.Skip : EmptyFieldHandling.Error;
        var records = new List<CommandRecord>();
        foreach (string file in Paths(path))
        {
            if (!File.Exists(file)) throw new CliException($"{option}: file not found: {file}");
            var part = FileErrors.Reading("", file, option,
                () => CommandDataset.Load(file, new DatasetReadOptions { LabelColumn = parsed.GetValue(LabelColumn)!, EmptyCommandLine = empty, EmptyLabel = empty }));
            if (part.Count == 0) throw new CliException($"{option}: {file} has a header but no rows.");
            records.AddRange(parsed.GetValue(ParentTechniques)
                ? part.Records.Select(r => r with { Label = Attack.AttackCatalog.Default.ToParentLabel(r.Label) })
                : part.Records);
        }
        if (records.Count == 0) throw new CliException($"{option}: no file given.");
        var raw = new CommandDataset(records);
        if (double.IsInfinity(raw.TotalObservations))   // each file's sum is finite (the reader checks); together they may not be
            throw new CliException($"{option}: the counts of the files together sum beyond double range; counts are sample weights and their total must be finite.");
        int minRows = parsed.GetValue(MinRows);
        double minShare = parsed.GetValue(MinShare);
        if (minRows < 0) throw new CliException("--min-rows must be ≥ 0.");
        if (!(minShare >= 0 && minShare < 1)) throw new CliException("--min-share must be in [0, 1).");
        if (string.IsNullOrEmpty(parsed.GetValue(OtherLabel))) throw new CliException("--other-label must not be empty.");
        CommandDataset prepared = raw.Consolidate();
        if (minRows > 0 || minShare > 0)
            prepared = prepared.GroupRareClasses(new RareClassOptions(minRows, minShare, parsed.GetValue(OtherLabel)!));
        return (raw, prepared);
    }
}
