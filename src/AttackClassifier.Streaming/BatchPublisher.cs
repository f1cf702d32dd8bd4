using System.Globalization;
using NATS.Client.Core;

namespace AttackClassifier.Streaming;

/// <summary>What the stream answered to one publish.</summary>
internal enum PublishOutcome
{
    /// <summary>No answer (yet): lost with the connection, or the stream did not answer in time.</summary>
    Pending,

    /// <summary>Stored (a PubAck with a sequence).</summary>
    Stored,

    /// <summary>Already stored under the same <c>Nats-Msg-Id</c> within the duplicate window; not stored again.</summary>
    Duplicate,

    /// <summary>Refused: an API error, or no stream captures the subject (no responders).</summary>
    Refused,
}

/// <summary>
/// Publishes a batch to a JetStream-captured subject and collects the acknowledgements together: every message is written
/// with a reply subject of its own under one inbox subscription (<c>INBOX.round.index</c>), then the answers are read
/// as they come. A round trip per batch instead of one per message, and no per-request state in the client: the
/// remedy for the ~30 µs each request/reply publish cost.
/// </summary>
/// <remarks>The PubAck is JetStream's JSON answer, <c>{"stream":…,"seq":…[,"duplicate":true]}</c> or
/// <c>{"error":{…}}</c>; a 503 status without a body means no stream captures the subject.</remarks>
internal sealed class BatchPublisher : IAsyncDisposable
{
    private readonly INatsConnection _connection;
    private readonly string _subject;
    private readonly string _inbox;
    private readonly INatsSub<ReadOnlyMemory<byte>> _acks;
    private long _round;

    private BatchPublisher(INatsConnection connection, string subject, string inbox, INatsSub<ReadOnlyMemory<byte>> acks)
    {
        _connection = connection;
        _subject = subject;
        _inbox = inbox;
        _acks = acks;
    }

    internal static async Task<BatchPublisher> CreateAsync(INatsConnection connection, string subject, CancellationToken cancellationToken)
    {
        // Not connection.NewInbox(): subjects under the connection's own inbox prefix are routed to the client's
        // request-reply mux, never to a subscription of ours. Still under _INBOX., which deployments' permissions allow.
        string inbox = "_INBOX." + Guid.NewGuid().ToString("N");
        INatsSub<ReadOnlyMemory<byte>> acks = await connection.SubscribeCoreAsync<ReadOnlyMemory<byte>>(inbox + ".>", cancellationToken: cancellationToken).ConfigureAwait(false);
        return new BatchPublisher(connection, subject, inbox, acks);
    }

    /// <summary>
    /// Publishes message <c>i</c> for each <c>i</c> in <paramref name="which"/> (body <paramref name="bodies"/>[i], headers
    /// from <paramref name="headers"/>(i)), then waits up to <paramref name="timeout"/> for their answers and writes each
    /// into <paramref name="outcomes"/>[i]; a message without an answer stays <see cref="PublishOutcome.Pending"/>.
    /// </summary>
    internal async Task PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> bodies, Func<int, NatsHeaders> headers, IReadOnlyList<int> which,
                                     PublishOutcome[] outcomes, TimeSpan timeout)
    {
        // A new round per call: an answer to an earlier, timed-out round can arrive late and must not count for this one.
        string prefix = string.Create(CultureInfo.InvariantCulture, $"{_inbox}.{++_round}.");
        int waiting = 0;
        try
        {
            foreach (int i in which)
            {
                outcomes[i] = PublishOutcome.Pending;
                await _connection.PublishAsync(_subject, bodies[i], headers(i), prefix + i.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                waiting++;
            }
        }
        catch (Exception e) when (e is NatsException or TimeoutException)
        {
            // The connection went away mid-batch: wait for the answers to what was written; the rest stays Pending.
        }
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (waiting > 0)
            {
                NatsMsg<ReadOnlyMemory<byte>> answer = await _acks.Msgs.ReadAsync(deadline.Token).ConfigureAwait(false);
                if (!answer.Subject.StartsWith(prefix, StringComparison.Ordinal)) continue;   // a late answer of an earlier round
                if (!int.TryParse(answer.Subject.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int i)
                    || i >= outcomes.Length || outcomes[i] != PublishOutcome.Pending) continue;
                outcomes[i] = Outcome(answer);
                waiting--;
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
        }
    }

    private static PublishOutcome Outcome(in NatsMsg<ReadOnlyMemory<byte>> answer)
    {
        ReadOnlySpan<byte> json = answer.Data.Span;
        if (json.IsEmpty || json.IndexOf("\"error\""u8) >= 0) return PublishOutcome.Refused;   // 503 no responders has no body
        return json.IndexOf("\"duplicate\":true"u8) >= 0 ? PublishOutcome.Duplicate : PublishOutcome.Stored;
    }

    public ValueTask DisposeAsync() => _acks.DisposeAsync();
}
