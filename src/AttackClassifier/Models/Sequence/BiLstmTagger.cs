using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace AttackClassifier.Models.Sequence;

/// <summary>
/// A trained bidirectional LSTM tagger over a session's statements (immutable, thread-safe): per statement, the
/// probabilities of C classes (tactics), using the statements before it (forward LSTM) and after it (backward LSTM).
/// </summary>
/// <remarks>
/// <para>Usage (the session pipeline): turn each statement into a vector of F values (e.g. the command model's class
/// probabilities and extra features; the same F and the same order for training and prediction), then</para>
/// <code>
///   var train = TaggedSequences.FromSessions(sessionVectors, sessionLabels, tacticNames);   // label −1 = unlabelled
///   var valid = TaggedSequences.FromSessions(heldOutVectors, heldOutLabels, tacticNames);
///   BiLstmTagger tagger = BiLstmTagger.Fit(train, valid, new BiLstmTaggerOptions { HiddenSize = 32, Seed = 7 });
///   float[][] p = tagger.Predict(session);        // session: (T, F) → p: (T, C), rows sum to 1, classes = tagger.ClassLabels
///   tagger.Write(payloadWriter);  BiLstmTagger.Read(payloadReader, tacticNames);   // its block inside a model file's payload
/// </code>
/// <para>A session is tagged whole: the backward direction needs its end. Memory and time grow linearly with its length
/// (about (10·H + 2F + 2C)·4 bytes per statement), so very long sessions are best tagged in overlapping windows.</para>
/// <para>Model: see <see cref="BiLstmTaggerEngine{T}"/> for the equations and <see cref="BiLstmTaggerLayout"/> for θ.</para>
/// </remarks>
internal sealed partial class BiLstmTagger
{
    private readonly float[] _theta;   // θ, BiLstmTaggerLayout
    // Single-session engines (θ fixed, caches grown to the longest session seen) for reuse by PredictProbabilities: one is
    // taken per call and returned after it, so concurrent calls never share one. Not model state: only scratch memory.
    private readonly ConcurrentBag<BiLstmTaggerEngine<float>> _engines = [];

    internal BiLstmTagger(BiLstmTaggerLayout layout, float[] theta, IReadOnlyList<string> classLabels, IReadOnlyList<BiLstmTaggerEpoch> history, int bestEpoch)
    {
        layout.Validate();
        if (theta.Length != layout.Count) throw new ArgumentException($"θ has {theta.Length} entries; the layout needs {layout.Count}.", nameof(theta));
        if (classLabels.Count != layout.C) throw new ArgumentException($"{classLabels.Count} class labels for {layout.C} classes.", nameof(classLabels));
        Layout = layout;
        _theta = theta;
        ClassLabels = classLabels.ToArray();
        History = history.ToArray();
        BestEpoch = bestEpoch;
    }

    /// <summary>Sizes of θ.</summary>
    internal BiLstmTaggerLayout Layout { get; }

    /// <summary>θ in <see cref="BiLstmTaggerLayout"/> order.</summary>
    internal ReadOnlySpan<float> Parameters => _theta;

    /// <summary>F, values per statement vector.</summary>
    public int FeatureCount => Layout.F;

    /// <summary>H, the state width of each direction.</summary>
    public int HiddenSize => Layout.H;

    /// <summary>C, the number of classes.</summary>
    public int ClassCount => Layout.C;

    /// <summary>The C class names, in class-index order.</summary>
    public IReadOnlyList<string> ClassLabels { get; }

    /// <summary>Per-epoch training figures, in order (empty for a loaded model: the file keeps only the weights).</summary>
    public IReadOnlyList<BiLstmTaggerEpoch> History { get; }

    /// <summary>The 1-based epoch whose weights the model holds (lowest validation loss, or the last epoch without validation).</summary>
    public int BestEpoch { get; }

    /// <summary>Class probabilities (T, C) of one session given as T statement vectors of F values each.</summary>
    public float[][] Predict(float[][] session)
    {
        ArgumentNullException.ThrowIfNull(session);
        int F = Layout.F, C = Layout.C;
        var x = new float[checked(session.Length * F)];
        for (int t = 0; t < session.Length; t++)
        {
            if (session[t] is null || session[t].Length != F) throw new ArgumentException($"Statement {t} has {session[t]?.Length ?? 0} features; the tagger takes {F}.", nameof(session));
            session[t].CopyTo(x, t * F);
        }
        var p = new float[session.Length * C];
        PredictProbabilities(x, p);
        var rows = new float[session.Length][];
        for (int t = 0; t < rows.Length; t++) rows[t] = p.AsSpan(t * C, C).ToArray();
        return rows;
    }

    /// <summary>Writes the class probabilities (T, C) of one session of T statement vectors (T, F), row-major.</summary>
    public void PredictProbabilities(ReadOnlySpan<float> features, Span<float> probabilities)
    {
        int F = Layout.F, C = Layout.C;
        if (features.IsEmpty || features.Length % F != 0) throw new ArgumentException($"{features.Length} values are not one or more statements of {F} features.", nameof(features));
        int T = features.Length / F;
        if (probabilities.Length != T * C) throw new ArgumentException($"probabilities needs T·C = {T * C} entries, not {probabilities.Length}.", nameof(probabilities));
        float[] x = features.ToArray();
        CheckFinite(x);
        if (!_engines.TryTake(out BiLstmTaggerEngine<float>? engine))
        {
            engine = new BiLstmTaggerEngine<float>(Layout, 1, 1);
            engine.FixWeights(_theta);
        }
        var logP = new float[T * C];
        engine.Forward(_theta, new SessionArrays<float>(F, x, [0, T], [], []), new[] { 0 }, logP);
        _engines.Add(engine);
        TensorPrimitives.Exp(logP, probabilities);
    }

    /// <summary>Class probabilities (S, C) of many sessions at once (parallel over sessions): statement vectors (S, F) row-major,
    /// session s being rows [starts[s], starts[s+1]) (starts[0] = 0, starts[^1] = S, no empty session).</summary>
    public float[] PredictProbabilities(float[] features, int[] starts)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(starts);
        if (starts.Length < 2 || starts[0] != 0) throw new ArgumentException("starts must begin with 0, list at least one session and end with the statement count.", nameof(starts));
        for (int s = 0; s + 1 < starts.Length; s++)
            if (starts[s + 1] <= starts[s]) throw new ArgumentException($"Session {s} is empty (starts[{s}] = {starts[s]}, starts[{s + 1}] = {starts[s + 1]}).", nameof(starts));
        if (features.Length != (long)starts[^1] * Layout.F) throw new ArgumentException($"{starts[^1]} statements of {Layout.F} features need {(long)starts[^1] * Layout.F} values, not {features.Length}.", nameof(features));
        float[] p = PredictLogProbabilities(features, starts);
        TensorPrimitives.Exp(p, p);
        return p;
    }

    private void CheckFinite(float[] features)
    {
        for (int i = 0; i < features.Length; i++)
            if (!float.IsFinite(features[i]))
                throw new ArgumentException($"Statement {i / Layout.F}, feature {i % Layout.F} is {features[i]}; features must be finite.", nameof(features));
    }

    // The training engine's forward pass (one owner for the network), 8 sessions per chunk, in groups of 8 chunks so the
    // caches stay the size of one group whatever the number of sessions.
    private float[] PredictLogProbabilities(float[] features, int[] starts)
    {
        CheckFinite(features);
        int sessions = starts.Length - 1, group = 8 * SessionsPerChunk;
        var engine = new BiLstmTaggerEngine<float>(Layout, SessionsPerChunk, Math.Min(group, sessions));
        engine.FixWeights(_theta);
        var logP = new float[starts[^1] * Layout.C];
        var data = new SessionArrays<float>(Layout.F, features, starts, [], []);
        int[] all = Enumerable.Range(0, sessions).ToArray();
        for (int first = 0; first < sessions; first += group)
            engine.Forward(_theta, data, all.AsMemory(first, Math.Min(group, sessions - first)), logP);
        return logP;
    }

    /// <summary>Sessions per parallel work item, in training and batch prediction (fixed: it decides the summation order).</summary>
    internal const int SessionsPerChunk = 8;
}
