namespace AttackClassifier.Metrics;

/// <summary>One line of a <see cref="ClassificationReport"/>: the scores of one class, or an average over classes.</summary>
/// <param name="Label">The class name, or <c>"macro avg"</c>, <c>"weighted avg"</c>, <c>"micro avg"</c> for an average.</param>
/// <param name="Precision">Weighted true positives ÷ weighted predicted positives, in [0, 1]; 0 when nothing was predicted as the class.</param>
/// <param name="Recall">Weighted true positives ÷ weighted support, in [0, 1]; 0 when the class has no support.</param>
/// <param name="F1">Harmonic mean 2·P·R / (P + R), in [0, 1]; 0 when P + R = 0.</param>
/// <param name="Support">Total sample weight of the examples whose true class is this one (a row count without sample weights);
/// for an average, the sum of the class supports (the total sample weight).</param>
public sealed record MetricsRow(string Label, double Precision, double Recall, double F1, double Support);
