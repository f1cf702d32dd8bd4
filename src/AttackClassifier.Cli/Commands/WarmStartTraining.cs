using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Models.Lstm;
using AttackClassifier.Review;
using AttackClassifier.Serialization;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// <c>train --warm-start PARENT --data NEW.csv [--replay OLD.csv]</c>: retrains a saved model on newly labelled rows
/// (<see cref="WarmStart"/>) and records the step in the child's lineage. Called from one place in <see cref="TrainCommand"/>.
/// </summary>
internal static class WarmStartTraining
{
    /// <summary>The two options train adds: --warm-start PARENT and --replay OLD.csv.</summary>
    internal static (Option<string?> Parent, Option<string?> Replay) CreateOptions() =>
    (
        new("--warm-start") { Description = "Retrain this model file on --data (a filled review queue or any labelled CSV) instead of training from scratch; the child's metadata names the parent." },
        new("--replay") { Description = "With --warm-start: old labelled rows to mix back in, so the old classes are not forgotten." }
    );

    /// <summary>LSTM fine-tunes run this many epochs over the new and replayed rows (no validation split to stop early on).</summary>
    internal const int LstmEpochs = 3;

    internal static int Run(ParseResult parsed, string parentPath, string? replayPath, DataOptions data, string? trainFile, int seed, string outPath, bool json)
    {
        if (trainFile is not null) throw new CliException("--warm-start takes the new rows from --data, not --train/--val/--test.");
        string newPath = parsed.GetValue(data.Data) ?? throw new CliException("--warm-start needs --data: the newly labelled rows (e.g. a filled review queue).");
        if (!File.Exists(newPath)) throw new CliException($"--data: file not found: {newPath}");
        LoadedModel parent = EvaluateCommand.OpenModel(parentPath);
        CommandDataset newRows = ReviewCsv.ReadLabelled(newPath, parent.Classifier.Labels, parsed.GetValue(data.LabelColumn)!).Consolidate();
        if (newRows.Count == 0) throw new CliException($"--data: {newPath} has no labelled rows (fill in {parsed.GetValue(data.LabelColumn)}).");
        CommandDataset? replay = replayPath is null ? null : data.Load(parsed, replayPath, "--replay").Prepared;

        var clock = Stopwatch.StartNew();
        IAttackClassifier child = parent.Classifier switch
        {
            TfidfLogisticRegressionClassifier lr => WarmStart.Retrain(lr, newRows, replay, Options(parent.Info.Metadata, parsed.GetValue<int?>("--max-iter"))),
            LstmClassifier lstm => WarmStart.Retrain(lstm, newRows, replay, null, new LstmOptions
            {
                EmbeddingSize = lstm.Model.EmbeddingSize, HiddenSize = lstm.Model.HiddenSize, MaskPadding = lstm.Model.MasksPadding,
                MaxEpochs = LstmEpochs, Seed = seed,
            }, null),
            _ => throw new CliException($"--warm-start: {parent.Classifier.GetType().Name} models cannot be retrained."),
        };
        double seconds = clock.Elapsed.TotalSeconds;

        ModelMetadata? old = parent.Info.Metadata;
        var options = new Dictionary<string, string>(old?.Options ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
        };
        ModelMetadata metadata = TrainCommand.Metadata(DataOptions.Paths(newPath), newRows.Count + (replay?.Count ?? 0), options);
        metadata = metadata with
        {
            Lineage = [.. old?.Lineage ?? [], new ModelLineageStep(parent.Info.Sha256, newRows.Count, replay?.Count ?? 0, metadata.CreatedUtc)],
        };
        ModelFile.Save(child, outPath, metadata);

        string[] added = child.Labels.Skip(parent.Classifier.Labels.Count).ToArray();
        string fit = child is TfidfLogisticRegressionClassifier c
            ? string.Create(CultureInfo.InvariantCulture, $"{c.Vectorizer.FeatureCount} features (+{c.Vectorizer.FeatureCount - ((TfidfLogisticRegressionClassifier)parent.Classifier).Vectorizer.FeatureCount}); {c.Model.Diagnostics!.Iterations} L-BFGS iterations ({c.Model.Diagnostics.Status})")
            : $"{LstmEpochs} fine-tuning epochs";
        TextWriter output = parsed.InvocationConfiguration.Output;
        if (json)
            JsonOutput.WriteLine(output, w =>
            {
                w.WriteStartObject();
                w.WriteString("parent_sha256", parent.Info.Sha256);
                w.WriteNumber("rows_added", newRows.Count);
                w.WriteNumber("unlabelled_rows_skipped", newRows.SkippedRows);
                w.WriteNumber("replay_rows", replay?.Count ?? 0);
                w.WriteStartArray("new_classes");
                foreach (string label in added) w.WriteStringValue(label);
                w.WriteEndArray();
                w.WriteNumber("classes", child.Labels.Count);
                w.WriteNumber("train_seconds", seconds);
                w.WriteString("model_file", outPath);
                w.WriteEndObject();
            });
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warm start from {parentPath} (sha256 {parent.Info.Sha256[..12]}…): {newRows.Count} new rows ({newRows.SkippedRows} unlabelled skipped), {replay?.Count ?? 0} replayed; {child.Labels.Count} classes (+{added.Length}); {fit}; {seconds:F2} s"));
            if (added.Length > 0) output.WriteLine($"new classes: {string.Join("; ", added)}");
            output.WriteLine($"model saved to {outPath}");
        }
        return 0;
    }

    /// <summary>The parent's objective, read back from its metadata (C and class weights as train recorded them); the
    /// library's warm-start defaults where the metadata is silent; <c>--max-iter</c>, when given, caps the L-BFGS iterations
    /// instead of the warm start's default (raise it for one large batch of new rows).</summary>
    internal static WarmStartOptions Options(ModelMetadata? metadata, int? maxIterations = null)
    {
        var options = new WarmStartOptions();
        if (maxIterations is int cap)
            options = options with { Classifier = options.Classifier with { MaxIterations = cap >= 1 ? cap : throw new CliException("--max-iter must be ≥ 1.") } };
        if (metadata is null) return options;
        if (metadata.Options.TryGetValue("C", out string? c) && double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out double C) && C > 0 && double.IsFinite(C))
            options = options with { Classifier = options.Classifier with { InverseRegularization = C } };
        if (metadata.Options.TryGetValue("class_weight", out string? weights))
            options = options with { ClassWeights = weights == nameof(ClassWeightMode.None) ? ClassWeights.None : ClassWeights.Balanced };
        return options;
    }
}
