using System.Security.Cryptography;
using AttackClassifier.Calibration;
using AttackClassifier.Classification;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Models.Lstm;
using AttackClassifier.Normalization;
using AttackClassifier.Text;

namespace AttackClassifier.Serialization;

/// <summary>
/// Saves and loads trained classifiers. The container (magic, version, kind, SHA-256) is described on
/// <see cref="ModelFileFormat"/>; each kind's payload layout is listed above its writer below. Loading never
/// instantiates a type named by the file: the kind byte selects one of the readers written here.
/// </summary>
public static partial class ModelFile
{
    // Upper bounds on sizes read from a file, far above any trained model, so a crafted file cannot make prediction
    // quadratic (n-gram length) or allocate gigabytes (sequence length, layer widths).
    private const int MaxNGramLength = 64;
    private const int MaxSequenceLength = 1 << 16;
    private const int MaxLayerWidth = 1 << 14;

    /// <summary>
    /// Writes <paramref name="classifier"/> to <paramref name="path"/>, replacing the file atomically: the model is written to
    /// a temporary file in the same folder, flushed to disk, then renamed over the target, so a failed write (disk full,
    /// permissions) leaves any previous model intact.
    /// </summary>
    /// <exception cref="NotSupportedException">The classifier is not a kind this library can save.</exception>
    /// <exception cref="IOException">The file cannot be written; the message names it.</exception>
    public static void Save(IAttackClassifier classifier, string path, ModelMetadata? metadata)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(path);
        WriteAtomically(path, stream => Save(classifier, stream, metadata));
    }

    // Writes through a temporary file in the target's folder, flushed to disk, then renamed over the target.
    private static void WriteAtomically(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path}: cannot write the model file: {e.Message}", e);
        }
        finally
        {
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }   // gone after a successful move
        }
    }

    /// <summary>Writes <paramref name="classifier"/> to <paramref name="stream"/> (format version 3, with <paramref name="metadata"/> when given).
    /// The bytes depend only on the classifier and the metadata: the same data and seed give the same file.</summary>
    public static void Save(IAttackClassifier classifier, Stream stream, ModelMetadata? metadata)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(stream);
        var payload = new PayloadWriter();
        ModelKind kind = classifier switch
        {
            TfidfLogisticRegressionClassifier lr => WriteLogisticRegression(payload, lr),
            LstmClassifier lstm => WriteLstm(payload, lstm),
            _ => throw new NotSupportedException($"{classifier.GetType().Name} cannot be saved to a model file."),
        };
        WriteCalibration(payload, classifier.Calibration);
        ModelFileFormat.Write(stream, kind, payload.Payload, (metadata ?? new ModelMetadata()).ToJson());
    }

    /// <summary>Writes <paramref name="classifier"/> to <paramref name="path"/> atomically, without metadata.</summary>
    public static void Save(IAttackClassifier classifier, string path) => Save(classifier, path, null);

    /// <summary>Writes <paramref name="classifier"/> to <paramref name="stream"/>, without metadata.</summary>
    public static void Save(IAttackClassifier classifier, Stream stream) => Save(classifier, stream, (ModelMetadata?)null);

    /// <summary>Loads any classifier from <paramref name="path"/>.</summary>
    /// <exception cref="ModelFormatException">Not a model file, truncated, corrupted, a newer format version, or an invalid payload.</exception>
    public static IAttackClassifier Load(string path) => Open(path).Classifier;

    /// <summary>Loads a classifier of type <typeparamref name="T"/>; a file of another kind fails with a message naming both.</summary>
    public static T Load<T>(string path) where T : IAttackClassifier
    {
        IAttackClassifier classifier = Load(path);
        return classifier is T typed ? typed
            : throw new ModelFormatException($"{path}: holds a {classifier.GetType().Name}, not a {typeof(T).Name}.");
    }

    /// <summary>Loads any classifier from <paramref name="stream"/>; <paramref name="source"/> names it in error messages.</summary>
    public static IAttackClassifier Load(Stream stream, string source) => Open(stream, source).Classifier;

    /// <summary>Loads a classifier and what its file says about it (format, SHA-256 identity, metadata).</summary>
    /// <exception cref="ModelFormatException">As <see cref="Load(string)"/>.</exception>
    public static LoadedModel Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
        return Open(stream, path);
    }

    /// <summary>As <see cref="Open(string)"/>, from a stream; <paramref name="source"/> names it in error messages.</summary>
    public static LoadedModel Open(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        byte[] payload = ModelFileFormat.Read(stream, source, expected: null, out ModelKind kind, out ushort version, out byte[]? metadata);
        var reader = new PayloadReader(payload, source, version);
        try
        {
            IAttackClassifier classifier = kind switch
            {
                ModelKind.LogisticRegression => ReadLogisticRegression(reader),
                ModelKind.Lstm => ReadLstm(reader),
                ModelKind.SessionTagger => throw new ModelFormatException($"{source}: holds a session tagger, not a command classifier: open it with ModelFile.OpenSessionTagger (the CLI: attack-classifier sessions --model)."),
                _ => throw new ModelFormatException($"{source}: {kind} models cannot be loaded by this build."),
            };
            if (version >= 2) classifier = classifier.WithCalibration(ReadCalibration(reader));
            reader.EnsureEnd();
            var info = new ModelInfo(source, version, kind, Convert.ToHexStringLower(SHA256.HashData(payload)), classifier.Labels,
                                     classifier.Calibration, metadata is null ? null : ModelMetadata.FromJson(metadata, source));
            return new LoadedModel(classifier, info);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            // The payload passed the checksum but describes an impossible model (e.g. written by a buggy tool).
            throw new ModelFormatException($"{source}: invalid model payload: {e.Message}", e);
        }
    }

    // Calibration (format version ≥ 2), at the end of every payload: temperature double, abstention threshold double, rule string.
    private static void WriteCalibration(PayloadWriter w, ModelCalibration calibration)
    {
        w.Write(calibration.Temperature);
        w.Write(calibration.AbstentionThreshold);
        w.Write(calibration.ThresholdRule);
    }

    private static ModelCalibration ReadCalibration(PayloadReader r)
        => new ModelCalibration(r.ReadDouble("temperature"), r.ReadDouble("abstention threshold"), r.ReadString("threshold rule")).Validated();

    // Logistic regression payload, in order:
    //   labels              string[]   K class labels in class-index order
    //   parts               int32      P ≥ 1 TF-IDF blocks, concatenated column-wise
    //   per part            TfidfOptions (see WriteTfidfOptions), terms string[] (D_p, column order), idf double[] (D_p)
    //   D, K                int32, int32
    //   theta               double[]   [ w (D,K) | b (K) ], or w alone when the model has no intercept
    //   (version ≥ 2) normalised bool, then when true: max decoded chars int32, max depth int32
    private static ModelKind WriteLogisticRegression(PayloadWriter w, TfidfLogisticRegressionClassifier classifier)
    {
        w.Write(classifier.Labels);
        IReadOnlyList<TfidfVectorizer> parts = classifier.Vectorizer.Parts;
        w.Write(parts.Count);
        foreach (TfidfVectorizer part in parts)
        {
            WriteTfidfOptions(w, part.Options);
            w.Write(part.Terms);
            w.Write(part.Idf);
        }
        w.Write(classifier.Model.FeatureCount);
        w.Write(classifier.Model.ClassCount);
        w.Write(classifier.Model.Parameters);
        w.Write(classifier.Normalization is not null);
        if (classifier.Normalization is { } n)
        {
            w.Write(n.MaxDecodedChars);
            w.Write(n.MaxDepth);
        }
        return ModelKind.LogisticRegression;
    }

    private static TfidfLogisticRegressionClassifier ReadLogisticRegression(PayloadReader r)
    {
        string[] labels = r.ReadStrings("labels");
        int partCount = r.ReadInt32("vectorizer part count");
        r.Check(partCount is >= 1 and <= 64, $"{partCount} vectorizer parts");
        var parts = new TfidfVectorizer[partCount];
        for (int p = 0; p < partCount; p++)
        {
            TfidfOptions options = ReadTfidfOptions(r);
            parts[p] = TfidfVectorizer.FromState(options, r.ReadStrings("terms"), r.ReadDoubles("idf"));
        }
        int d = r.ReadInt32("feature count");
        int k = r.ReadInt32("class count");
        double[] theta = r.ReadDoubles("coefficients");
        r.Check(k == labels.Length, $"{k} classes but {labels.Length} labels");
        CommandNormalizerOptions? normalization = null;
        if (r.Version >= 2 && r.ReadBoolean("normalised"))
        {
            normalization = new CommandNormalizerOptions { MaxDecodedChars = r.ReadInt32("max decoded chars"), MaxDepth = r.ReadInt32("max depth") };
            r.Check(normalization.MaxDecodedChars >= 0 && normalization.MaxDepth is >= 0 and <= 16, "normalisation limits out of range");
        }
        TfidfFeatureUnion vectorizer = TfidfFeatureUnion.FromParts(parts);
        var model = new LogisticRegressionModel(d, k, theta);
        return new TfidfLogisticRegressionClassifier(vectorizer, labels, model, normalization: normalization);
    }

    // LSTM payload, in order:
    //   labels              string[]   K class labels in class-index order
    //   encoder options     num_words int32 (−1 = none), has OOV bool, OOV token string (when present), max length int32,
    //                       padding int32, truncating int32, split int32, filters string, lowercase bool
    //   ranked words        string[]   the encoder's fitted words by rank (OOV token excluded)
    //   V, E, H, K          int32 × 4  (the LstmLayout)
    //   masks padding       bool
    //   best epoch          int32
    //   history             int32 count, then per epoch: epoch int32, training loss double, has validation bool,
    //                       validation loss double (when present); versions 1–2 also: seconds double (the epoch's
    //                       wall-clock time, dropped in version 3 so that the same data and seed give the same bytes)
    //   theta               float[]    the LstmLayout's flat parameters
    private static ModelKind WriteLstm(PayloadWriter w, LstmClassifier classifier)
    {
        w.Write(classifier.Labels);
        SequenceEncoderOptions o = classifier.Encoder.Options;
        w.Write(o.NumWords ?? -1);
        w.Write(o.OovToken is not null);
        if (o.OovToken is not null) w.Write(o.OovToken);
        w.Write(o.MaxLength);
        w.Write((int)o.Padding);
        w.Write((int)o.Truncating);
        w.Write((int)o.Split);
        w.Write(o.Filters);
        w.Write(o.Lowercase);
        w.Write(classifier.Encoder.RankedWords);
        LstmModel model = classifier.Model;
        w.Write(model.VocabularySize);
        w.Write(model.EmbeddingSize);
        w.Write(model.HiddenSize);
        w.Write(model.ClassCount);
        w.Write(model.MasksPadding);
        w.Write(model.BestEpoch);
        w.Write(model.History.Count);
        foreach (LstmEpochRecord e in model.History)
        {
            w.Write(e.Epoch);
            w.Write(e.TrainingLoss);
            w.Write(e.ValidationLoss is not null);
            if (e.ValidationLoss is double v) w.Write(v);
        }
        w.Write(model.Parameters);
        return ModelKind.Lstm;
    }

    private static LstmClassifier ReadLstm(PayloadReader r)
    {
        string[] labels = r.ReadStrings("labels");
        int numWords = r.ReadInt32("num_words");
        string? oov = r.ReadBoolean("has OOV token") ? r.ReadString("OOV token") : null;
        int maxLength = r.ReadInt32("max length");
        r.Check(maxLength is >= 1 and <= MaxSequenceLength, $"sequence length {maxLength} outside [1, {MaxSequenceLength}]");
        var padding = (SequenceEnd)r.ReadInt32("padding");
        var truncating = (SequenceEnd)r.ReadInt32("truncating");
        var split = (SequenceSplit)r.ReadInt32("split");
        r.Check(Enum.IsDefined(padding) && Enum.IsDefined(truncating) && Enum.IsDefined(split), "unknown padding, truncating or split mode");
        var options = new SequenceEncoderOptions
        {
            NumWords = numWords < 0 ? null : numWords, OovToken = oov, MaxLength = maxLength, Padding = padding, Truncating = truncating,
            Split = split, Filters = r.ReadString("filters"), Lowercase = r.ReadBoolean("lowercase"),
        };
        SequenceEncoder encoder = SequenceEncoder.FromState(options, r.ReadStrings("ranked words"));
        var layout = new LstmLayout(r.ReadInt32("V"), r.ReadInt32("E"), r.ReadInt32("H"), r.ReadInt32("K"));
        bool masks = r.ReadBoolean("masks padding");
        int bestEpoch = r.ReadInt32("best epoch");
        int epochs = r.ReadInt32("history length");
        r.Check(epochs is >= 0 and <= 1_000_000, $"{epochs} history entries");
        var history = new LstmEpochRecord[epochs];
        for (int i = 0; i < epochs; i++)
        {
            int epoch = r.ReadInt32("epoch");
            double trainLoss = r.ReadDouble("training loss");
            double? valLoss = r.ReadBoolean("has validation loss") ? r.ReadDouble("validation loss") : null;
            history[i] = new LstmEpochRecord(epoch, trainLoss, valLoss, r.Version <= 2 ? r.ReadDouble("seconds") : double.NaN);
        }
        float[] theta = r.ReadFloats("parameters");
        r.Check(layout.K == labels.Length, $"{layout.K} classes but {labels.Length} labels");
        // Sizes come from the file: bound them (in long arithmetic) before anything is sized from them, e.g. the
        // model's (V, 4H) per-token input table.
        r.Check(layout.V > 0 && layout.E > 0 && layout.H > 0 && layout.E <= MaxLayerWidth && layout.H <= MaxLayerWidth
                && (long)layout.V * 4 * layout.H <= Array.MaxLength && (long)layout.V * layout.E <= Array.MaxLength,
                $"a V={layout.V} E={layout.E} H={layout.H} network is outside the sizes this library builds");
        r.Check(layout.V > 0 && layout.E > 0 && layout.H > 0 && layout.K >= 2 && theta.Length == layout.Count,
                $"{theta.Length} parameters for a V={layout.V} E={layout.E} H={layout.H} K={layout.K} network");
        return new LstmClassifier(encoder, labels, LstmModel.Create(layout, theta, masks, history, bestEpoch));
    }

    // TfidfOptions, in order: analyzer int32, n-gram min int32, max int32, min_df (isFraction bool, value double),
    // max_df (same), max_features int32 (−1 = none), smooth_idf bool, sublinear_tf bool, norm int32, lowercase bool,
    // (version ≥ 2) block weight double.
    private static void WriteTfidfOptions(PayloadWriter w, TfidfOptions o)
    {
        w.Write((int)o.Analyzer);
        w.Write(o.NGramRange.Min);
        w.Write(o.NGramRange.Max);
        WriteDocumentFrequency(w, o.MinDocumentFrequency);
        WriteDocumentFrequency(w, o.MaxDocumentFrequency);
        w.Write(o.MaxFeatures ?? -1);
        w.Write(o.SmoothIdf);
        w.Write(o.SublinearTf);
        w.Write((int)o.Norm);
        w.Write(o.Lowercase);
        w.Write(o.BlockWeight);
    }

    private static TfidfOptions ReadTfidfOptions(PayloadReader r)
    {
        var analyzer = (TextAnalyzer)r.ReadInt32("analyzer");
        r.Check(Enum.IsDefined(analyzer), $"unknown analyzer {(int)analyzer}");
        var ngrams = new NGramRange(r.ReadInt32("n-gram min"), r.ReadInt32("n-gram max"));
        r.Check(ngrams.Min >= 1 && ngrams.Max >= ngrams.Min && ngrams.Max <= MaxNGramLength, $"n-gram range {ngrams.Min}–{ngrams.Max} outside [1, {MaxNGramLength}]");
        DocumentFrequency minDf = ReadDocumentFrequency(r, "min_df"), maxDf = ReadDocumentFrequency(r, "max_df");
        int maxFeatures = r.ReadInt32("max_features");
        bool smooth = r.ReadBoolean("smooth_idf"), sublinear = r.ReadBoolean("sublinear_tf");
        var norm = (TfidfNorm)r.ReadInt32("norm");
        r.Check(Enum.IsDefined(norm), $"unknown norm {(int)norm}");
        return new TfidfOptions
        {
            Analyzer = analyzer, NGramRange = ngrams, MinDocumentFrequency = minDf, MaxDocumentFrequency = maxDf,
            MaxFeatures = maxFeatures < 0 ? null : maxFeatures, SmoothIdf = smooth, SublinearTf = sublinear, Norm = norm,
            Lowercase = r.ReadBoolean("lowercase"),
            BlockWeight = r.Version >= 2 ? r.ReadDouble("block weight") : 1.0,
        };
    }

    private static void WriteDocumentFrequency(PayloadWriter w, DocumentFrequency df)
    {
        w.Write(df.IsFraction);
        w.Write(df.Value);
    }

    private static DocumentFrequency ReadDocumentFrequency(PayloadReader r, string what)
    {
        bool isFraction = r.ReadBoolean(what);
        double value = r.ReadDouble(what);
        return isFraction ? DocumentFrequency.Fraction(value) : DocumentFrequency.Documents(checked((int)value));
    }
}
