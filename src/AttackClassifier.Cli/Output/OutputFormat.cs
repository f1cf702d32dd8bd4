namespace AttackClassifier.Cli.Output;

/// <summary>What <c>predict</c> writes per input record (one line each, in input order).</summary>
internal enum OutputFormat
{
    /// <summary>Tab-separated columns, every untrusted value escaped: line, kind, top classes, [evidence], [kept fields], input.</summary>
    Text,

    /// <summary>One JSON object per line: the prediction's fields (or the input event with an <c>attack_classifier</c> object).</summary>
    Jsonl,

    /// <summary>One Elastic Common Schema document per line: <c>threat.*</c> for a decided technique, plus <c>attack_classifier</c>.</summary>
    Ecs,
}

/// <summary>What a JSON output record is built from.</summary>
internal enum EmitMode
{
    /// <summary>The input event itself, with the classification added (JSON inputs only).</summary>
    Enriched,

    /// <summary>Only the prediction, the classified command and the <c>--keep</c> fields.</summary>
    Prediction,
}
