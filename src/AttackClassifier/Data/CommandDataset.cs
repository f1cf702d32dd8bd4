namespace AttackClassifier.Data;

/// <summary>How classes with little data are merged into one "other" class.</summary>
/// <param name="MinRows">A class with fewer rows than this (after consolidation) is merged. 0 disables the rule.</param>
/// <param name="MinCountShare">A class whose share of all observations (sum of counts) is below this fraction, in [0, 1), is merged. 0 disables the rule.</param>
/// <param name="OtherLabel">The label merged classes take.</param>
public sealed record RareClassOptions(int MinRows = 0, double MinCountShare = 0, string OtherLabel = RareClassOptions.DefaultOtherLabel)
{
    /// <summary>The study's label for merged low-frequency techniques.</summary>
    public const string DefaultOtherLabel = "Z999: Other Low-Frequency Techniques";
}

/// <summary>Per-class size of a dataset: its rows and its observations (sum of counts).</summary>
/// <param name="Label">The class label.</param>
/// <param name="Rows">Number of rows with this label.</param>
/// <param name="Observations">Sum of their counts.</param>
/// <param name="ObservationShare">Observations divided by all observations of the dataset (0 when the dataset has none).</param>
public readonly record struct ClassSize(string Label, int Rows, double Observations, double ObservationShare);

/// <summary>
/// An in-memory list of labelled command lines with the study's preparation steps: consolidation of duplicate
/// (command line, label) rows and merging of rare classes. Instances are immutable; each step returns a new dataset.
/// </summary>
public sealed class CommandDataset
{
    private readonly CommandRecord[] _records;

    /// <summary>Wraps records (copied).</summary>
    public CommandDataset(IEnumerable<CommandRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        _records = records.ToArray();
    }

    /// <summary>
    /// Reads a whole CSV file in the study's schema: a header naming at least <c>proctitle</c>, <c>technique_grouped</c> (or
    /// <see cref="DatasetReadOptions.LabelColumn"/>) and <c>count</c>, in any order; other columns are ignored, <c>technique</c>
    /// is kept when present. Strict UTF-8 with or without BOM, CRLF or LF, RFC 4180 quoting. The one entry point for reading
    /// datasets (the CSV reader behind it is internal).
    /// </summary>
    /// <exception cref="DatasetFormatException">The file is malformed; the message names the file, line and field.</exception>
    public static CommandDataset Load(string path, DatasetReadOptions? options = null)
    {
        using CommandCsvReader reader = CommandCsvReader.Open(path, options);
        return ReadAll(reader);
    }

    /// <summary>As <see cref="Load(string, DatasetReadOptions?)"/>, from text already decoded; <paramref name="sourceName"/> names
    /// the input in error messages.</summary>
    /// <exception cref="DatasetFormatException">The text is malformed; the message names the source, line and field.</exception>
    public static CommandDataset Read(TextReader reader, string sourceName, DatasetReadOptions? options = null)
    {
        using var csv = new CommandCsvReader(reader, sourceName, options);
        return ReadAll(csv);
    }

    private static CommandDataset ReadAll(CommandCsvReader reader)
    {
        CommandRecord[] records = reader.ReadAll().ToArray();
        return new CommandDataset(records) { SkippedRows = reader.SkippedRows };
    }

    /// <summary>Writes the rows in the study's schema (<c>proctitle,technique,technique_grouped,count</c>), LF line ends,
    /// RFC 4180 quoting: what <see cref="Read"/> reads back.</summary>
    public void Write(TextWriter writer) => CommandCsv.Write(writer, _records);

    /// <summary>Writes the rows to a new UTF-8 file (no BOM), as <see cref="Write"/>.</summary>
    public void Save(string path) => CommandCsv.WriteFile(path, _records);

    /// <summary>The same rows, recording <paramref name="skipped"/> rows left out while reading.</summary>
    internal CommandDataset WithSkippedRows(long skipped) => new(_records) { SkippedRows = skipped };

    /// <summary>The rows, in file order.</summary>
    public IReadOnlyList<CommandRecord> Records => _records;

    /// <summary>N, the number of rows.</summary>
    public int Count => _records.Length;

    /// <summary>Rows left out while loading because an option said to skip empty fields (0 otherwise).</summary>
    public long SkippedRows { get; private init; }

    /// <summary>Sum of all counts.</summary>
    public double TotalObservations => _records.Sum(r => r.Count);

    /// <summary>Number of distinct command lines.</summary>
    public int UniqueCommandLines => _records.Select(r => r.CommandLine).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The classes present, in <see cref="LabelSet"/> (ordinal) order.</summary>
    public LabelSet Labels() => new(_records.Select(r => r.Label));

    /// <summary>The counts, one per row: the sample weights.</summary>
    public double[] Weights() => _records.Select(r => r.Count).ToArray();

    /// <summary>The command lines, one per row.</summary>
    public string[] CommandLines() => _records.Select(r => r.CommandLine).ToArray();

    /// <summary>Rows and observations per class, largest observation mass first, ties by label.</summary>
    public IReadOnlyList<ClassSize> ClassSizes()
    {
        double total = TotalObservations;
        return _records.GroupBy(r => r.Label, StringComparer.Ordinal)
            .Select(g => { double obs = g.Sum(r => r.Count); return new ClassSize(g.Key, g.Count(), obs, total > 0 ? obs / total : 0); })
            .OrderByDescending(c => c.Observations).ThenByDescending(c => c.Rows).ThenBy(c => c.Label, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// Groups rows by (command line, label), summing counts — the study's <c>groupby(['proctitle', 'technique_grouped'])['count'].sum()</c>.
    /// Rows keep the order of their first appearance, and the technique of that first row.
    /// </summary>
    public CommandDataset Consolidate()
    {
        var firstIndex = new Dictionary<(string, string), int>();
        var merged = new List<CommandRecord>(_records.Length);
        foreach (CommandRecord r in _records)
        {
            if (firstIndex.TryGetValue((r.CommandLine, r.Label), out int i))
                merged[i] = merged[i] with { Count = merged[i].Count + r.Count };
            else
            {
                firstIndex.Add((r.CommandLine, r.Label), merged.Count);
                merged.Add(r);
            }
        }
        return new CommandDataset(merged) { SkippedRows = SkippedRows };
    }

    /// <summary>
    /// Relabels every class that falls below <paramref name="options"/>' thresholds as <see cref="RareClassOptions.OtherLabel"/>,
    /// then consolidates again (two rare classes may share a command line). Class sizes are measured on this dataset as it is.
    /// </summary>
    public CommandDataset GroupRareClasses(RareClassOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinRows);
        if (!(options.MinCountShare >= 0 && options.MinCountShare < 1))
            throw new ArgumentOutOfRangeException(nameof(options), options.MinCountShare, "MinCountShare must be in [0, 1).");
        if (string.IsNullOrEmpty(options.OtherLabel)) throw new ArgumentException("OtherLabel must not be empty.", nameof(options));
        var rare = ClassSizes()
            .Where(c => c.Rows < options.MinRows || c.ObservationShare < options.MinCountShare)
            .Select(c => c.Label).ToHashSet(StringComparer.Ordinal);
        return new CommandDataset(_records.Select(r => rare.Contains(r.Label) ? r with { Label = options.OtherLabel } : r))
            { SkippedRows = SkippedRows }.Consolidate();
    }

    /// <summary>
    /// Splits the rows into training, validation and test parts, stratified by label (<see cref="StratifiedSplit.TrainValidationTest"/>
    /// on this dataset's labels, in <see cref="LabelSet"/> order), each part in file order. The study's protocol is
    /// validationFraction = testFraction = 0.2 with <see cref="SplitProtocol.Study"/>; consolidate first, as the study did.
    /// </summary>
    /// <exception cref="ArgumentException">A fraction outside (0, 1), fractions that leave no training rows, a class with a
    /// single row, or a part with fewer rows than classes; the message names the class.</exception>
    public (CommandDataset Train, CommandDataset Validation, CommandDataset Test) Split(double validationFraction, double testFraction, int seed,
                                                                                       SplitProtocol protocol = SplitProtocol.TestFirst)
    {
        LabelSet labels = Labels();
        int[] y = labels.Encode(_records.Select(r => r.Label));
        var (train, validation, test) = StratifiedSplit.TrainValidationTest(y, validationFraction, testFraction, seed, labels.Labels, protocol);
        return (Select(train), Select(validation), Select(test));
    }

    /// <summary>The rows at <paramref name="indices"/>, in that order (e.g. one part of a split).</summary>
    public CommandDataset Select(ReadOnlySpan<int> indices)
    {
        var rows = new CommandRecord[indices.Length];
        for (int i = 0; i < indices.Length; i++) rows[i] = _records[indices[i]];
        return new CommandDataset(rows);
    }
}
