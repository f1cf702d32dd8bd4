using System.Text;
using System.Text.Json;
using AttackClassifier.Benchmarks.Corpus;
using AttackClassifier.Data;
using AttackClassifier.Randomness;

namespace AttackClassifier.Benchmarks.Telemetry;

/// <summary>
/// Seeded process-start events in the shape Elastic Endpoint writes (ECS: <c>@timestamp</c>, <c>agent</c>, <c>event</c>,
/// <c>host</c>, <c>process</c> with <c>args</c>, <c>command_line</c> and <c>parent</c>, <c>user</c>; about 600 bytes each),
/// one JSON object per line, with the command lines of <see cref="SyntheticCorpus"/>. The same count and seed give the
/// same bytes, so every benchmark run and the CLI timing read identical input.
/// </summary>
internal static class EcsEventCorpus
{
    /// <summary><paramref name="count"/> command lines (one line each: any line break in a source row becomes a space).</summary>
    internal static string[] Commands(int count, ulong seed = 42) =>
        SyntheticCorpus.Generate(count, seed).Records.Select(r => r.CommandLine.ReplaceLineEndings(" ")).ToArray();

    /// <summary>
    /// <paramref name="count"/> command lines as a sensor would observe them: drawn with replacement from a
    /// <see cref="SyntheticCorpus"/> of <paramref name="distinct"/> rows, each in proportion to its count (the corpus's counts
    /// are occurrences, heavy-tailed), so lines repeat as in telemetry — a few thousands of times for the most frequent, most
    /// once. Seeded: the same arguments give the same lines.
    /// </summary>
    internal static string[] ObservedCommands(int count, int distinct = 20_000, ulong seed = 42)
    {
        CommandRecord[] rows = SyntheticCorpus.Generate(distinct, seed).Records.ToArray();
        var cumulative = new double[rows.Length];
        double total = 0;
        for (int i = 0; i < rows.Length; i++) cumulative[i] = total += rows[i].Count;
        var rng = new SeededRandom(seed + 1);
        var lines = new string[count];
        for (int n = 0; n < count; n++)
        {
            int at = Array.BinarySearch(cumulative, rng.NextDouble() * total);
            lines[n] = rows[at < 0 ? Math.Min(~at, rows.Length - 1) : at].CommandLine.ReplaceLineEndings(" ");
        }
        return lines;
    }

    /// <summary>The commands as plain input: one per line, UTF-8.</summary>
    internal static byte[] PlainLines(IReadOnlyList<string> commands) => Encoding.UTF8.GetBytes(string.Join('\n', commands) + "\n");

    /// <summary>One ECS event per command, as JSON Lines in UTF-8.</summary>
    internal static byte[] EcsLines(IReadOnlyList<string> commands)
    {
        using var stream = new MemoryStream();
        Write(stream, commands);
        return stream.ToArray();
    }

    /// <summary>Writes one ECS event per command to <paramref name="output"/>.</summary>
    internal static void Write(Stream output, IReadOnlyList<string> commands)
    {
        var start = new DateTime(2024, 3, 14, 9, 0, 0, DateTimeKind.Utc);
        using var json = new Utf8JsonWriter(output);
        for (int i = 0; i < commands.Count; i++)
        {
            string command = commands[i];
            string[] args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string name = args.Length > 0 ? Path.GetFileName(args[0]) : "";
            json.WriteStartObject();
            json.WriteString("@timestamp", start.AddMilliseconds(137.0 * i));
            json.WriteStartObject("agent");
            json.WriteString("type", "endpoint");
            json.WriteString("version", "8.12.2");
            json.WriteEndObject();
            json.WriteStartObject("event");
            json.WriteString("id", $"bench-{i:D8}");
            json.WriteString("kind", "event");
            json.WriteStartArray("category");
            json.WriteStringValue("process");
            json.WriteEndArray();
            json.WriteStartArray("type");
            json.WriteStringValue("start");
            json.WriteEndArray();
            json.WriteString("action", "exec");
            json.WriteString("module", "endpoint");
            json.WriteEndObject();
            json.WriteStartObject("host");
            json.WriteString("name", $"web-{i % 16:D2}");
            json.WriteStartObject("os");
            json.WriteString("type", "linux");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("process");
            json.WriteNumber("pid", 20_000 + i % 40_000);
            json.WriteString("name", name);
            json.WriteString("executable", "/usr/bin/" + name);
            json.WriteString("working_directory", "/root");
            json.WriteStartArray("args");
            foreach (string a in args) json.WriteStringValue(a);
            json.WriteEndArray();
            json.WriteString("command_line", command);
            json.WriteStartObject("parent");
            json.WriteNumber("pid", 10_000 + i % 40_000);
            json.WriteString("name", "bash");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("user");
            json.WriteString("name", "root");
            json.WriteString("id", "0");
            json.WriteEndObject();
            json.WriteEndObject();
            json.Flush();
            output.WriteByte((byte)'\n');
            json.Reset();
        }
    }
}
