using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using AttackClassifier.Cli.Serve;
using AttackClassifier.Streaming;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// <c>attack-classifier serve</c>: one classification worker of a consumer group on NATS JetStream. It creates the input
/// stream, the output stream and the durable pull consumer when they are missing (<see cref="JetStreamTopology"/>), then
/// runs a <see cref="ClassificationWorker"/> with <c>predict</c>'s readers and writers until SIGTERM or SIGINT, drains,
/// prints a summary and exits 0.
/// </summary>
internal static class ServeCommand
{
    internal static Command Create()
    {
        var classification = new ClassificationOptions(["jsonl", "ecs"],
            "Output records: jsonl, or ecs (Elastic Common Schema threat.* fields). Text has no place on a stream.");
        var url = new Option<string>("--nats") { Description = "The NATS server URL.", DefaultValueFactory = _ => "nats://127.0.0.1:4222" };
        var stream = new Option<string>("--stream") { Description = "The input stream (created with work-queue retention and file storage when missing).", Required = true };
        var inputSubject = new Option<string>("--input-subject") { Description = "The subject events arrive on (captured by --stream).", Required = true };
        var outputSubject = new Option<string>("--output-subject") { Description = "The subject results are published on; when no stream captures it, a stream STREAM_RESULTS is created for it.", Required = true };
        var consumer = new Option<string>("--consumer") { Description = "The durable pull consumer the workers of a group share.", Required = true };
        var batch = new Option<int>("--batch") { Description = "Most messages fetched and classified at once.", DefaultValueFactory = _ => new WorkerOptions { OutputSubject = "" }.BatchSize };
        var maxAckPending = new Option<int>("--max-ack-pending")
        {
            Description = "Most messages the whole group holds unacknowledged: the server stops delivering beyond it (back-pressure).",
            DefaultValueFactory = _ => Topology("", "", "", "").MaxAckPending,
        };
        var ackWait = new Option<double>("--ack-wait")
        {
            Description = "Seconds an unacknowledged message waits before the server redelivers it (to any worker).",
            DefaultValueFactory = _ => Topology("", "", "", "").AckWait.TotalSeconds,
        };
        var statsEvery = new Option<double>("--stats-interval") { Description = "Seconds between stats lines on standard error (0: none).", DefaultValueFactory = _ => 10 };
        var command = new Command("serve", "Classify events from a NATS JetStream stream as one worker of a consumer group; results go to an output subject.");
        foreach (Option o in new Option[] { url, stream, inputSubject, outputSubject, consumer, batch, maxAckPending, ackWait, statsEvery })
            command.Options.Add(o);
        classification.AddTo(command);
        command.SetAction(parsed =>
        {
            StreamTopologyOptions topology = Topology(parsed.GetValue(stream)!, parsed.GetValue(inputSubject)!, parsed.GetValue(outputSubject)!, parsed.GetValue(consumer)!) with
            {
                MaxAckPending = parsed.GetValue(maxAckPending),
                AckWait = TimeSpan.FromSeconds(parsed.GetValue(ackWait)),
            };
            var worker = new WorkerOptions { OutputSubject = topology.OutputSubject, BatchSize = parsed.GetValue(batch) };
            if (worker.BatchSize is < 1 or > WorkerOptions.MaxBatchSize) throw new CliException($"--batch must be in [1, {WorkerOptions.MaxBatchSize}].");
            if (topology.MaxAckPending < worker.BatchSize) throw new CliException("--max-ack-pending must be ≥ --batch: a fetch can never hold more than the consumer lets out.");
            if (!(topology.AckWait.TotalSeconds >= 1)) throw new CliException("--ack-wait must be ≥ 1 second.");
            double stats = parsed.GetValue(statsEvery);
            if (!(stats >= 0)) throw new CliException("--stats-interval must be ≥ 0.");
            var classifier = new TelemetryPayloadClassifier(classification.Resolve(parsed));
            return RunAsync(parsed.GetValue(url)!, topology, worker, classifier, stats, parsed.InvocationConfiguration.Error).GetAwaiter().GetResult();
        });
        return command;
    }

    private static StreamTopologyOptions Topology(string stream, string input, string output, string consumer) =>
        new() { StreamName = stream, InputSubject = input, OutputSubject = output, ConsumerName = consumer };

    private static async Task<int> RunAsync(string url, StreamTopologyOptions topology, WorkerOptions options, IPayloadClassifier classifier,
                                            double statsSeconds, TextWriter log)
    {
        using var stop = new CancellationTokenSource();
        // SIGTERM (a service manager) and SIGINT (Ctrl+C): stop fetching, finish the batch in hand, exit 0.
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Drain);
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Drain);

        await using var connection = new NatsConnection(new NatsOpts
        {
            Url = url,
            Name = "attack-classifier serve",
            // Connection loss: reconnect forever, waiting 100 ms doubling to 5 s (plus jitter) between attempts.
            MaxReconnectRetry = -1,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(100),
            ReconnectWaitMax = TimeSpan.FromSeconds(5),
        });
        INatsJSConsumer consumer;
        var js = new NatsJSContext(connection);
        try
        {
            await connection.ConnectAsync().ConfigureAwait(false);
            consumer = await JetStreamTopology.EnsureAsync(js, topology, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NatsException or TimeoutException)
        {
            throw new CliException($"--nats {url}: {e.Message}");
        }
        var worker = new ClassificationWorker(js, consumer, classifier, options with { Log = message => log.WriteLine($"serve: {message}") });
        log.WriteLine($"serve: consumer {topology.ConsumerName} on {topology.StreamName} ({topology.InputSubject} → {topology.OutputSubject}), batch {options.BatchSize}, max ack pending {topology.MaxAckPending}");
        Task run = worker.RunAsync(stop.Token);
        if (statsSeconds > 0)
        {
            WorkerStatsSnapshot previous = worker.Stats.Snapshot();
            while (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(statsSeconds))).ConfigureAwait(false) != run)
            {
                log.WriteLine($"serve: {worker.Stats.Line(previous)}");
                previous = worker.Stats.Snapshot();
            }
        }
        await run.ConfigureAwait(false);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"serve: stopped after {worker.Stats.Elapsed.TotalSeconds:F1} s: {worker.Stats.Line()}"));
        return 0;

        void Drain(PosixSignalContext context)
        {
            context.Cancel = true;   // no default termination: the worker drains, then RunAsync returns 0
            stop.Cancel();
        }
    }
}
