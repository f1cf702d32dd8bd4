using System.Text.Json;
using NATS.Client.Core;

namespace AttackClassifier.StreamingTests;

/// <summary>
/// <c>attack-classifier serve</c> as a consumer group against a real JetStream server: every input appears exactly once on
/// the output (by <c>Nats-Msg-Id</c> = input stream sequence) whatever happens to a worker or to the server, a poison
/// message becomes an error record without blocking the stream, and a drained shutdown leaves nothing pending.
/// Each test is bounded: waits time out, and every process it started is killed when it ends.
/// </summary>
public sealed class WorkerGroupTests
{
    private const int Events = 20_000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Two_workers_classify_every_event_exactly_once_and_a_poison_message_becomes_an_error_record()
    {
        await using StreamRig rig = await StreamRig.StartAsync();
        int poisonAt = new Random(15).Next(100, Events - 100);
        await rig.PublishEventsAsync(0, Events, poisonAt);
        WorkerProcess a = rig.StartWorker(), b = rig.StartWorker();
        await rig.WaitForOutputsAsync(Events, Bound);

        await AssertExactlyOnceAsync(rig, poisonAt);
        await AssertDrainsAsync(rig, a, b);
        Assert.Contains("processed", a.Stderr);   // the periodic stats line
        Assert.Contains("serve: stopped after", b.Stderr);   // the final summary
    }

    [Fact]
    public async Task A_worker_killed_mid_run_and_restarted_loses_and_duplicates_nothing()
    {
        await using StreamRig rig = await StreamRig.StartAsync();
        await rig.PublishEventsAsync(0, Events);
        WorkerProcess a = rig.StartWorker(), b = rig.StartWorker();
        int killAfter = new Random().Next(1_000, Events - 5_000);   // a random point: any batch state must be safe
        await rig.WaitForOutputsAsync(killAfter, Bound);
        a.KillHard();
        WorkerProcess restarted = rig.StartWorker();
        await rig.WaitForOutputsAsync(Events, Bound);

        await AssertExactlyOnceAsync(rig, poisonAt: -1);
        await AssertDrainsAsync(rig, b, restarted);
    }

    [Fact]
    public async Task A_server_restart_mid_run_loses_and_duplicates_nothing()
    {
        await using StreamRig rig = await StreamRig.StartAsync();
        await rig.PublishEventsAsync(0, Events);
        WorkerProcess a = rig.StartWorker(), b = rig.StartWorker();
        int restartAfter = new Random().Next(1_000, Events - 5_000);
        await rig.WaitForOutputsAsync(restartAfter, Bound);
        rig.Server.Kill();   // SIGKILL: the file store must hold everything acknowledged so far
        await Task.Delay(500);
        rig.Server.Start();
        await rig.WaitForOutputsAsync(Events, Bound);

        Assert.False(a.HasExited || b.HasExited, $"a worker exited across the restart:\n{a.Stderr}\n---\n{b.Stderr}");   // reconnected, not crashed
        await AssertExactlyOnceAsync(rig, poisonAt: -1);
        await AssertDrainsAsync(rig, a, b);
    }

    // Every input sequence 1..Events is on the output exactly once, with the input's identity carried.
    private static async Task AssertExactlyOnceAsync(StreamRig rig, int poisonAt)
    {
        await Task.Delay(1_000);   // a late duplicate, if one were stored, would show in the count
        var outputs = await rig.ReadOutputsAsync();
        var ids = outputs.Select(o => o.Id).ToHashSet();
        string repeated = string.Join(", ", outputs.GroupBy(o => o.Id).Where(g => g.Count() > 1).Take(10).Select(g => $"{g.Key}×{g.Count()}"));
        Assert.True(outputs.Count == Events && ids.Count == Events,
            $"{outputs.Count} outputs, {ids.Count} distinct ids for {Events} inputs; repeated: {repeated}");
        for (int seq = 1; seq <= Events; seq++) Assert.Contains(seq.ToString(System.Globalization.CultureInfo.InvariantCulture), ids);

        foreach ((string id, NatsHeaders headers, string body) in outputs)
        {
            int i = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) - 1;   // events were published in order from seq 1
            Assert.True(headers.TryGetLastValue("Attack-Input-Seq", out string? seq) && seq == id, $"output {id}: input sequence header");
            using JsonDocument doc = JsonDocument.Parse(body);
            JsonElement classifier = doc.RootElement.GetProperty("attack_classifier");
            if (i == poisonAt)
            {
                Assert.True(classifier.TryGetProperty("error", out _), $"the poison message's output is an error record: {body}");
                Assert.True(headers.ContainsKey("Attack-Error"));
            }
            else
            {
                Assert.False(classifier.TryGetProperty("error", out _), body);
                Assert.True(classifier.TryGetProperty("label", out _), body);
                Assert.Equal($"ev-{i}", doc.RootElement.GetProperty("event").GetProperty("id").GetString());   // --keep event.id
                Assert.True(headers.TryGetLastValue("Attack-Event-Id", out string? eventId) && eventId == $"ev-{i}", $"output {id}: event id header");
            }
        }
    }

    // SIGTERM: each worker finishes its batch, exits 0, and the consumer holds nothing undelivered or unacknowledged.
    private static async Task AssertDrainsAsync(StreamRig rig, params WorkerProcess[] workers)
    {
        foreach (WorkerProcess w in workers) Assert.Equal(0, w.Terminate(TimeSpan.FromSeconds(30)));
        (ulong pending, long ackPending) = await rig.ConsumerStateAsync();
        Assert.Equal(0UL, pending);
        Assert.Equal(0L, ackPending);
    }
}
