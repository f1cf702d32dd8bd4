using System.Globalization;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttackClassifier.Streaming;

/// <summary>How a worker fetches and publishes.</summary>
internal sealed record WorkerOptions
{
    /// <summary>The largest batch. A batch's publish acknowledgements wait in the client's subscription channel until the
    /// whole batch is written (16,384 messages by default, newer ones dropped when it is full), and a batch is held
    /// unacknowledged until its last result is stored: beyond ~1000 neither throughput nor safety gains.</summary>
    public const int MaxBatchSize = 1000;

    /// <summary>The subject results are published on.</summary>
    public required string OutputSubject { get; init; }

    /// <summary>Most messages fetched and classified together (default 256; in [1, <see cref="MaxBatchSize"/>], and at most
    /// the consumer's MaxAckPending).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>How long an idle fetch waits for a first message before asking again (default 2 s; the client requires more
    /// than 1 s). Also the longest a stop request waits for an idle fetch to end.</summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>First wait after a failed fetch or publish; it doubles up to <see cref="MaxBackoff"/> (default 100 ms).</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between retries (default 5 s).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the worker waits for a batch's publish acknowledgements before publishing the unanswered ones
    /// again (default 5 s).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the worker says why it retries (a failed fetch or publish), or null for nowhere.</summary>
    public Action<string>? Log { get; init; }
}

/// <summary>
/// One member of a consumer group: fetches a batch from the durable pull consumer, classifies it with one
/// <see cref="IPayloadClassifier.Classify"/> call, publishes every output (header <c>Nats-Msg-Id</c> = the input's stream
/// sequence, so a redelivered input cannot store a second output within the output stream's duplicate window), waits for
/// all the publish acknowledgements together, and only then acknowledges the inputs.
/// </summary>
/// <remarks>
/// <para>Delivery: at least once into the worker, exactly once into the output stream while a redelivery falls inside the
/// duplicate window. A crash between publish and ack makes the server redeliver the input after its ack wait; the second
/// publish carries the same id and the stream drops it (the acknowledgement says <c>duplicate</c>).</para>
/// <para>Batching: the whole batch's publishes are written before the first acknowledgement is awaited
/// (<see cref="BatchPublisher"/>), so the round trips overlap instead of costing one each; the inputs are acknowledged
/// one by one (explicit acks: with AckAll, one worker's ack would also acknowledge the other workers' messages).</para>
/// <para>Stop: cancelling <c>stop</c> ends the fetching; the batch in hand is still published and acknowledged (never
/// cancelled half-way), so a drained worker leaves nothing pending.</para>
/// </remarks>
internal sealed class ClassificationWorker(INatsJSContext js, INatsJSConsumer consumer, IPayloadClassifier classifier, WorkerOptions options)
{
    // Headers every output carries besides Nats-Msg-Id; the identity fields are the telemetry record's.
    internal const string InputSequenceHeader = "Attack-Input-Seq";
    internal const string InputSubjectHeader = "Attack-Input-Subject";
    internal const string InputMessageIdHeader = "Attack-Input-Msg-Id";
    internal const string ErrorHeader = "Attack-Error";

    private readonly List<NatsJSMsg<ReadOnlyMemory<byte>>> _batch = new(options.BatchSize);
    private readonly List<ReadOnlyMemory<byte>> _payloads = new(options.BatchSize);
    private readonly List<ClassifiedOutput> _outputs = new(options.BatchSize);
    private readonly List<ReadOnlyMemory<byte>> _bodies = new(options.BatchSize);
    private readonly List<string> _ids = new(options.BatchSize);
    private readonly List<int> _pending = new(options.BatchSize);
    private readonly HashSet<int> _unacked = [];   // inputs whose results the stream refused: not acknowledged

    // Rounds of refusals (not silence: an answer saying no) after which a result is given up on.
    private const int MaxRefusals = 5;
    private BatchPublisher? _publisher;

    /// <summary>The counters of this worker's run.</summary>
    public WorkerStats Stats { get; } = new();

    /// <summary>Runs until <paramref name="stop"/> is cancelled, then finishes the batch in hand and returns.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await RunCoreAsync(stop).ConfigureAwait(false);
        }
        finally
        {
            if (_publisher is not null) await _publisher.DisposeAsync().ConfigureAwait(false);
            _publisher = null;
        }
    }

    private async Task RunCoreAsync(CancellationToken stop)
    {
        if (options.BatchSize is < 1 or > WorkerOptions.MaxBatchSize)
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, $"BatchSize must be in [1, {WorkerOptions.MaxBatchSize}].");
        int failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await FetchAsync().ConfigureAwait(false);
                failures = 0;
            }
            catch (Exception e) when (e is NatsException or TimeoutException)
            {
                // The server is away or restarting: keep what arrived, back off, fetch again (the client reconnects).
                options.Log?.Invoke($"fetch failed ({e.GetType().Name}: {e.Message}); retrying");
                await BackoffAsync(++failures, stop).ConfigureAwait(false);
            }
            if (_batch.Count > 0) await ProcessAsync().ConfigureAwait(false);   // never cancelled: in-flight work finishes
        }
    }

    // A batch without waiting when messages are there; otherwise one message with a bounded wait (a pull request waits
    // for its whole batch, so asking for BatchSize on an idle stream would hold the first event until the wait expires).
    // Each fetch also has a client-side deadline: a pull request the server lost in a restart is never answered, and the
    // fetch would wait for it forever. Messages that arrived before the deadline are kept and processed.
    private async Task FetchAsync()
    {
        _batch.Clear();
        using (var deadline = new CancellationTokenSource(options.IdleWait + FetchMargin))
        {
            try
            {
                await foreach (NatsJSMsg<ReadOnlyMemory<byte>> msg in consumer.FetchNoWaitAsync<ReadOnlyMemory<byte>>(
                                   new NatsJSFetchOpts { MaxMsgs = options.BatchSize }, cancellationToken: deadline.Token).ConfigureAwait(false))
                    _batch.Add(msg);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException("A fetch got no answer from the server.");
            }
        }
        if (_batch.Count > 0) return;
        using (var deadline = new CancellationTokenSource(options.IdleWait + FetchMargin))
        {
            try
            {
                await foreach (NatsJSMsg<ReadOnlyMemory<byte>> msg in consumer.FetchAsync<ReadOnlyMemory<byte>>(
                                   new NatsJSFetchOpts { MaxMsgs = 1, Expires = options.IdleWait }, cancellationToken: deadline.Token).ConfigureAwait(false))
                    _batch.Add(msg);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException("A fetch got no answer from the server.");
            }
        }
    }

    // How long past its own expiry a fetch may take before the worker gives up on it.
    private static readonly TimeSpan FetchMargin = TimeSpan.FromSeconds(2);

    private async Task ProcessAsync()
    {
        _payloads.Clear();
        _outputs.Clear();
        foreach (NatsJSMsg<ReadOnlyMemory<byte>> msg in _batch)
        {
            _payloads.Add(msg.Data);
            if (msg.Metadata is { NumDelivered: > 1 }) Stats.AddRedelivery();
        }
        classifier.Classify(_payloads, _outputs);

        // Publish everything, then await the acknowledgements together; publish again what got no answer or was refused.
        _bodies.Clear();
        _ids.Clear();
        _pending.Clear();
        _unacked.Clear();
        var countPerInput = new int[_batch.Count];
        int errors = 0;
        for (int i = 0; i < _outputs.Count; i++)
        {
            ClassifiedOutput output = _outputs[i];
            _bodies.Add(output.Body);
            _ids.Add(MessageId(_batch[output.Input], countPerInput[output.Input]++));
            _pending.Add(i);
            if (output.IsError) errors++;
        }
        var outcomes = new PublishOutcome[_outputs.Count];
        _publisher ??= await BatchPublisher.CreateAsync(js.Connection, options.OutputSubject, CancellationToken.None).ConfigureAwait(false);
        for (int failures = 0; ; )
        {
            await _publisher.PublishAsync(_bodies, i => HeadersFor(_batch[_outputs[i].Input], _outputs[i], _ids[i]), _pending, outcomes, options.AckTimeout).ConfigureAwait(false);
            _pending.RemoveAll(i => outcomes[i] is PublishOutcome.Stored or PublishOutcome.Duplicate);
            if (_pending.Count == 0) break;
            if (failures >= MaxRefusals && _pending.TrueForAll(i => outcomes[i] == PublishOutcome.Refused))
            {
                // The stream keeps refusing these (too large, no stream for the subject, …): retrying cannot help, and
                // waiting would stop the stream. Their inputs stay unacknowledged and come back after the ack wait.
                options.Log?.Invoke($"{_pending.Count} results refused by the output stream {failures + 1} times; their inputs are left for redelivery");
                foreach (int i in _pending) _unacked.Add(_outputs[i].Input);
                break;
            }
            Stats.AddPublishRetries(_pending.Count);
            options.Log?.Invoke($"{_pending.Count} of {_outputs.Count} publishes got no acknowledgement ({outcomes[_pending[0]]}); publishing them again");
            await BackoffAsync(++failures, CancellationToken.None).ConfigureAwait(false);
        }
        Stats.AddOutputs(_outputs.Count, errors);
        Stats.AddDuplicates(outcomes.Count(o => o == PublishOutcome.Duplicate));

        for (int m = 0; m < _batch.Count; m++)
            if (!_unacked.Contains(m)) await AckAsync(_batch[m]).ConfigureAwait(false);
        Stats.AddProcessed(_batch.Count - _unacked.Count);
    }

    // Nats-Msg-Id: the input's stream sequence; a payload with several records numbers the rest "seq.1", "seq.2", ….
    private static string MessageId(NatsJSMsg<ReadOnlyMemory<byte>> input, int index)
    {
        ulong seq = input.Metadata?.Sequence.Stream ?? throw new InvalidOperationException("A JetStream message without metadata.");
        return index == 0 ? seq.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{seq}.{index}");
    }

    private static NatsHeaders HeadersFor(NatsJSMsg<ReadOnlyMemory<byte>> input, ClassifiedOutput output, string id)
    {
        var headers = new NatsHeaders
        {
            ["Nats-Msg-Id"] = id,
            [InputSequenceHeader] = input.Metadata!.Value.Sequence.Stream.ToString(CultureInfo.InvariantCulture),
            [InputSubjectHeader] = input.Subject,
        };
        if (input.Headers is { } inputHeaders && inputHeaders.TryGetLastValue("Nats-Msg-Id", out string? inputId))
            headers[InputMessageIdHeader] = inputId;
        foreach ((string name, string? value) in IdentityHeaders.Of(output.Record))
            if (value is not null) headers[name] = value;
        if (output.Record.Error is { } error) headers[ErrorHeader] = IdentityHeaders.HeaderSafe(error);
        return headers;
    }

    private async Task AckAsync(NatsJSMsg<ReadOnlyMemory<byte>> msg)
    {
        try
        {
            await msg.AckAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NatsException or TimeoutException)
        {
            // The ack is lost with the connection: the server redelivers after the ack wait and the output stream drops
            // the second publish as a duplicate, so nothing is stored twice.
        }
    }

    private async Task BackoffAsync(int failures, CancellationToken cancellationToken)
    {
        // min · 2^(failures−1), capped: 100 ms, 200 ms, 400 ms, … 5 s.
        double ms = Math.Min(options.MaxBackoff.TotalMilliseconds, options.MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30)));
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(ms), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
