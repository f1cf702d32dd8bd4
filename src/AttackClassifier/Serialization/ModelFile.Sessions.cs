using System.Security.Cryptography;
using AttackClassifier.Calibration;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Models.Sequence;
using AttackClassifier.Sessions;
using AttackClassifier.Text;

namespace AttackClassifier.Serialization;

/// <summary>A session tagger loaded from a model file, with what the file says about it.</summary>
/// <param name="Tagger">The tagger.</param>
/// <param name="Info">The file's format, identity and metadata (its labels are the tagger's states).</param>
public sealed record LoadedSessionTagger(SessionTagger Tagger, ModelInfo Info);

public static partial class ModelFile
{
    /// <summary>Writes <paramref name="tagger"/> to <paramref name="path"/> atomically (as <see cref="Save(Classification.IAttackClassifier, string, ModelMetadata?)"/>).</summary>
    /// <exception cref="IOException">The file cannot be written; the message names it.</exception>
    public static void Save(SessionTagger tagger, string path, ModelMetadata? metadata)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(path);
        WriteAtomically(path, stream => Save(tagger, stream, metadata));
    }

    // Session tagger payload (kind 3), in order:
    //   layout              int32      4 (SessionLayout); 3 is read too (it lacks the command-neighbours flag: false). Files of the
    //                                  first layout began with the decoder (1 or 2) here and had neither the command-feature block
    //                                  nor the benign offset: they are refused (retrain).
    //   decoder             int32      1 = tactic-transition smoothing, 2 = BiLSTM (SessionDecoder)
    //   states              string[]   S state names: benign, then tactic shortnames in kill-chain order
    //   statement parts     int32      P ≥ 1 TF-IDF blocks of the statement's own text; per part TfidfOptions, terms string[], idf double[]
    //   has context         bool       then, when true: TfidfOptions, terms, idf of the neighbours' block, context weight double
    //   command features    double     w_f ≥ 0, the weight of the command classifier's (S) state probabilities in the row (0: no block)
    //   command neighbours  bool       (layout ≥ 4) the block also holds the neighbours' views: 3 S columns
    //   D, S                int32, int32
    //   theta               float[]    [ w (D,S) | b (S) ] of the per-statement logistic regression (float32: the trainer rounds
    //                                  to float, so a tagger predicts the same before and after a save)
    //   log start           double[]   (S)
    //   log transition      double[]   (S·S) from × to
    //   log prior           double[]   (S)
    //   emission weight, prior exponent, command weight, benign offset   double × 4 (command weight or w_f > 0: tagging needs a
    //                                  command classifier)
    //   (decoder 2 only)    the BiLSTM's block (BiLstmTagger.Write: F, H, C int32 × 3, best epoch int32, theta float[])
    //   calibration         as every payload (unused by taggers: temperature 1, no threshold)
    /// <summary>Writes <paramref name="tagger"/> to <paramref name="stream"/>.</summary>
    public static void Save(SessionTagger tagger, Stream stream, ModelMetadata? metadata)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(stream);
        var w = new PayloadWriter();
        w.Write(SessionLayout);
        w.Write((int)tagger.Decoder);
        w.Write(tagger.States);
        IReadOnlyList<TfidfVectorizer> parts = tagger.Features.Current.Parts;
        w.Write(parts.Count);
        foreach (TfidfVectorizer part in parts) WriteVectorizer(w, part);
        w.Write(tagger.Features.Context is not null);
        if (tagger.Features.Context is { } context)
        {
            WriteVectorizer(w, context);
            w.Write(tagger.Features.ContextWeight);
        }
        w.Write(tagger.Features.CommandFeatureWeight);
        w.Write(tagger.Features.CommandNeighbours);
        w.Write(tagger.Emission.FeatureCount);
        w.Write(tagger.Emission.ClassCount);
        ReadOnlySpan<double> theta = tagger.Emission.Parameters;
        var single32 = new float[theta.Length];
        for (int i = 0; i < theta.Length; i++) single32[i] = (float)theta[i];
        w.Write(single32);
        w.Write(tagger.Transitions.LogStart);
        w.Write(tagger.Transitions.LogTransition);
        w.Write(tagger.LogPrior);
        w.Write(tagger.EmissionWeight);
        w.Write(tagger.PriorExponent);
        w.Write(tagger.CommandWeight);
        w.Write(tagger.BenignOffset);
        tagger.Sequence?.Write(w);   // decoder 2: the BiLSTM's own block
        WriteCalibration(w, ModelCalibration.None);
        ModelFileFormat.Write(stream, ModelKind.SessionTagger, w.Payload, (metadata ?? new ModelMetadata()).ToJson());
    }

    /// <summary>The session payload's layout number (its first int32); see the layout above <see cref="Save(SessionTagger, Stream, ModelMetadata?)"/>.</summary>
    private const int SessionLayout = 4;

    private static void WriteVectorizer(PayloadWriter w, TfidfVectorizer v)
    {
        WriteTfidfOptions(w, v.Options);
        w.Write(v.Terms);
        w.Write(v.Idf);
    }

    private static TfidfVectorizer ReadVectorizer(PayloadReader r)
    {
        TfidfOptions options = ReadTfidfOptions(r);
        return TfidfVectorizer.FromState(options, r.ReadStrings("terms"), r.ReadDoubles("idf"));
    }

    /// <summary>Loads a session tagger and what its file says about it.</summary>
    /// <exception cref="ModelFormatException">Not a model file, truncated, corrupted, another kind of model, or an invalid payload.</exception>
    public static LoadedSessionTagger OpenSessionTagger(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
        return OpenSessionTagger(stream, path);
    }

    /// <summary>As <see cref="OpenSessionTagger(string)"/>, from a stream; <paramref name="source"/> names it in error messages.</summary>
    public static LoadedSessionTagger OpenSessionTagger(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        byte[] payload = ModelFileFormat.Read(stream, source, expected: null, out ModelKind kind, out ushort version, out byte[]? metadata);
        if (kind != ModelKind.SessionTagger)
            throw new ModelFormatException($"{source}: holds a {kind} command classifier, not a session tagger (train one with attack-classifier train-sessions).");
        var r = new PayloadReader(payload, source, version);
        try
        {
            int layout = r.ReadInt32("session layout");
            if (layout is not (3 or SessionLayout))
                throw new ModelFormatException(layout is 1 or 2
                    ? $"{source}: a session tagger of an earlier layout (without the command-feature block and the benign offset): retrain it with attack-classifier train-sessions."
                    : $"{source}: session tagger layout {layout}, this library reads {SessionLayout}: retrain with attack-classifier train-sessions.");
            int decoder = r.ReadInt32("decoder");
            r.Check(Enum.IsDefined((SessionDecoder)decoder), $"unknown session decoder {decoder}");
            string[] states = r.ReadStrings("states");
            int partCount = r.ReadInt32("statement feature parts");
            r.Check(partCount is >= 1 and <= 64, $"{partCount} statement feature parts");
            var parts = new TfidfVectorizer[partCount];
            for (int p = 0; p < partCount; p++) parts[p] = ReadVectorizer(r);
            TfidfVectorizer? context = null;
            double contextWeight = 0;
            if (r.ReadBoolean("has context"))
            {
                context = ReadVectorizer(r);
                contextWeight = r.ReadDouble("context weight");
            }
            double commandFeatureWeight = r.ReadDouble("command-feature weight");
            bool commandNeighbours = layout >= 4 && r.ReadBoolean("command neighbours");
            var features = new StatementFeatures(TfidfFeatureUnion.FromParts(parts), context, contextWeight, commandFeatureWeight, states.Length, commandNeighbours);
            int d = r.ReadInt32("feature count"), s = r.ReadInt32("state count");
            r.Check(s == states.Length, $"{s} states but {states.Length} state names");
            float[] theta32 = r.ReadFloats("coefficients");
            var theta = new double[theta32.Length];
            for (int i = 0; i < theta.Length; i++) theta[i] = theta32[i];
            var emission = new LogisticRegressionModel(d, s, theta);
            var transitions = new TransitionModel(r.ReadDoubles("log start"), r.ReadDoubles("log transition"));
            double[] prior = r.ReadDoubles("log prior");
            double emissionWeight = r.ReadDouble("emission weight"), priorExponent = r.ReadDouble("prior exponent"), commandWeight = r.ReadDouble("command weight");
            double benignOffset = r.ReadDouble("benign offset");
            BiLstmTagger? sequence = (SessionDecoder)decoder == SessionDecoder.BiLstm ? BiLstmTagger.Read(r, states) : null;
            ReadCalibration(r);
            r.EnsureEnd();
            var tagger = new SessionTagger(states, features, emission, transitions, emissionWeight, priorExponent, prior, commandWeight, sequence, benignOffset);
            var info = new ModelInfo(source, version, kind, Convert.ToHexStringLower(SHA256.HashData(payload)), states, ModelCalibration.None,
                                     metadata is null ? null : ModelMetadata.FromJson(metadata, source));
            return new LoadedSessionTagger(tagger, info);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw new ModelFormatException($"{source}: invalid model payload: {e.Message}", e);
        }
    }
}
