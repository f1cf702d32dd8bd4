using AttackClassifier.Attack;
using AttackClassifier.Classification;
using AttackClassifier.Kernels;
using AttackClassifier.Randomness;
using AttackClassifier.Telemetry;
using AttackClassifier.Text;

namespace AttackClassifier.Review;

/// <summary>Settings of <see cref="ReviewQueue.Select(IAttackClassifier, IEnumerable{string}, ReviewQueueOptions)"/>.</summary>
public sealed record ReviewQueueOptions
{
    /// <summary>How many queue rows (distinct near-duplicate groups) to return at most. Default 50; range ≥ 1.</summary>
    public int Budget { get; init; } = 50;

    /// <summary>The ranking rule. Default <see cref="SelectionStrategy.Margin"/>.</summary>
    public SelectionStrategy Strategy { get; init; } = SelectionStrategy.Margin;

    /// <summary>
    /// Spread the budget over the command space: the <see cref="CandidatesPerSlot"/>·Budget highest-ranked groups are
    /// clustered into Budget clusters by k-means++ over their L2-normalised TF-IDF rows, and each cluster gives its
    /// highest-ranked group. Default false (the top of the ranking, however similar).
    /// </summary>
    public bool Diversity { get; init; }

    /// <summary>With <see cref="Diversity"/>: candidates clustered per queue row. Default 5; range ≥ 1.</summary>
    public int CandidatesPerSlot { get; init; } = 5;

    /// <summary>Seed of <see cref="SelectionStrategy.Random"/>'s order and of k-means++'s centre draws. Default 42.</summary>
    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        if (Budget < 1) throw new ArgumentOutOfRangeException(nameof(Budget), Budget, "The review budget must be at least 1 row.");
        if (!Enum.IsDefined(Strategy)) throw new ArgumentOutOfRangeException(nameof(Strategy), Strategy, "Unknown selection strategy.");
        if (CandidatesPerSlot < 1) throw new ArgumentOutOfRangeException(nameof(CandidatesPerSlot), CandidatesPerSlot, "CandidatesPerSlot must be at least 1.");
    }
}

/// <summary>One row of a review queue: a group of near-duplicate commands, the model's view of it, and how uncertain it is.</summary>
/// <param name="CommandLine">The group's first command in input order (the one the analyst labels).</param>
/// <param name="Normalized">The group's near-duplicate key: the cleaned command with run-specific parts as placeholders
/// (<c>&lt;n&gt;</c>, <c>&lt;ip&gt;</c>, <c>&lt;hex&gt;</c>, <c>&lt;name&gt;</c>, <c>&lt;user&gt;</c>).</param>
/// <param name="Occurrences">How many input commands fell into the group.</param>
/// <param name="FirstIndex">0-based position of <paramref name="CommandLine"/> among the input commands.</param>
/// <param name="Prediction">The model's prediction for <paramref name="CommandLine"/> (top 3 classes, no abstention).</param>
/// <param name="Uncertainty">The strategy's score, larger = reviewed sooner (see <see cref="SelectionStrategy"/>); for
/// <see cref="SelectionStrategy.Random"/> the seeded random key in [0, 1).</param>
/// <param name="Cluster">With diversity, the k-means cluster the row was picked from; otherwise null.</param>
public sealed record ReviewItem(string CommandLine, string Normalized, long Occurrences, int FirstIndex, Prediction Prediction, double Uncertainty, int? Cluster);

/// <summary>
/// Chooses the commands most worth an analyst's label (pool-based uncertainty sampling). Steps, each one rule:
/// <list type="number">
/// <item>Group the commands by <see cref="NearDuplicateKey"/> (same cleaned form up to numbers, IPs, hex, temp names, user
/// names); a group is one candidate, its size is its occurrences, its first command represents it.</item>
/// <item>Score every group's representative with the strategy (<see cref="SelectionStrategy"/>); rank by score, largest first,
/// ties by first occurrence.</item>
/// <item>Without diversity: the top Budget groups. With diversity: k-means++ (Arthur &amp; Vassilvitskii, 2007) with
/// k = Budget over the top <see cref="ReviewQueueOptions.CandidatesPerSlot"/>·Budget groups, then the best-ranked group of each
/// cluster; places left by empty clusters go to the best-ranked groups not yet chosen.</item>
/// </list>
/// The result is in ranking order and depends only on the input order, the model and the seed.
/// </summary>
public static class ReviewQueue
{
    /// <summary>The queue for <paramref name="commandLines"/> (null or blank lines are skipped).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (e.g. a budget of 0).</exception>
    public static IReadOnlyList<ReviewItem> Select(IAttackClassifier classifier, IEnumerable<string> commandLines, ReviewQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(commandLines);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // 1. Near-duplicate groups in first-occurrence order.
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var representatives = new List<(string Command, string Key, int FirstIndex)>();
        var occurrences = new List<long>();
        int index = 0;
        foreach (string command in commandLines)
        {
            int position = index++;
            if (string.IsNullOrWhiteSpace(command)) continue;
            string key = NearDuplicateKey.Of(command);
            if (groupOf.TryGetValue(key, out int g)) { occurrences[g]++; continue; }
            groupOf.Add(key, representatives.Count);
            representatives.Add((command, key, position));
            occurrences.Add(1);
        }
        int G = representatives.Count;
        if (G == 0) return [];

        // 2. Probabilities, predictions and scores of the representatives.
        int K = classifier.Labels.Count;
        ClassTaxonomy taxonomy = ClassTaxonomy.For(classifier.Labels, AttackCatalog.Default);
        var predictions = new Prediction[G];
        var u = new double[G];
        Parallel.For(0, G, () => new double[K], (g, _, p) =>
        {
            classifier.PredictProbabilities(representatives[g].Command, p);
            predictions[g] = ClassifierExtensions.Decide(taxonomy, p, Math.Min(3, K), threshold: 0);
            if (options.Strategy != SelectionStrategy.Random) u[g] = Uncertainty.Score(options.Strategy, p);
            return p;
        }, _ => { });
        var rng = new SeededRandom(options.Seed);
        if (options.Strategy == SelectionStrategy.Random)
            for (int g = 0; g < G; g++) u[g] = rng.NextDouble();   // drawn in first-occurrence order: reproducible from the seed
        int[] ranking = Enumerable.Range(0, G).ToArray();
        Array.Sort(ranking, (a, b) => u[a] != u[b] ? u[b].CompareTo(u[a]) : a.CompareTo(b));

        // 3. The budget: the top of the ranking, or one per cluster of the top candidates.
        int budget = Math.Min(options.Budget, G);
        int[] chosen;
        int[]? clusterOf = null;
        int candidateCount = (int)Math.Min(G, (long)budget * options.CandidatesPerSlot);
        if (!options.Diversity || candidateCount <= budget) chosen = ranking[..budget];
        else
        {
            int[] candidates = ranking[..candidateCount];
            CsrMatrix x = DiversityFeatures(candidates.Select(g => representatives[g].Command).ToArray());
            int[] assignment = KMeans.Cluster(x, budget, rng);
            chosen = PickPerCluster(candidates, assignment, budget);
            clusterOf = new int[G];
            for (int c = 0; c < candidates.Length; c++) clusterOf[candidates[c]] = assignment[c];
        }
        return chosen.Select(g => new ReviewItem(representatives[g].Command, representatives[g].Key, occurrences[g], representatives[g].FirstIndex,
                                                 predictions[g], u[g], clusterOf?[g])).ToArray();
    }

    /// <summary>The queue for telemetry: the commands of <paramref name="records"/>; records without one (errors) are skipped.</summary>
    public static IReadOnlyList<ReviewItem> Select(IAttackClassifier classifier, IEnumerable<TelemetryRecord> records, ReviewQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Select(classifier, records.Select(r => r.CommandLine!).Where(c => c is not null), options);
    }

    /// <summary>
    /// The rows k-means clusters: character 2–5-grams within words (char_wb, sublinear tf) fitted on the candidates
    /// themselves, so any classifier kind can be diversified and no candidate's row is empty; each row has L2 norm 1.
    /// </summary>
    internal static CsrMatrix DiversityFeatures(IReadOnlyList<string> commands)
    {
        var options = new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 5), SublinearTf = true };
        return TfidfVectorizer.Fit(commands, options).Transform(commands);
    }

    // Candidates are in ranking order, so the first one met in each cluster is that cluster's best; order kept.
    internal static int[] PickPerCluster(int[] candidates, int[] assignment, int budget)
    {
        var taken = new bool[candidates.Length];
        var seen = new HashSet<int>();
        var chosen = new List<int>(budget);
        for (int c = 0; c < candidates.Length && chosen.Count < budget; c++)
            if (seen.Add(assignment[c])) { taken[c] = true; chosen.Add(c); }
        for (int c = 0; c < candidates.Length && chosen.Count < budget; c++)   // empty clusters: fill from the ranking
            if (!taken[c]) { taken[c] = true; chosen.Add(c); }
        chosen.Sort();
        return chosen.Select(c => candidates[c]).ToArray();
    }
}
