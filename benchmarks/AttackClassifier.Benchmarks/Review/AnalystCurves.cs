using System.Globalization;
using System.Text;
using System.Xml.Linq;
using AttackClassifier.Data;
using AttackClassifier.Review;
using static AttackClassifier.Cli.Report.Svg;

namespace AttackClassifier.Benchmarks.Review;

/// <summary>
/// The full simulated-analyst study behind benchmarks/README.md's "Analyst in the loop": every strategy, several seeds, on
/// the public Atomic Red Team Linux file; writes the per-round results (CSV), the curves (SVG) and a summary (Markdown),
/// all regenerable with <c>dotnet run -c Release --project benchmarks/AttackClassifier.Benchmarks -- analyst-curves</c>.
/// </summary>
internal static class AnalystCurves
{
    internal static readonly SelectionStrategy[] Strategies = [SelectionStrategy.Random, SelectionStrategy.Margin, SelectionStrategy.Entropy, SelectionStrategy.LeastConfident];

    /// <summary>The public ART Linux file as the benchmarks copy it next to themselves.</summary>
    internal static string DataPath => Path.Combine(AppContext.BaseDirectory, "data", "atomic-linux.csv");

    internal sealed record Result(SelectionStrategy Strategy, int Seed, AnalystRound Round);

    internal static int Run(string[] args)
    {
        int seeds = 5, rounds = 12;
        string outDir = "benchmarks";
        bool diversity = false, cold = true;
        var warm = new AttackClassifier.Classification.WarmStartOptions();
        SelectionStrategy[] strategies = Strategies;
        for (int i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--seeds": seeds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": outDir = args[++i]; break;
                case "--diversity": diversity = true; break;
                case "--no-cold": cold = false; break;
                case "--warm-max-iter": warm = warm with { Classifier = warm.Classifier with { MaxIterations = int.Parse(args[++i], CultureInfo.InvariantCulture) } }; break;
                case "--warm-ftol": warm = warm with { Classifier = warm.Classifier with { RelativeDecreaseTolerance = double.Parse(args[++i], CultureInfo.InvariantCulture) } }; break;
                case "--strategies": strategies = args[++i].Split(',').Select(x => Enum.Parse<SelectionStrategy>(x, ignoreCase: true)).ToArray(); break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}; use [--seeds N] [--rounds N] [--diversity] [--no-cold] [--strategies a,b] [--warm-max-iter N] [--warm-ftol X] [--out DIR]"); return 2;
            }
        CommandDataset data = CommandDataset.Load(DataPath).Consolidate();
        var options = new AnalystSimulationOptions { Rounds = rounds, Diversity = diversity, CompareColdFit = cold, WarmStart = warm };
        var results = new List<Result>();
        foreach (SelectionStrategy strategy in strategies)
            for (int seed = 1; seed <= seeds; seed++)
            {
                // Random is the baseline: plain random sampling, the only strategy that also fits cold (for the time ratio).
                AnalystSimulationOptions run = strategy == SelectionStrategy.Random ? options with { Diversity = false } : options with { CompareColdFit = false };
                foreach (AnalystRound r in AnalystSimulation.Run(data, strategy, run, seed))
                    results.Add(new Result(strategy, seed, r));
                AnalystRound last = results[^1].Round;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{strategy} seed {seed}: macro F1 {results.First(x => x.Strategy == strategy && x.Seed == seed).Round.MacroF1:F3} → {last.MacroF1:F3} after {last.LabelsGiven} labels"));
            }
        Directory.CreateDirectory(outDir);
        string suffix = (diversity ? "-diversity" : "") + (rounds != 12 ? $"-{rounds}-rounds" : "");
        File.WriteAllText(Path.Combine(outDir, $"analyst-results{suffix}.csv"), Csv(results));
        string summary = Summary(results, data.Count, options);
        File.WriteAllText(Path.Combine(outDir, $"analyst-summary{suffix}.md"), summary);
        var settings = new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), Indent = true };
        using (var svg = System.Xml.XmlWriter.Create(Path.Combine(outDir, $"analyst-curves{suffix}.svg"), settings))
            new XDocument(Chart(results, summary.Split('\n')[0], $"{rounds} rounds{(diversity ? ", --diversity" : "")}")).Save(svg);
        Console.WriteLine(summary);
        return 0;
    }

    internal static string Csv(IEnumerable<Result> results)
    {
        var ci = CultureInfo.InvariantCulture;
        var s = new StringBuilder("strategy,seed,round,labels,pool_left,macro_f1,fit_seconds,iterations,cold_macro_f1,cold_fit_seconds,cold_iterations\n");
        foreach (var (strategy, seed, r) in results)
            s.Append(ci, $"{strategy},{seed},{r.Round},{r.LabelsGiven},{r.PoolLeft},{r.MacroF1:F4},{r.FitSeconds:F3},{r.Iterations},{r.ColdMacroF1:F4},{r.ColdFitSeconds:F3},{r.ColdIterations}\n");
        return s.ToString();
    }

    /// <summary>Mean macro F1 per strategy and round over the seeds.</summary>
    internal static Dictionary<SelectionStrategy, (int Labels, double MacroF1)[]> MeanCurves(IReadOnlyList<Result> results) =>
        results.GroupBy(r => r.Strategy).ToDictionary(g => g.Key, g => g.GroupBy(r => r.Round.Round).OrderBy(r => r.Key)
            .Select(r => (r.First().Round.LabelsGiven, r.Average(x => x.Round.MacroF1))).ToArray());

    /// <summary>
    /// The two measured goals. Labels: the first round at which a strategy's mean macro F1 reaches random's final mean macro F1,
    /// as a share of random's labels (rounds' labels only; the seed set is common to all). Time: mean warm-start fit time over
    /// mean cold fit time of the same rounds (random strategy, which fits both), beside both fits' mean held-out macro F1.
    /// </summary>
    internal static string Summary(IReadOnlyList<Result> results, int rows, AnalystSimulationOptions options)
    {
        var ci = CultureInfo.InvariantCulture;
        var curves = MeanCurves(results);
        var (randomLabels, randomFinal) = curves[SelectionStrategy.Random][^1];
        var s = new StringBuilder();
        var needed = new List<(SelectionStrategy Strategy, int? Labels)>();
        foreach (SelectionStrategy strategy in Strategies.Where(curves.ContainsKey))
        {
            var curve = curves[strategy];
            int? labels = curve.Where(p => p.MacroF1 >= randomFinal).Select(p => (int?)p.Labels).FirstOrDefault();
            needed.Add((strategy, labels));
        }
        var best = needed.Where(n => n.Strategy != SelectionStrategy.Random && n.Labels is not null).OrderBy(n => n.Labels).FirstOrDefault();
        int seeds = results.Select(r => r.Seed).Distinct().Count();
        var timed = results.Where(r => r.Strategy == SelectionStrategy.Random && r.Round.Round > 0).ToArray();
        double warm = timed.Average(r => r.Round.FitSeconds), cold = timed.Average(r => r.Round.ColdFitSeconds);
        double warmF1 = timed.Where(r => r.Round.Round == options.Rounds).Average(r => r.Round.MacroF1);
        double coldF1 = timed.Where(r => r.Round.Round == options.Rounds).Average(r => r.Round.ColdMacroF1);
        s.Append(ci, $"Best strategy {best.Strategy} reaches random's final macro F1 ({randomFinal:F3} after {randomLabels} labels) with {best.Labels?.ToString(ci) ?? "—"} labels ({(best.Labels is int b ? (double)b / randomLabels : double.NaN):P0}){(double.IsNaN(cold) ? "" : string.Create(ci, $"; warm start costs {warm / cold:F2} of a cold fit"))}.\n\n");
        s.Append(ci, $"{rows} rows of atomic-linux.csv (consolidated): {options.HeldOutFraction:P0} held out, {options.SeedFraction:P0} seed set, the rest the pool; {options.Rounds} rounds of {options.LabelsPerRound} labels; {seeds} seeds; diversity {(options.Diversity ? "on (not for the random baseline)" : "off")}.\n\n");
        s.Append("| strategy | mean macro F1, seed model | after " + (options.Rounds * options.LabelsPerRound / 2).ToString(ci) + " labels | final | labels to reach random's final |\n|---|---|---|---|---|\n");
        foreach (var (strategy, labels) in needed)
        {
            var curve = curves[strategy];
            s.Append(ci, $"| {strategy} | {curve[0].MacroF1:F3} | {curve[Math.Min(curve.Length - 1, options.Rounds / 2)].MacroF1:F3} | {curve[^1].MacroF1:F3} | {(labels is int l ? $"{l} ({(double)l / randomLabels:P0})" : "not reached")} |\n");
        }
        if (double.IsNaN(cold))
            s.Append(ci, $"\nRetraining per round (random strategy, {timed.Length} rounds): warm start {warm:F2} s, {timed.Average(r => r.Round.Iterations):F0} L-BFGS iterations (no cold fits in this run).\n");
        else
            s.Append(ci, $"\nRetraining per round (random strategy, {timed.Length} rounds): warm start {warm:F2} s, {timed.Average(r => r.Round.Iterations):F0} L-BFGS iterations; cold fit {cold:F2} s, {timed.Average(r => r.Round.ColdIterations):F0} iterations; ratio {warm / cold:F2}. Held-out macro F1 after the last round: warm {warmF1:F3}, cold {coldF1:F3}; warm − cold over every round and seed: mean {timed.Average(r => r.Round.MacroF1 - r.Round.ColdMacroF1):+0.000;-0.000}, worst {timed.Min(r => r.Round.MacroF1 - r.Round.ColdMacroF1):+0.000;-0.000}.\n");
        return s.ToString();
    }

    /// <summary>Mean held-out macro F1 against labels given, one line per strategy, a dot per seed and round.</summary>
    internal static XElement Chart(IReadOnlyList<Result> results, string headline, string setting)
    {
        const double left = 60, top = 50, plotWidth = 520, plotHeight = 300;
        var curves = MeanCurves(results);
        int maxLabels = Math.Max(1, results.Max(r => r.Round.LabelsGiven));
        double lo = Math.Floor(results.Min(r => r.Round.MacroF1) * 10) / 10, hi = Math.Ceiling(results.Max(r => r.Round.MacroF1) * 10) / 10;
        if (hi <= lo) hi = lo + 0.1;
        double X(double labels) => left + plotWidth * labels / maxLabels;
        double Y(double f1) => top + plotHeight * (1 - (f1 - lo) / (hi - lo));
        var ci = CultureInfo.InvariantCulture;
        var content = new List<XElement> { TextAt(left, 22, $"Simulated analyst, {setting}: held-out macro F1", size: 14, weight: "bold") };
        for (double t = lo; t <= hi + 1e-9; t += 0.05)
        {
            content.Add(Line(left, Y(t), left + plotWidth, Y(t), "#e5e5e5"));
            content.Add(TextAt(left - 6, Y(t) + 4, t.ToString("F2", ci), "end", size: 10));
        }
        int step = maxLabels <= 120 ? 20 : 40;
        for (int l = 0; l <= maxLabels; l += step)
            content.Add(TextAt(X(l), top + plotHeight + 16, l.ToString(ci), "middle", size: 10));
        content.Add(Line(left, top, left, top + plotHeight, "#444444"));
        content.Add(Line(left, top + plotHeight, left + plotWidth, top + plotHeight, "#444444"));
        content.Add(TextAt(left + plotWidth / 2, top + plotHeight + 36, "labels given by the analyst (after the 10 % seed set)", "middle", weight: "bold"));
        content.Add(TextAt(16, top + plotHeight / 2, "macro F1, held out", "middle", rotate: -90, weight: "bold"));
        double randomFinal = curves[SelectionStrategy.Random][^1].MacroF1;
        content.Add(Line(left, Y(randomFinal), left + plotWidth, Y(randomFinal), "#7f7f7f", 1, "4 4"));
        content.Add(TextAt(left + plotWidth - 4, Y(randomFinal) - 4, "random's final", "end", size: 10));
        double legendX = left + plotWidth + 20;
        for (int i = 0; i < Strategies.Length; i++)
        {
            SelectionStrategy strategy = Strategies[i];
            if (!curves.ContainsKey(strategy)) continue;
            string colour = Palette[i];
            foreach (Result r in results.Where(r => r.Strategy == strategy))
                content.Add(E("circle", A("cx", X(r.Round.LabelsGiven)), A("cy", Y(r.Round.MacroF1)), A("r", 1.6), A("fill", colour), A("fill-opacity", 0.35),
                              E("title", string.Create(ci, $"{strategy}, seed {r.Seed}, {r.Round.LabelsGiven} labels: macro F1 {r.Round.MacroF1:F3}"))).Mark("point"));
            content.Add(E("polyline", A("fill", "none"), A("stroke", colour), A("stroke-width", 2),
                          A("points", string.Join(" ", curves[strategy].Select(p => $"{Num(X(p.Labels))},{Num(Y(p.MacroF1))}")))));
            content.Add(Line(legendX, top + 10 + 20 * i, legendX + 24, top + 10 + 20 * i, colour, 2));
            content.Add(TextAt(legendX + 30, top + 14 + 20 * i, strategy.ToString(), size: 10));
        }
        double width = legendX + 130, height = top + plotHeight + 50;
        return Root(width, height, "Held-out macro F1 per label given, by selection strategy", headline, content);
    }
}
