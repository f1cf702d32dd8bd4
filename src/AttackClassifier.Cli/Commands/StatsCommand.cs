using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AttackClassifier.Data;

namespace AttackClassifier.Cli.Commands;

/// <summary><c>attack-classifier stats</c>: the study's exploratory view of a dataset, before and after consolidation and rare grouping.</summary>
internal static class StatsCommand
{
    internal static Command Create()
    {
        var data = new DataOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables." };
        var command = new Command("stats", "Rows, unique commands, classes and per-class rows and observation share, before and after consolidation and rare grouping.");
        data.AddTo(command);
        command.Options.Add(json);
        command.SetAction(parsed =>
        {
            var (raw, prepared) = data.Load(parsed);
            var consolidated = raw.Consolidate();
            var stages = new List<(string Name, CommandDataset Data)> { ("raw", raw), ("consolidated", consolidated) };
            if (parsed.GetValue(data.MinRows) > 0 || parsed.GetValue(data.MinShare) > 0)
                stages.Add(("rare_grouped", prepared));
            TextWriter output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json)) WriteJson(output, parsed.GetValue(data.Data)!, raw.SkippedRows, stages);
            else WriteText(output, parsed.GetValue(data.Data)!, raw.SkippedRows, stages);
            return 0;
        });
        return command;
    }

    private static void WriteJson(TextWriter output, string file, long skipped, List<(string Name, CommandDataset Data)> stages) =>
        JsonOutput.WriteLine(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("file", file);
            w.WriteNumber("skipped_rows", skipped);
            w.WriteStartArray("stages");
            foreach (var (name, data) in stages)
            {
                w.WriteStartObject();
                w.WriteString("stage", name);
                w.WriteNumber("rows", data.Count);
                w.WriteNumber("unique_commands", data.UniqueCommandLines);
                w.WriteNumber("classes", data.Labels().Count);
                w.WriteNumber("observations", data.TotalObservations);
                w.WriteStartArray("per_class");
                foreach (ClassSize c in data.ClassSizes())
                {
                    w.WriteStartObject();
                    w.WriteString("label", c.Label);
                    w.WriteNumber("rows", c.Rows);
                    w.WriteNumber("observations", c.Observations);
                    w.WriteNumber("observation_share", c.ObservationShare);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void WriteText(TextWriter output, string file, long skipped, List<(string Name, CommandDataset Data)> stages)
    {
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine(file);
        if (skipped > 0) output.WriteLine($"skipped rows (empty fields): {skipped}");
        output.WriteLine();
        output.WriteLine($"{"",-22}{string.Concat(stages.Select(s => $"{s.Name,16}"))}");
        output.WriteLine($"{"rows",-22}{string.Concat(stages.Select(s => $"{s.Data.Count,16}"))}");
        output.WriteLine($"{"unique commands",-22}{string.Concat(stages.Select(s => $"{s.Data.UniqueCommandLines,16}"))}");
        output.WriteLine($"{"classes",-22}{string.Concat(stages.Select(s => $"{s.Data.Labels().Count,16}"))}");
        output.WriteLine($"{"observations",-22}{string.Concat(stages.Select(s => s.Data.TotalObservations.ToString("G", ci).PadLeft(16)))}");
        var (lastName, last) = stages[^1];
        IReadOnlyList<ClassSize> sizes = last.ClassSizes();
        int width = Math.Max(5, sizes.Max(c => c.Label.Length));
        output.WriteLine();
        output.WriteLine($"per class ({lastName}):");
        output.WriteLine($"{"class".PadRight(width)}  {"rows",7}  {"rows %",7}  {"observations",14}  {"obs %",7}");
        foreach (ClassSize c in sizes)
            output.WriteLine(string.Create(ci, $"{c.Label.PadRight(width)}  {c.Rows,7}  {100.0 * c.Rows / last.Count,7:F2}  {c.Observations,14:G}  {100 * c.ObservationShare,7:F2}"));
    }
}
