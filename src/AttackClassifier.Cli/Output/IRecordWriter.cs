using AttackClassifier.Classification;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Cli.Output;

/// <summary>Writes one output record for a telemetry record (and its prediction, or null when the record is an error).</summary>
internal interface IRecordWriter
{
    /// <param name="record">The input record.</param>
    /// <param name="prediction">Its prediction; null when <see cref="TelemetryRecord.Error"/> is set.</param>
    /// <param name="evidence">The n-grams behind the prediction when <c>--explain</c> asked for them, else null.</param>
    void Write(TelemetryRecord record, Prediction? prediction, IReadOnlyList<Evidence>? evidence);
}
