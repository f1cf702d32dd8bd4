namespace AttackClassifier.Attack;

/// <summary>An ATT&amp;CK Enterprise tactic (the adversary's goal: Discovery, Persistence, …).</summary>
/// <param name="Id">The tactic ID, e.g. <c>TA0007</c>.</param>
/// <param name="Name">Its name, e.g. <c>Discovery</c>.</param>
/// <param name="ShortName">The kill-chain phase name, e.g. <c>discovery</c>.</param>
/// <param name="Order">Its position in the Enterprise kill chain, 1 (Reconnaissance) … 14 (Impact).</param>
public sealed record AttackTactic(string Id, string Name, string ShortName, int Order)
{
    /// <summary>The tactic's page on the ATT&amp;CK site, e.g. <c>https://attack.mitre.org/tactics/TA0007/</c>.</summary>
    public string Reference => $"https://attack.mitre.org/tactics/{Id}/";
}

/// <summary>Where a technique stands in the catalog's ATT&amp;CK release.</summary>
public enum AttackTechniqueStatus
{
    /// <summary>Current in the catalog's release.</summary>
    Active,

    /// <summary>Revoked (merged into or replaced by another technique); kept so old labels still resolve.</summary>
    Revoked,

    /// <summary>Deprecated (no longer maintained).</summary>
    Deprecated,

    /// <summary>An ID of the next ATT&amp;CK release (v19) already used by Atomic Red Team; tactics are those of the technique it replaces.</summary>
    V19,
}

/// <summary>An ATT&amp;CK technique or sub-technique.</summary>
/// <param name="Id">The ID, <c>T1059</c> or <c>T1059.004</c>.</param>
/// <param name="Name">The catalog's name, e.g. <c>Unix Shell</c> (a sub-technique's own name, without its parent's).</param>
/// <param name="ParentId">The parent technique's ID for a sub-technique (<c>T1059</c>), else null.</param>
/// <param name="Tactics">The tactics it serves, in kill-chain order (empty for most revoked techniques).</param>
/// <param name="Platforms">The platforms it applies to, e.g. <c>Linux</c>, <c>Windows</c>, <c>macOS</c>.</param>
/// <param name="Status">Active, revoked, deprecated or v19.</param>
public sealed record AttackTechnique(string Id, string Name, string? ParentId, IReadOnlyList<AttackTactic> Tactics,
                                     IReadOnlyList<string> Platforms, AttackTechniqueStatus Status)
{
    /// <summary>The technique's page on the ATT&amp;CK site, e.g. <c>https://attack.mitre.org/techniques/T1059/004/</c>.</summary>
    public string Reference => $"https://attack.mitre.org/techniques/{Id.Replace('.', '/')}/";

    /// <summary>True for a sub-technique (<c>Txxxx.yyy</c>).</summary>
    public bool IsSubtechnique => ParentId is not null;
}

/// <summary>What a class label (or a prediction) stands for.</summary>
public enum LabelKind
{
    /// <summary>An ATT&amp;CK technique or sub-technique found in the catalog.</summary>
    Technique,

    /// <summary>The benign class (<c>Normal</c>): ordinary activity, not an attack.</summary>
    Benign,

    /// <summary>A class that is not an ATT&amp;CK technique: <c>Z999: Other Low-Frequency Techniques</c>, a malformed or
    /// unknown technique ID, or any custom class. Never guessed into a technique.</summary>
    Other,

    /// <summary>Only on predictions: the calibrated top probability is below the abstention threshold ("unsure").</summary>
    Unknown,
}

/// <summary>A class label resolved against the ATT&amp;CK catalog.</summary>
/// <param name="Label">The label as trained, e.g. <c>T1059: Command and Scripting Interpreter</c>.</param>
/// <param name="Kind"><see cref="LabelKind.Technique"/>, <see cref="LabelKind.Benign"/> or <see cref="LabelKind.Other"/>.</param>
/// <param name="Technique">The catalog entry when <paramref name="Kind"/> is a technique, else null.</param>
public sealed record AttackLabel(string Label, LabelKind Kind, AttackTechnique? Technique)
{
    /// <summary>The tactics of the label's technique (empty for benign and other labels).</summary>
    public IReadOnlyList<AttackTactic> Tactics => Technique?.Tactics ?? [];
}
