using AttackClassifier.Telemetry;

namespace AttackClassifier.Streaming;

/// <summary>
/// Turns a batch of message payloads into output records: the one seam between the NATS worker and whatever decodes,
/// classifies and formats events (the tool's telemetry readers and prediction writers), so the worker knows no format.
/// </summary>
internal interface IPayloadClassifier
{
    /// <summary>
    /// Classifies every payload and appends its output records to <paramref name="outputs"/>, in payload order. A payload
    /// gives as many records as its input format reads from it (one for an event; several for an osquery batch line; none
    /// for a removed osquery row); a payload that cannot be decoded gives an error record, never an exception.
    /// </summary>
    /// <param name="payloads">The message bodies, (N).</param>
    /// <param name="outputs">Receives the records; their bodies stay valid until the next call.</param>
    void Classify(IReadOnlyList<ReadOnlyMemory<byte>> payloads, List<ClassifiedOutput> outputs);
}

/// <summary>One output record of a payload.</summary>
/// <param name="Input">The payload's index in the batch.</param>
/// <param name="Body">The record's bytes (one JSON document, no line end).</param>
/// <param name="Record">The telemetry record it was built from: its identity fields travel as headers; <see cref="TelemetryRecord.Error"/>
/// set marks an error record.</param>
internal readonly record struct ClassifiedOutput(int Input, ReadOnlyMemory<byte> Body, TelemetryRecord Record)
{
    /// <summary>True when the payload held no command (an error record).</summary>
    public bool IsError => Record.Error is not null;
}
