using AttackClassifier.Data;
using AttackClassifier.Metrics;

namespace AttackClassifier.Classification;

/// <summary>One candidate setting of a grid search and its cross-validated scores.</summary>
/// <param name="Description">What distinguishes the candidate, e.g. <c>C=10</c>.</param>
/// <param name="Options">The settings trained for each fold.</param>
/// <param name="FoldScores">The score (<see cref="GridSearchScoring"/>) on each held-out fold.</param>
/// <param name="MeanScore">Mean of <paramref name="FoldScores"/> (scikit-learn's <c>mean_test_score</c>).</param>
/// <param name="ScoreStandardDeviation">Population standard deviation of <paramref name="FoldScores"/> (scikit-learn's <c>std_test_score</c>).</param>
public sealed record GridSearchResult(string Description, TfidfLogisticRegressionOptions Options, IReadOnlyList<double> FoldScores,
                                      double MeanScore, double ScoreStandardDeviation);

/// <summary>What a grid search maximises on each held-out fold (count-weighted, as every metric here).</summary>
public enum GridSearchScoring
{
    /// <summary>F1 averaged over classes weighted by support (the study's <c>f1_weighted</c>).</summary>
    WeightedF1,

    /// <summary>F1 averaged over the present classes with equal weight (<c>f1_macro</c>): rare techniques count as much as common ones.</summary>
    MacroF1,
}

/// <summary>
/// Cross-validated model selection as the study's <c>GridSearchCV(scoring='f1_weighted', cv=StratifiedKFold)</c>:
/// every candidate is trained on k−1 folds and scored on the held-out fold by weighted F1 with observation counts as
/// sample weights; all candidates see the same folds.
/// </summary>
public static class GridSearch
{
    /// <summary>Scores every candidate; results are in candidate order (pick the best with <see cref="Best"/>).</summary>
    /// <param name="data">Labelled rows (consolidated), split into stratified folds.</param>
    /// <param name="candidates">Settings to compare, each with a short description.</param>
    /// <param name="folds">k ≥ 2 (default 3, scikit-learn's default).</param>
    /// <param name="seed">Seed of the fold assignment.</param>
    /// <param name="scoring">The score (default the study's weighted F1).</param>
    /// <param name="progress">Receives a report after every fold of every candidate, or null.</param>
    /// <param name="cancellationToken">Checked before every fold and inside every fit.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IReadOnlyList<GridSearchResult> Run(CommandDataset data, IReadOnlyList<(string Description, TfidfLogisticRegressionOptions Options)> candidates,
                                                      int folds = 3, int seed = 42, GridSearchScoring scoring = GridSearchScoring.WeightedF1,
                                                      IProgress<GridSearchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0) throw new ArgumentException("No candidates to compare.", nameof(candidates));
        LabelSet labels = data.Labels();
        int[] y = labels.Encode(data.Records.Select(r => r.Label));
        var splits = StratifiedSplit.KFold(y, folds, seed, labels.Labels);
        var results = new List<GridSearchResult>(candidates.Count);
        for (int candidate = 0; candidate < candidates.Count; candidate++)
        {
            var (description, options) = candidates[candidate];
            var scores = new double[splits.Count];
            for (int f = 0; f < splits.Count; f++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var classifier = TfidfLogisticRegressionClassifier.Train(data.Select(splits[f].Train), options, cancellationToken: cancellationToken);
                ClassificationReport report = classifier.Evaluate(data.Select(splits[f].Test));
                scores[f] = scoring == GridSearchScoring.MacroF1 ? report.MacroAverage.F1 : report.WeightedAverage.F1;
                progress?.Report(new GridSearchProgress(candidate + 1, candidates.Count, f + 1, splits.Count, description, scores[f]));
            }
            double mean = scores.Average();
            double std = Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Length);
            results.Add(new GridSearchResult(description, options, scores, mean, std));
        }
        return results;
    }

    /// <summary>The candidate with the highest mean score (the first of equals, as scikit-learn's <c>best_index_</c>).</summary>
    public static GridSearchResult Best(IReadOnlyList<GridSearchResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) throw new ArgumentException("No results.", nameof(results));
        GridSearchResult best = results[0];
        foreach (GridSearchResult r in results) if (r.MeanScore > best.MeanScore) best = r;
        return best;
    }
}

/// <summary>Progress of <see cref="GridSearch.Run"/> after one fold of one candidate.</summary>
/// <param name="Candidate">1-based candidate number, in candidate order.</param>
/// <param name="CandidateCount">Number of candidates.</param>
/// <param name="Fold">1-based fold just scored.</param>
/// <param name="FoldCount">Number of folds.</param>
/// <param name="Description">The candidate's description.</param>
/// <param name="FoldScore">The fold's score (the search's scoring), in [0, 1].</param>
public readonly record struct GridSearchProgress(int Candidate, int CandidateCount, int Fold, int FoldCount, string Description, double FoldScore);
