using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Metrics;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Models.Lstm;
using AttackClassifier.Normalization;
using AttackClassifier.Text;

namespace AttackClassifier.Cli.Commands;

/// <summary>A classifier just trained, with what <c>train --json</c> and <c>compare</c> report about its training.</summary>
/// <param name="Name">The model's name in reports: <c>lr</c>, <c>lstm</c>, or a variant such as <c>lstm+cyber</c>.</param>
/// <param name="Classifier">The trained classifier.</param>
/// <param name="Seconds">Wall-clock training time (fitting features included).</param>
/// <param name="Iterations">L-BFGS iterations, or Adam steps for the LSTM.</param>
/// <param name="Objective">LR: Σ sₙ·CEₙ + ‖w‖²/(2C) at the solution (scikit-learn's sum form); LSTM: the training loss at its best epoch.</param>
/// <param name="Summary">One line for people.</param>
internal sealed record TrainedModel(string Name, IAttackClassifier Classifier, double Seconds, long Iterations, double Objective, string Summary)
{
    /// <summary>Classes that are neither a catalog technique nor the benign class (kind other): they train as they are and are named once.</summary>
    internal string[] NotTechniques => Classifier.Labels.Where(l => Attack.AttackCatalog.Default.Resolve(l).Kind == Attack.LabelKind.Other).ToArray();

    /// <summary>The count-weighted report on <paramref name="data"/>; NaN scores mean the model (or the weights) is not usable,
    /// so they end the command as a failed training (exit 2) instead of being printed or saved beside a model.</summary>
    internal ClassificationReport Evaluate(CommandDataset data, string part)
    {
        ClassificationReport report = Classifier.Evaluate(data);
        if (double.IsNaN(report.Accuracy) || double.IsNaN(report.WeightedAverage.F1) || double.IsNaN(report.MacroAverage.F1))
            throw new Models.TrainingFailedException($"{Name}: the {part} metrics are NaN (accuracy {report.Accuracy}, weighted F1 {report.WeightedAverage.F1}, macro F1 {report.MacroAverage.F1}).");
        return report;
    }

    internal void WriteJson(Utf8JsonWriter w, int trainRows)
    {
        w.WriteString("model", Name);
        w.WriteStartArray("classes");
        foreach (string label in Classifier.Labels) w.WriteStringValue(label);
        w.WriteEndArray();
        w.WriteNumber("train_rows", trainRows);
        w.WriteNumber("train_seconds", Seconds);
        w.WriteNumber("iterations", Iterations);
        w.WriteNumber("objective", Objective);
        w.WriteStartArray("not_attack_techniques");
        foreach (string label in NotTechniques) w.WriteStringValue(label);
        w.WriteEndArray();
        w.WriteStartObject("calibration");
        w.WriteNumber("temperature", Classifier.Calibration.Temperature);
        w.WriteNumber("abstention_threshold", Classifier.Calibration.AbstentionThreshold);
        w.WriteString("threshold_rule", Classifier.Calibration.ThresholdRule);
        w.WriteEndObject();
        switch (Classifier)
        {
            case TfidfLogisticRegressionClassifier lr:
                w.WriteNumber("features", lr.Vectorizer.FeatureCount);
                w.WriteString("stop_reason", lr.Model.Diagnostics?.Status.ToString());
                break;
            case LstmClassifier lstm:
                w.WriteNumber("vocabulary", lstm.Model.VocabularySize);
                w.WriteNumber("epochs_run", lstm.Model.EpochsRun);
                w.WriteNumber("best_epoch", lstm.Model.BestEpoch);
                w.WriteStartArray("history");
                foreach (LstmEpochRecord e in lstm.Model.History)
                {
                    w.WriteStartObject();
                    w.WriteNumber("epoch", e.Epoch);
                    w.WriteNumber("train_loss", e.TrainingLoss);
                    if (e.ValidationLoss is double v) w.WriteNumber("val_loss", v); else w.WriteNull("val_loss");
                    w.WriteNumber("seconds", e.Seconds);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                break;
        }
    }
}

/// <summary>The model options of <c>train</c> (and <c>compare</c>): which model, and the settings of each kind.</summary>
internal sealed class ModelSettings
{
    // Defaults come from the library's option records, never retyped here.
    private static readonly LstmOptions LstmDefaults = new();
    private static readonly SequenceEncoderOptions EncoderDefaults = new();

    internal Option<string> Kind { get; } = new("--kind") { Description = "lr (TF-IDF + logistic regression) or lstm (embedding + LSTM).", DefaultValueFactory = _ => "lr" };

    // The kind's old spelling: --model will name a model file, as in evaluate, predict and info. Still accepted, with a note.
    private readonly Option<string?> _legacyKind = new("--model") { Description = "Deprecated spelling of --kind (lr or lstm)." };
    private readonly Option<string> _preset = new("--preset") { Description = "lr: study (the paper's pipeline exactly) or default (word + char_wb n-grams, sublinear tf, no feature cap, balanced class weights, C = 100). The options below override it.", DefaultValueFactory = _ => "default" };
    private readonly Option<double?> _c = new("--C") { Description = "lr: inverse L2 strength C (study 10, default 100)." };
    private readonly Option<string?> _maxFeatures = new("--max-features") { Description = "lr: most frequent n-grams kept per block, or 'none' (study 5000, default none)." };
    private readonly Option<string?> _ngram = new("--ngram") { Description = "lr: word n-gram range MIN,MAX (both presets 1,2)." };
    private readonly Option<string?> _charNgram = new("--char-ngram") { Description = "lr: character n-grams within words (char_wb) MIN,MAX, e.g. 2,5, or 'none' (study none, default 2,5)." };
    private readonly Option<string?> _classWeight = new("--class-weight") { Description = "lr: none or balanced (study none, default balanced)." };
    private readonly Option<bool?> _sublinear = new("--sublinear-tf") { Description = "lr: tf = 1 + ln(count) in every block: true or false (study false, default true)." };
    private readonly Option<string?> _blockWeights = new("--block-weights") { Description = "lr: weight of each feature block in order (word, then char_wb), e.g. 1,0.5: scikit-learn's transformer_weights (default 1 each)." };
    private readonly Option<int?> _minDf = new("--min-df") { Description = "lr: drop n-grams found in fewer than this many training rows, in every block (both presets 1: keep all)." };
    private readonly Option<bool?> _normalize = new("--normalize") { Description = "lr: split compound commands into statements and decode payloads before extracting features: true or false (study false, default true)." };
    private readonly Option<int?> _maxIterations = new("--max-iter") { Description = $"lr: L-BFGS iteration limit ({new LogisticRegressionOptions().MaxIterations})." };
    private readonly Option<int> _epochs = new("--epochs") { Description = "lstm: maximum epochs.", DefaultValueFactory = _ => LstmDefaults.MaxEpochs };
    private readonly Option<int> _patience = new("--patience") { Description = "lstm: epochs without validation-loss improvement before stopping.", DefaultValueFactory = _ => LstmDefaults.Patience };
    private readonly Option<int> _batch = new("--batch-size") { Description = "lstm: rows per Adam step.", DefaultValueFactory = _ => LstmDefaults.BatchSize };
    private readonly Option<int> _words = new("--num-words") { Description = "lstm: vocabulary size (Keras num_words).", DefaultValueFactory = _ => EncoderDefaults.NumWords ?? int.MaxValue };
    private readonly Option<int> _length = new("--max-length") { Description = "lstm: tokens per command after padding/truncation.", DefaultValueFactory = _ => EncoderDefaults.MaxLength };
    private readonly Option<bool> _cyber = new("--cyber-tokens") { Description = "lstm: split commands with the cyber tokenizer (keeps paths, IPs, flags) instead of Keras's filters." };
    private readonly Option<bool> _mask = new("--mask") { Description = "lstm: read the state at each command's last real token instead of feeding padding through the LSTM." };
    private readonly Option<bool> _noProgress = new("--no-progress") { Description = "No training progress on standard error (LR: L-BFGS iterations; LSTM: epochs and batches; tune: folds)." };

    internal ModelSettings()
    {
        Kind.AcceptOnlyFromAmong("lr", "lstm");
        _legacyKind.AcceptOnlyFromAmong("lr", "lstm");
        _preset.AcceptOnlyFromAmong("study", "default");
        _classWeight.AcceptOnlyFromAmong("none", "balanced");
    }

    private Option[] LogisticRegressionOptionList => [_preset, _c, _maxFeatures, _minDf, _blockWeights, _ngram, _charNgram, _classWeight, _sublinear, _normalize, _maxIterations];

    /// <summary>For <c>tune</c>: the LR options except those it searches over (--C, --max-features), which it declares as lists.</summary>
    internal void AddGridBaseTo(Command command)
    {
        foreach (Option o in LogisticRegressionOptionList.Where(o => o != _c && o != _maxFeatures).Append(_noProgress)) command.Options.Add(o);
    }

    /// <summary>Adds the options; without <paramref name="withModelChoice"/> (compare, which names its models and variants itself) --model, --cyber-tokens and --mask are left out.</summary>
    internal void AddTo(Command command, bool withModelChoice = true)
    {
        foreach (Option o in new Option[] { Kind, _legacyKind }.Concat(LogisticRegressionOptionList).Concat([_epochs, _patience, _batch, _words, _length, _cyber, _mask, _noProgress]))
            if (withModelChoice || (o != Kind && o != _legacyKind && o != _cyber && o != _mask && o != _preset)) command.Options.Add(o);
    }

    /// <summary>The model kind: --kind, or the deprecated --model lr|lstm with a note on standard error; both given must agree.</summary>
    internal string ModelKind(ParseResult parsed)
    {
        if (parsed.GetValue(_legacyKind) is not { } legacy) return parsed.GetValue(Kind)!;
        if (parsed.GetResult(Kind) is { Implicit: false } && parsed.GetValue(Kind) != legacy)
            throw new CliException($"--kind {parsed.GetValue(Kind)} and --model {legacy} disagree; give --kind only.");
        parsed.InvocationConfiguration.Error.WriteLine($"note: --model {legacy} is deprecated and will name a model file; use --kind {legacy}.");
        return legacy;
    }

    /// <summary>Every model option's value (given or default), by option name without dashes: the model file's record of how it was trained.</summary>
    internal IReadOnlyDictionary<string, string> OptionValues(ParseResult parsed, string kind)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        values["kind"] = kind;
        foreach (Option o in new Option[] { _preset, _epochs, _patience, _batch, _words, _length, _cyber, _mask })
        {
            object? value = o switch
            {
                Option<string> t => parsed.GetValue(t),
                Option<int> t => parsed.GetValue(t),
                Option<double> t => parsed.GetValue(t),
                Option<bool> t => parsed.GetValue(t),
                _ => null,
            };
            if (value is not null) values[o.Name.TrimStart('-')] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
        }
        if (values["kind"] == "lr")
            foreach (var (key, value) in Describe(LogisticRegressionOptions(parsed))) values[key] = value;
        return values;
    }

    /// <summary>Where training progress goes: standard error, or nowhere with --no-progress.</summary>
    internal TextWriter? Progress(ParseResult parsed) => parsed.GetValue(_noProgress) ? null : Console.Error;

    /// <summary>The LR settings: the preset named by --preset (or <paramref name="preset"/>), with every LR option the user gave applied on top.</summary>
    internal TfidfLogisticRegressionOptions LogisticRegressionOptions(ParseResult parsed, string? preset = null)
    {
        TfidfLogisticRegressionOptions o = (preset ?? parsed.GetValue(_preset)) == "study" ? TfidfLogisticRegressionOptions.Study : TfidfLogisticRegressionOptions.Default;
        List<TfidfOptions> blocks = [.. o.Features];
        if (parsed.GetValue(_ngram) is { } ngram)
            blocks = blocks.Select(b => b.Analyzer == TextAnalyzer.Word ? b with { NGramRange = TrainCommand.Range(ngram, "--ngram") } : b).ToList();
        if (parsed.GetValue(_charNgram) is { } charNgram)
        {
            bool sublinear = blocks[0].SublinearTf;
            blocks.RemoveAll(b => b.Analyzer == TextAnalyzer.CharWordBoundary);
            if (charNgram != "none")
                blocks.Add(new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = TrainCommand.Range(charNgram, "--char-ngram"), SublinearTf = sublinear, MaxFeatures = blocks[0].MaxFeatures });
        }
        if (Value(parsed, _maxFeatures) is { } cap)
        {
            int? maxFeatures = TrainCommand.MaxFeatures(cap, "--max-features");
            blocks = blocks.Select(b => b with { MaxFeatures = maxFeatures }).ToList();
        }
        if (parsed.GetValue(_minDf) is int minDf)
            blocks = blocks.Select(b => b with { MinDocumentFrequency = DocumentFrequency.Documents(AtLeast(minDf, 1, "--min-df")) }).ToList();
        if (parsed.GetValue(_blockWeights) is { } weightText)
        {
            string[] parts = weightText.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != blocks.Count)
                throw new CliException($"--block-weights: {parts.Length} weights for {blocks.Count} feature blocks ({string.Join(", ", blocks.Select(b => b.Analyzer))}).");
            blocks = blocks.Select((b, i) => double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double w) && double.IsFinite(w) && w >= 0
                ? b with { BlockWeight = w }
                : throw new CliException($"--block-weights: '{parts[i]}' is not a finite number ≥ 0.")).ToList();
        }
        if (parsed.GetValue(_sublinear) is bool sub) blocks = blocks.Select(b => b with { SublinearTf = sub }).ToList();
        LogisticRegressionOptions classifier = o.Classifier;
        if (Value(parsed, _c) is double c) classifier = classifier with { InverseRegularization = TrainCommand.InverseRegularization(c, "--C") };
        if (parsed.GetValue(_maxIterations) is int iterations) classifier = classifier with { MaxIterations = AtLeast(iterations, 1, "--max-iter") };
        ClassWeights weights = parsed.GetValue(_classWeight) switch
        {
            "none" => ClassWeights.None,
            "balanced" => ClassWeights.Balanced,
            _ => o.ClassWeights,
        };
        CommandNormalizerOptions? normalization = parsed.GetValue(_normalize) switch
        {
            true => o.Normalization ?? new CommandNormalizerOptions(),
            false => null,
            null => o.Normalization,
        };
        return o with { Features = blocks, Classifier = classifier, ClassWeights = weights, Normalization = normalization };
    }

    /// <summary>The option's value, or its type's default when the command does not declare it (tune leaves some out).</summary>
    private static T? Value<T>(ParseResult parsed, Option<T> option) => parsed.GetResult(option) is null ? default : parsed.GetValue(option);

    /// <summary>The effective LR settings as name → value text, for the model file's metadata.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> Describe(TfidfLogisticRegressionOptions o)
    {
        var ci = CultureInfo.InvariantCulture;
        for (int i = 0; i < o.Features.Count; i++)
        {
            TfidfOptions b = o.Features[i];
            yield return new($"block{i}", string.Create(ci,
                $"{b.Analyzer} {b.NGramRange.Min}-{b.NGramRange.Max} max_features={b.MaxFeatures?.ToString(ci) ?? "none"} min_df={b.MinDocumentFrequency} sublinear_tf={b.SublinearTf} weight={b.BlockWeight:G}"));
        }
        yield return new("C", o.Classifier.InverseRegularization.ToString("G", ci));
        yield return new("max_iter", o.Classifier.MaxIterations.ToString(ci));
        yield return new("class_weight", o.ClassWeights.Mode.ToString());
        yield return new("normalize", (o.Normalization is not null).ToString());
    }

    internal LstmClassifierOptions LstmOptions(ParseResult parsed, int seed, bool? cyberTokens = null, bool? mask = null) => new()
    {
        Encoder = new SequenceEncoderOptions
        {
            NumWords = AtLeast(parsed.GetValue(_words), 2, "--num-words"),
            MaxLength = AtLeast(parsed.GetValue(_length), 1, "--max-length"),
            Split = cyberTokens ?? parsed.GetValue(_cyber) ? SequenceSplit.CyberTokenizer : SequenceSplit.KerasFilters,
        },
        Network = new LstmOptions
        {
            MaxEpochs = AtLeast(parsed.GetValue(_epochs), 1, "--epochs"),
            Patience = AtLeast(parsed.GetValue(_patience), 1, "--patience"),
            BatchSize = AtLeast(parsed.GetValue(_batch), 1, "--batch-size"),
            MaskPadding = mask ?? parsed.GetValue(_mask),
            Seed = seed,
        },
    };

    /// <summary>Trains the named model kind (lr, lstm) on <paramref name="train"/>, with <paramref name="validation"/> for the LSTM's early stopping.</summary>
    internal TrainedModel Train(ParseResult parsed, string kind, CommandDataset train, CommandDataset? validation, int seed) => kind switch
    {
        "lr" => TrainLogisticRegression("lr", train, validation, LogisticRegressionOptions(parsed), Progress(parsed)),
        "lstm" => TrainLstm("lstm", train, validation, LstmOptions(parsed, seed), Progress(parsed)),
        _ => throw new CliException($"--model: unknown model '{kind}'."),
    };

    /// <summary>
    /// Every trained model is calibrated on the validation rows when there are any (temperature and abstention threshold,
    /// <see cref="ClassifierExtensions.Calibrate"/>); calibration never changes a ranking, so the study's metrics are unchanged.
    /// </summary>
    private static IAttackClassifier Calibrated(IAttackClassifier classifier, CommandDataset? validation)
        => validation is null || validation.Count == 0 ? classifier : classifier.Calibrate(validation);

    internal static TrainedModel TrainLogisticRegression(string name, CommandDataset train, CommandDataset? validation, TfidfLogisticRegressionOptions options,
                                                         TextWriter? progress)
    {
        var clock = Stopwatch.StartNew();
        var iterations = progress is null ? null : new IterationProgress(name, progress);
        var classifier = TfidfLogisticRegressionClassifier.Train(train, options, iterations);
        iterations?.Finish();
        double seconds = clock.Elapsed.TotalSeconds;
        LogisticRegressionDiagnostics d = classifier.Model.Diagnostics!;
        // Reported as Σ sₙ·CEₙ + ‖w‖²/(2C) — scikit-learn's objective divided by nothing, the trainer's divided by C — so it
        // compares directly with the reference pipeline's figure.
        double objective = d.Objective;
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{name}: {train.Count} training rows, {classifier.Labels.Count} classes, {classifier.Vectorizer.FeatureCount} features; {d.Iterations} L-BFGS iterations ({d.Status}), objective {objective:G10}, {seconds:F2} s");
        return new TrainedModel(name, Calibrated(classifier, validation), seconds, d.Iterations, objective, summary);
    }

    internal static TrainedModel TrainLstm(string name, CommandDataset train, CommandDataset? validation, LstmClassifierOptions options, TextWriter? progress)
    {
        var clock = Stopwatch.StartNew();
        var classifier = LstmClassifier.Train(train, validation, options, progress is null ? null : new EpochProgress(name, progress));
        double seconds = clock.Elapsed.TotalSeconds;
        LstmModel m = classifier.Model;
        int batchesPerEpoch = (train.Count + options.Network.BatchSize - 1) / options.Network.BatchSize;
        double objective = m.History.Count == 0 ? double.NaN : m.History.First(e => e.Epoch == m.BestEpoch).TrainingLoss;
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{name}: {train.Count} training rows, {classifier.Labels.Count} classes, vocabulary {m.VocabularySize}; {m.EpochsRun} epochs (best {m.BestEpoch}), {seconds:F2} s");
        return new TrainedModel(name, Calibrated(classifier, validation), seconds, (long)m.EpochsRun * batchesPerEpoch, objective, summary);
    }

    private static int AtLeast(int value, int min, string option) => value >= min ? value : throw new CliException($"{option} must be ≥ {min}.");

    /// <summary>
    /// L-BFGS progress on standard error: a line rewritten in place every 10 iterations on a terminal, one plain line every
    /// 100 iterations when standard error is redirected. The objective is scikit-learn's sum form, as the summary reports it.
    /// </summary>
    private sealed class IterationProgress(string name, TextWriter error) : IProgress<LogisticRegressionProgress>
    {
        private readonly bool _terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

        public void Report(LogisticRegressionProgress value)
        {
            if (value.Iteration % (_terminal ? 10 : 100) != 0) return;
            error.Write(string.Create(CultureInfo.InvariantCulture,
                $"{(_terminal ? "\r" : "")}{name}: L-BFGS iteration {value.Iteration}/{value.MaxIterations}, max |gradient| {value.GradientMaxNorm:G3}{(_terminal ? "" : "\n")}"));
            _written = true;
        }

        private bool _written;

        /// <summary>On a terminal, clears the rewritten line so the summary that follows starts clean.</summary>
        internal void Finish()
        {
            if (_terminal && _written) error.Write("\r" + new string(' ', 79) + "\r");
        }
    }

    /// <summary>
    /// Epoch and batch progress on standard error: a line rewritten in place on a terminal, one plain line per epoch
    /// when standard error is redirected (logs stay readable).
    /// </summary>
    private sealed class EpochProgress(string name, TextWriter error) : IProgress<LstmProgress>
    {
        private readonly bool _terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

        public void Report(LstmProgress value)
        {
            var ci = CultureInfo.InvariantCulture;
            if (value.CompletedEpoch is { } e)
            {
                string val = e.ValidationLoss is double v ? v.ToString("F4", ci) : "n/a";
                error.Write(string.Create(ci, $"{(_terminal ? "\r" : "")}{name} epoch {e.Epoch}: train loss {e.TrainingLoss:F4}, val loss {val}, {e.Seconds:F1} s          \n"));
            }
            else if (_terminal && (value.Batch % 20 == 0 || value.Batch == value.BatchCount))
                error.Write(string.Create(ci, $"\r{name} epoch {value.Epoch}: batch {value.Batch}/{value.BatchCount}"));
        }
    }
}

/// <summary>An <see cref="IProgress{T}"/> that runs its handler on the reporting thread, in order (unlike
/// <see cref="Progress{T}"/>, which posts to the thread pool and may print after the command has finished).</summary>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
