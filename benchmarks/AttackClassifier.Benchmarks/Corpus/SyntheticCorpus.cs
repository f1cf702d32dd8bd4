using System.Text;
using AttackClassifier.Data;
using AttackClassifier.Randomness;

namespace AttackClassifier.Benchmarks.Corpus;

/// <summary>
/// A seeded corpus of realistic command lines of any size, for training-cost benchmarks: rows resampled from a
/// labelled CSV (by default the project's <c>data/commands.csv</c>; set <c>ATTACK_BENCH_DATA</c> to use another file,
/// e.g. an Atomic Red Team export) with light perturbation — IPv4 octets, numbers and file names redrawn, an occasional
/// extra flag or path argument — so the vocabulary grows with size as real telemetry does. Labels are kept; counts are
/// drawn from a heavy-tailed distribution (most rows seen once, a few thousands of times), like CasinoLimit's.
/// </summary>
internal static class SyntheticCorpus
{
    private static readonly string[] Words = ["tmp", "backup", "www", "data", "cache", "logs", "run", "opt", "share", "home", "srv", "conf", "keys", "db", "dump", "out"];
    private static readonly string[] Flags = ["-v", "-a", "-l", "-r", "-f", "--quiet", "--force", "-n", "-p", "--color=auto", "-x", "-h"];

    /// <summary>The source file: <c>ATTACK_BENCH_DATA</c> if set, else <c>data/commands.csv</c> found beside the binaries or above them.</summary>
    internal static string SourcePath
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable("ATTACK_BENCH_DATA");
            if (!string.IsNullOrEmpty(configured)) return configured;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data", "commands.csv");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("data/commands.csv not found beside or above the benchmark binaries; set ATTACK_BENCH_DATA.");
        }
    }

    /// <summary><paramref name="rows"/> rows generated from the source file with <paramref name="seed"/>; the same arguments give the same rows.</summary>
    internal static CommandDataset Generate(int rows, ulong seed = 42)
    {
        CommandRecord[] source = CommandDataset.Load(SourcePath).Consolidate().Records.ToArray();
        var rng = new SeededRandom(seed);
        var result = new CommandRecord[rows];
        var text = new StringBuilder();
        for (int n = 0; n < rows; n++)
        {
            CommandRecord template = source[rng.NextInt(source.Length)];
            string command = n < source.Length ? template.CommandLine : Perturb(template.CommandLine, rng, text);
            // Heavy tail: P(count ≥ c) ≈ 1/c, capped at 10,000.
            double count = Math.Min(10_000, Math.Floor(1.0 / (1.0 - rng.NextDouble())));
            result[n] = template with { CommandLine = command, Count = count };
        }
        return new CommandDataset(result);
    }

    private static string Perturb(string command, SeededRandom rng, StringBuilder text)
    {
        text.Clear();
        foreach (char c in command)
        {
            // Redraw digits a third of the time: new IPs, ports, PIDs and numbered files.
            if (char.IsAsciiDigit(c) && rng.NextInt(3) == 0) text.Append((char)('0' + rng.NextInt(10)));
            else text.Append(c);
        }
        switch (rng.NextInt(4))
        {
            case 0: text.Append(' ').Append(Flags[rng.NextInt(Flags.Length)]); break;
            case 1: text.Append(" /").Append(Words[rng.NextInt(Words.Length)]).Append('/').Append(Words[rng.NextInt(Words.Length)]).Append(rng.NextInt(1000)); break;
            case 2: text.Append(' ').Append(Words[rng.NextInt(Words.Length)]).Append('_').Append(rng.NextInt(100)).Append(".txt"); break;
        }
        return text.ToString();
    }
}
