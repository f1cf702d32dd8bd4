using System.CommandLine;
using System.Text;
using AttackClassifier.Cli;
using AttackClassifier.Cli.Commands;
using AttackClassifier.Cli.Serve;
using AttackClassifier.Streaming;

namespace AttackClassifier.StreamingTests;

/// <summary><c>serve</c>'s payload classifier writes, for each message, the bytes <c>predict</c> writes for that line: one
/// reader, one classifier, one writer for both commands.</summary>
public sealed class TelemetryPayloadClassifierTests
{
    private static readonly string[] Options = ["--input-format", "ecs", "--format", "ecs", "--model", "builtin:linux", "--top", "2"];

    [Fact]
    public void A_batch_of_messages_gives_what_predict_writes_for_each_line_and_an_undecodable_one_an_error_record()
    {
        byte[][] payloads = [StreamRig.EcsEvent(1), StreamRig.EcsEvent(4), StreamRig.Poison, "{\"process\":{\"pid\":3}}"u8.ToArray(), [], StreamRig.EcsEvent(7)];

        var outputs = new List<ClassifiedOutput>();
        Classifier().Classify(payloads.Select(p => (ReadOnlyMemory<byte>)p).ToArray(), outputs);

        Assert.Equal(Enumerable.Range(0, payloads.Length), outputs.Select(o => o.Input));   // one record per message, in order
        for (int i = 0; i < payloads.Length; i++)
        {
            string body = Encoding.UTF8.GetString(outputs[i].Body.Span);
            if (payloads[i].Length == 0)
            {
                Assert.True(outputs[i].IsError);
                Assert.Contains("\"error\":\"empty message\"", body, StringComparison.Ordinal);
                continue;
            }
            Assert.Equal(Predict(payloads[i]), body);
            Assert.Equal(i is 2 or 3, outputs[i].IsError);   // broken JSON; an event without a command
        }
    }

    private static TelemetryPayloadClassifier Classifier()
    {
        var classification = new ClassificationOptions(["jsonl", "ecs"], "format");
        var command = new Command("serve");
        classification.AddTo(command);
        ParseResult parsed = command.Parse(Options);
        Assert.Empty(parsed.Errors);
        return new TelemetryPayloadClassifier(classification.Resolve(parsed));
    }

    // predict on the single line, its output line without the LF. Invalid UTF-8 is passed as the same U+FFFD text the
    // byte path would decode it to.
    private static string Predict(byte[] line)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CliApp.Run(["predict", .. Options], new StringReader(Encoding.UTF8.GetString(line)), output, error);
        Assert.Equal(0, exit);
        return output.ToString().TrimEnd('\n');
    }
}
