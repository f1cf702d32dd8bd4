namespace AttackClassifier.Data;

/// <summary>One labelled command line of the study's schema.</summary>
/// <param name="CommandLine">The raw command line (the <c>proctitle</c> column): argv joined by spaces.</param>
/// <param name="Label">The class to learn (the <c>technique_grouped</c> column), e.g. <c>T1082: System Information Discovery</c>.</param>
/// <param name="Count">How many times the command was observed (the <c>count</c> column); the sample weight in training and metrics. Finite, ≥ 0.</param>
/// <param name="Technique">The fine-grained technique (the optional <c>technique</c> column), or null when absent.</param>
public readonly record struct CommandRecord(string CommandLine, string Label, double Count, string? Technique = null);
