using System.Runtime.CompilerServices;
using AttackClassifier.Attack;

namespace AttackClassifier.Classification;

/// <summary>
/// A classifier's classes resolved once against a catalog: each class's <see cref="AttackLabel"/> and the indices (into
/// <see cref="AttackCatalog.Tactics"/>) of its technique's tactics. Cached per (label list, catalog), so a prediction
/// never re-parses a label.
/// </summary>
internal sealed class ClassTaxonomy
{
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, ConditionalWeakTable<AttackCatalog, ClassTaxonomy>> s_cache = new();

    private ClassTaxonomy(IReadOnlyList<string> labels, AttackCatalog catalog)
    {
        Catalog = catalog;
        Classes = labels.Select(catalog.Resolve).ToArray();
        var tacticIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int t = 0; t < catalog.Tactics.Count; t++) tacticIndex[catalog.Tactics[t].Id] = t;
        TacticsOfClass = Classes.Select(c => c.Tactics.Select(t => tacticIndex[t.Id]).ToArray()).ToArray();
    }

    internal AttackCatalog Catalog { get; }

    /// <summary>(K) each class resolved.</summary>
    internal AttackLabel[] Classes { get; }

    /// <summary>(K) indices into the catalog's tactics of each class's tactics.</summary>
    internal int[][] TacticsOfClass { get; }

    internal static ClassTaxonomy For(IReadOnlyList<string> labels, AttackCatalog catalog)
        => s_cache.GetValue(labels, _ => new()).GetValue(catalog, c => new ClassTaxonomy(labels, c));

    /// <summary>p(tactic t) = Σ over classes k whose technique lists t of p(k), into <paramref name="tacticProbabilities"/> (one per catalog tactic).</summary>
    internal void TacticProbabilities(ReadOnlySpan<double> p, Span<double> tacticProbabilities)
    {
        tacticProbabilities.Clear();
        for (int k = 0; k < p.Length; k++)
            foreach (int t in TacticsOfClass[k]) tacticProbabilities[t] += p[k];
        for (int t = 0; t < tacticProbabilities.Length; t++) tacticProbabilities[t] = Math.Min(tacticProbabilities[t], 1.0);   // rounding of a sum of probabilities
    }
}
