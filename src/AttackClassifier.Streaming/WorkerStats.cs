using System.Diagnostics;
using System.Globalization;

namespace AttackClassifier.Streaming;

/// <summary>A worker's counters, updated as it runs and safe to read from another thread (the stats line's timer).</summary>
internal sealed class WorkerStats
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _processed, _outputs, _errors, _redeliveries, _publishRetries, _duplicates;

    /// <summary>Input messages acknowledged after their outputs were stored.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Output records published (and acknowledged by the server, duplicates included).</summary>
    public long Outputs => Interlocked.Read(ref _outputs);

    /// <summary>Error records among the outputs (payloads without a command).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Input messages that had been delivered before (to this or another worker).</summary>
    public long Redeliveries => Interlocked.Read(ref _redeliveries);

    /// <summary>Outputs the output stream already held (same Nats-Msg-Id within its duplicate window) and did not store again.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Publishes tried again after a failure (connection loss, timeout).</summary>
    public long PublishRetries => Interlocked.Read(ref _publishRetries);

    /// <summary>Time since the worker started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    internal void AddProcessed(int n) => Interlocked.Add(ref _processed, n);

    internal void AddOutputs(int n, int errors)
    {
        Interlocked.Add(ref _outputs, n);
        Interlocked.Add(ref _errors, errors);
    }

    internal void AddRedelivery() => Interlocked.Increment(ref _redeliveries);

    internal void AddDuplicates(int n) => Interlocked.Add(ref _duplicates, n);

    internal void AddPublishRetries(int n) => Interlocked.Add(ref _publishRetries, n);

    /// <summary>One line: <c>processed N (R/s) outputs N errors N redeliveries N duplicates N publish-retries N</c>; the rate is over
    /// the span since <paramref name="previous"/> (the last line), or the whole run when it is null.</summary>
    public string Line(WorkerStatsSnapshot? previous = null)
    {
        WorkerStatsSnapshot now = Snapshot();
        WorkerStatsSnapshot from = previous ?? default;
        double seconds = (now.Elapsed - from.Elapsed).TotalSeconds;
        double rate = seconds > 0 ? (now.Processed - from.Processed) / seconds : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"processed {now.Processed} ({rate:F0}/s) outputs {Outputs} errors {Errors} redeliveries {Redeliveries} duplicates {Duplicates} publish-retries {PublishRetries}");
    }

    /// <summary>The processed count and the time, to rate the next span against.</summary>
    public WorkerStatsSnapshot Snapshot() => new(Processed, Elapsed);
}

/// <summary>A point in a worker's run: processed inputs and elapsed time.</summary>
internal readonly record struct WorkerStatsSnapshot(long Processed, TimeSpan Elapsed);
