namespace AttackClassifier.Models.Sequence;

/// <summary>
/// Sessions of statement vectors with a class per statement: the tagger's training or validation input.
/// Stored flat: statement rows of all sessions one after another, session s being rows [Starts[s], Starts[s+1]).
/// </summary>
internal sealed class TaggedSequences
{
    /// <summary>The label of a statement without one: it is fed to the network but adds nothing to the loss.</summary>
    public const int Unlabelled = -1;

    /// <summary>Wraps the arrays (not copied) after checking shapes and values.</summary>
    /// <param name="featureCount">F, values per statement.</param>
    /// <param name="features">(S, F) row-major statement vectors, S = Σ session lengths; finite.</param>
    /// <param name="starts">(N + 1) first row of each session, then S: starts[0] = 0, strictly increasing (no empty session).</param>
    /// <param name="labels">(S) class index in [0, C) per statement, or <see cref="Unlabelled"/>.</param>
    /// <param name="statementWeights">(S) finite non-negative weights, or null for all 1.</param>
    /// <param name="classLabels">(C) class names in class-index order (e.g. tactic names), C ≥ 2.</param>
    public TaggedSequences(int featureCount, float[] features, int[] starts, int[] labels, float[]? statementWeights, IReadOnlyList<string> classLabels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classLabels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        if (classLabels.Count < 2) throw new ArgumentException($"A tagger needs at least two classes, not {classLabels.Count}.", nameof(classLabels));
        if (starts.Length < 1 || starts[0] != 0) throw new ArgumentException("starts must begin with 0 and end with the statement count.", nameof(starts));
        for (int s = 0; s + 1 < starts.Length; s++)
            if (starts[s + 1] <= starts[s]) throw new ArgumentException($"Session {s} is empty or starts before session {s - 1} ends (starts[{s}] = {starts[s]}, starts[{s + 1}] = {starts[s + 1]}).", nameof(starts));
        int statements = starts[^1];
        if (labels.Length != statements) throw new ArgumentException($"{starts.Length - 1} sessions hold {statements} statements but there are {labels.Length} labels.", nameof(labels));
        if (features.Length != (long)statements * featureCount)
            throw new ArgumentException($"{statements} statements of {featureCount} features need {(long)statements * featureCount} values, not {features.Length}.", nameof(features));
        statementWeights ??= Enumerable.Repeat(1f, statements).ToArray();
        if (statementWeights.Length != statements) throw new ArgumentException($"There are {statements} statements but {statementWeights.Length} weights.", nameof(statementWeights));
        for (int s = 0; s + 1 < starts.Length; s++)
            for (int r = starts[s]; r < starts[s + 1]; r++)
            {
                string where = $"session {s}, statement {r - starts[s]}";
                if (labels[r] < Unlabelled || labels[r] >= classLabels.Count)
                    throw new ArgumentException($"{where}: label {labels[r]} is outside [0, {classLabels.Count}) and not {Unlabelled} (unlabelled).", nameof(labels));
                if (!(statementWeights[r] >= 0) || float.IsInfinity(statementWeights[r]))
                    throw new ArgumentException($"{where}: weight {statementWeights[r]}; weights must be finite and non-negative.", nameof(statementWeights));
                for (int f = 0; f < featureCount; f++)
                    if (!float.IsFinite(features[r * featureCount + f]))
                        throw new ArgumentException($"{where}: feature {f} is {features[r * featureCount + f]}; features must be finite.", nameof(features));
            }
        FeatureCount = featureCount;
        Features = features;
        Starts = starts;
        Labels = labels;
        StatementWeights = statementWeights;
        ClassLabels = classLabels.ToArray();
    }

    /// <summary>Builds the flat form from one (T, F) array of statement vectors and one (T) label array per session.</summary>
    public static TaggedSequences FromSessions(IReadOnlyList<float[][]> sessions, IReadOnlyList<int[]> labels, IReadOnlyList<string> classLabels,
                                               IReadOnlyList<float[]>? statementWeights = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != sessions.Count) throw new ArgumentException($"{sessions.Count} sessions but {labels.Count} label arrays.", nameof(labels));
        if (statementWeights is not null && statementWeights.Count != sessions.Count) throw new ArgumentException($"{sessions.Count} sessions but {statementWeights.Count} weight arrays.", nameof(statementWeights));
        if (sessions.Count == 0 || sessions[0] is not { Length: > 0 } first) throw new ArgumentException("There are no sessions, or the first is empty.", nameof(sessions));
        int F = first[0].Length;
        var starts = new int[sessions.Count + 1];
        for (int s = 0; s < sessions.Count; s++)
        {
            if (labels[s].Length != sessions[s].Length) throw new ArgumentException($"Session {s} has {sessions[s].Length} statements but {labels[s].Length} labels.", nameof(labels));
            if (statementWeights is not null && statementWeights[s].Length != sessions[s].Length) throw new ArgumentException($"Session {s} has {sessions[s].Length} statements but {statementWeights[s].Length} weights.", nameof(statementWeights));
            starts[s + 1] = checked(starts[s] + sessions[s].Length);
        }
        var features = new float[checked(starts[^1] * F)];
        for (int s = 0; s < sessions.Count; s++)
            for (int t = 0; t < sessions[s].Length; t++)
            {
                if (sessions[s][t].Length != F) throw new ArgumentException($"Session {s}, statement {t} has {sessions[s][t].Length} features; the first has {F}.", nameof(sessions));
                sessions[s][t].CopyTo(features, (starts[s] + t) * F);
            }
        return new TaggedSequences(F, features, starts, labels.SelectMany(l => l).ToArray(),
                                   statementWeights?.SelectMany(w => w).ToArray(), classLabels);
    }

    /// <summary>F, values per statement.</summary>
    public int FeatureCount { get; }

    /// <summary>(S, F) row-major statement vectors.</summary>
    public float[] Features { get; }

    /// <summary>(N + 1) first statement row of each session, then S.</summary>
    public int[] Starts { get; }

    /// <summary>(S) class index per statement, or <see cref="Unlabelled"/>.</summary>
    public int[] Labels { get; }

    /// <summary>(S) statement weights.</summary>
    public float[] StatementWeights { get; }

    /// <summary>(C) class names in class-index order.</summary>
    public IReadOnlyList<string> ClassLabels { get; }

    /// <summary>N, the number of sessions.</summary>
    public int Count => Starts.Length - 1;

    /// <summary>S, the number of statements over all sessions.</summary>
    public int StatementCount => Starts[^1];

    /// <summary>The arrays as the engine takes them.</summary>
    internal SessionArrays<float> Arrays => new(FeatureCount, Features, Starts, Labels, StatementWeights);

    /// <summary>Statements of session <paramref name="session"/>.</summary>
    public int Length(int session) => Starts[session + 1] - Starts[session];
}
