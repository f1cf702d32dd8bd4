using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace AttackClassifier.Streaming;

/// <summary>Where a worker group reads and writes, and how the server keeps the messages in between.</summary>
internal sealed record StreamTopologyOptions
{
    /// <summary>The input stream's name (work-queue retention, file storage).</summary>
    public required string StreamName { get; init; }

    /// <summary>The subject events are published on; the input stream captures it.</summary>
    public required string InputSubject { get; init; }

    /// <summary>The subject results are published on. When no stream captures it yet, an output stream
    /// <see cref="OutputStreamName"/> is created for it (results are acknowledged, and de-duplicated, by that stream).</summary>
    public required string OutputSubject { get; init; }

    /// <summary>The durable pull consumer every worker of the group shares.</summary>
    public required string ConsumerName { get; init; }

    /// <summary>The output stream's name, used only when it has to be created (default: the input stream's name + <c>_RESULTS</c>).</summary>
    public string? OutputStreamName { get; init; }

    /// <summary>Most messages delivered to the whole group and not yet acknowledged (the consumer's back-pressure; default 4096).</summary>
    public int MaxAckPending { get; init; } = 4096;

    /// <summary>How long a delivered message may stay unacknowledged before the server redelivers it (default 30 s).</summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a stream remembers a <c>Nats-Msg-Id</c> to drop a second publish of it (default 2 min, the server's default).</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The output stream's name when it has to be created.</summary>
    public string ResolvedOutputStreamName => OutputStreamName ?? StreamName + "_RESULTS";
}

/// <summary>
/// Creates what a worker group needs if it is missing: the input stream (work-queue retention — a message leaves the
/// stream once one worker acknowledged it — file storage, the duplicate window), a stream capturing the output subject,
/// and the durable pull consumer with explicit acknowledgement. Existing streams and consumers are left as they are
/// (another deployment may own their settings), except that the consumer's back-pressure follows the options.
/// </summary>
internal static class JetStreamTopology
{
    /// <summary>Ensures the streams and the consumer exist; returns the consumer.</summary>
    internal static async Task<INatsJSConsumer> EnsureAsync(INatsJSContext js, StreamTopologyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(js);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxAckPending < 1) throw new ArgumentOutOfRangeException(nameof(options), options.MaxAckPending, "MaxAckPending must be ≥ 1.");
        await EnsureStreamAsync(js, new StreamConfig(options.StreamName, [options.InputSubject])
        {
            Retention = StreamConfigRetention.Workqueue,
            Storage = StreamConfigStorage.File,
            DuplicateWindow = options.DuplicateWindow,
        }, cancellationToken).ConfigureAwait(false);

        bool captured = false;
        await foreach (string _ in js.ListStreamNamesAsync(options.OutputSubject, cancellationToken).ConfigureAwait(false)) captured = true;
        if (!captured)
        {
            await EnsureStreamAsync(js, new StreamConfig(options.ResolvedOutputStreamName, [options.OutputSubject])
            {
                Retention = StreamConfigRetention.Limits,
                Storage = StreamConfigStorage.File,
                DuplicateWindow = options.DuplicateWindow,
            }, cancellationToken).ConfigureAwait(false);
        }

        // Every worker creates the same durable config, so CreateOrUpdate is idempotent across the group.
        return await js.CreateOrUpdateConsumerAsync(options.StreamName, new ConsumerConfig(options.ConsumerName)
        {
            FilterSubject = options.InputSubject,
            AckPolicy = ConsumerConfigAckPolicy.Explicit,   // AckAll would acknowledge the other workers' messages too
            AckWait = options.AckWait,
            MaxAckPending = options.MaxAckPending,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task EnsureStreamAsync(INatsJSContext js, StreamConfig config, CancellationToken cancellationToken)
    {
        try
        {
            await js.GetStreamAsync(config.Name!, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            try
            {
                await js.CreateStreamAsync(config, cancellationToken).ConfigureAwait(false);
            }
            catch (NatsJSApiException raced) when (raced.Error.ErrCode == 10058)   // "stream name already in use": another worker made it first
            {
            }
        }
    }
}
