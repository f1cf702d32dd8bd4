using System.Xml.Linq;
using AttackClassifier.Cli.Report;
using AttackClassifier.Data;

namespace AttackClassifier.Tests.Report;

public class CostGrowthTests
{
    private static readonly XNamespace S = Svg.Ns;

    [Fact]
    public void Slope_is_the_least_squares_exponent_of_rows()
    {
        // y = 3·x exactly: slope 1; y = 5·x²: slope 2.
        Assert.Equal(1.0, CostGrowth.Slope([(100, 300), (1_000, 3_000), (10_000, 30_000)]), 12);
        Assert.Equal(2.0, CostGrowth.Slope([(10, 500), (1_000, 5_000_000)]), 12);
        // By hand: u = 1, 2, 3 (ū = 2), v = log 2, log 8, log 16; b = ((−1)·log 2 + 0 + 1·log 16) / ((−1)² + 0 + 1²) = log 8 / 2 = 1.5 log 2.
        Assert.Equal(1.5 * Math.Log10(2), CostGrowth.Slope([(10, 2), (100, 8), (1_000, 16)]), 12);
        Assert.Equal(0.4515449935, CostGrowth.Slope([(10, 2), (100, 8), (1_000, 16)]), tolerance: 1e-10);
    }

    [Fact]
    public void Slope_leaves_out_points_without_a_logarithm_and_needs_two_distinct_sizes()
    {
        Assert.Equal(1.0, CostGrowth.Slope([(100, 1), (1_000, 0), (10_000, 100), (0, 5)]), 12);   // (1,000, 0) and (0, 5) left out
        Assert.True(double.IsNaN(CostGrowth.Slope([(100, 1)])));
        Assert.True(double.IsNaN(CostGrowth.Slope([(100, 1), (100, 2)])));
        Assert.True(double.IsNaN(CostGrowth.Slope([])));
    }

    [Theory]
    [InlineData(50, new[] { 50 })]
    [InlineData(100, new[] { 100 })]
    [InlineData(406, new[] { 100, 406 })]
    [InlineData(10_000, new[] { 100, 1_000, 10_000 })]
    [InlineData(10_001, new[] { 100, 1_000, 10_000, 10_001 })]
    [InlineData(2_500_000, new[] { 100, 1_000, 10_000, 100_000, 1_000_000, 2_500_000 })]
    public void Sizes_are_the_powers_of_ten_from_100_below_the_training_rows_then_all_of_them(int trainRows, int[] expected) =>
        Assert.Equal(expected, CostGrowth.Sizes(trainRows));

    private static CommandDataset Rows(int n) =>
        new(Enumerable.Range(0, n).Select(i => new CommandRecord($"cmd {i}", i % 3 == 0 ? "T1" : "T2", 1 + i % 4)));

    [Fact]
    public void Subsamples_are_nested_seeded_and_of_the_asked_sizes()
    {
        CommandDataset train = Rows(250);
        IReadOnlyList<CommandDataset> parts = CostGrowth.NestedSubsamples(train, [100, 200, 250], seed: 7);
        Assert.Equal([100, 200, 250], parts.Select(p => p.Count));
        Assert.Equal(parts[0].Records, parts[1].Records.Take(100));   // each lies inside the next
        Assert.Equal(parts[1].Records, parts[2].Records.Take(200));
        Assert.Equal(train.Records.OrderBy(r => r.CommandLine).ToArray(), parts[2].Records.OrderBy(r => r.CommandLine).ToArray());   // all rows, each once
        Assert.NotEqual(train.Records.Take(100), parts[0].Records);   // shuffled, not the file's first rows
        Assert.Equal(parts[0].Records, CostGrowth.NestedSubsamples(train, [100], seed: 7)[0].Records);   // the seed decides
    }

    [Fact]
    public void Measure_fits_each_model_at_each_size_smallest_first()
    {
        var seen = new List<(string, int)>();
        CostGrowth growth = CostGrowth.Measure(Rows(250),
            [("a", rows => seen.Add(("a", rows.Count))), ("b", rows => seen.Add(("b", rows.Count)))], seed: 1, progress: null);
        Assert.Equal(new[] { ("a", 100), ("a", 250), ("b", 100), ("b", 250) }, seen);
        Assert.Equal(seen, growth.Fits.Select(f => (f.Model, f.Rows)));
        Assert.All(growth.Fits, f => Assert.True(f.Seconds >= 0 && f.PeakMiB >= 0, $"{f}"));
        Assert.Equal(["a", "b"], growth.Models);
        Assert.Contains("Peak memory", growth.MemoryMeasure);
    }

    [Fact]
    public void A_subsample_with_a_single_class_is_skipped_not_fitted()
    {
        // One row of class B among 250: whether the first 100 shuffled rows hold it is the seed's choice; find a seed where they do not.
        var train = new CommandDataset(Enumerable.Range(0, 250).Select(i => new CommandRecord($"cmd {i}", i == 0 ? "B" : "A", 1)));
        int seed = Enumerable.Range(0, 100).First(s => CostGrowth.NestedSubsamples(train, [100], s)[0].Records.All(r => r.Label == "A"));
        var seen = new List<int>();
        CostGrowth growth = CostGrowth.Measure(train, [("a", rows => seen.Add(rows.Count))], seed, progress: null);
        Assert.Equal([250], seen);
        Assert.Equal([250], growth.Fits.Select(f => f.Rows));
    }

    [Fact]
    public void Peak_memory_sees_an_allocation_made_and_dropped_during_the_work()
    {
        const int mib = 64;
        var (seconds, peakMiB, _) = PeakMemory.Measure(() =>
        {
            var block = new byte[mib << 20];
            Array.Fill(block, (byte)1);   // touched, so resident
            GC.KeepAlive(block);
        });
        Assert.True(seconds > 0);
        Assert.True(peakMiB >= 0.75 * mib, $"peak {peakMiB:F1} MiB for a {mib} MiB block");
    }

    private static CostGrowth Growth() => new(
    [
        new CostGrowthFit("lr", 100, 0.1, 10), new CostGrowthFit("lr", 1_000, 1, 100), new CostGrowthFit("lr", 10_000, 10, 1_000),
        new CostGrowthFit("lstm+mask", 100, 0.5, 4), new CostGrowthFit("lstm+mask", 1_000, 5, 0), new CostGrowthFit("lstm+mask", 10_000, 500, 64),
    ], PeakMemory.KernelPeakDescription);

    [Fact]
    public void The_section_is_in_the_report_only_when_measured()
    {
        Comparison off = ReportRenderingTests.SmallComparison(ReportRenderingTests.SmallReport());
        IReadOnlyList<Block> without = ReportDocument.Build(off);
        Assert.DoesNotContain(without, b => b is Heading h && h.Text.StartsWith("Cost growth", StringComparison.Ordinal));
        Assert.DoesNotContain(without, b => b is Figure { FileName: "cost-growth.svg" });
        Assert.DoesNotContain("Cost growth", MarkdownReport.Render(without));

        IReadOnlyList<Block> with = ReportDocument.Build(off with { CostGrowth = Growth() });
        Assert.Equal(without.Count + 4, with.Count);   // heading, paragraph, figure, slope table
        Assert.Single(with, b => b is Heading { Level: 2, Text: "Cost growth with training rows" });
        string md = MarkdownReport.Render(with);
        Assert.Contains("![Fit time and peak memory growth against training rows, log–log, with each line's slope.](cost-growth.svg)", md);
        Assert.Contains("VmHWM", md);
    }

    [Fact]
    public void The_data_table_has_a_row_per_fit_and_the_slope_table_a_row_per_model()
    {
        IReadOnlyList<Block> blocks = ReportDocument.Build(ReportRenderingTests.SmallComparison(ReportRenderingTests.SmallReport()) with { CostGrowth = Growth() });
        Figure figure = blocks.OfType<Figure>().Single(f => f.FileName == "cost-growth.svg");
        Assert.Equal(new string[][]
        {
            ["rows", "model", "seconds", "peak MiB"],
            ["100", "lr", "0.100", "10.0"], ["1,000", "lr", "1.000", "100.0"], ["10,000", "lr", "10.000", "1000.0"],
            ["100", "lstm+mask", "0.500", "4.0"], ["1,000", "lstm+mask", "5.000", "0.0"], ["10,000", "lstm+mask", "500.000", "64.0"],
        }, figure.Data.Cells);
        var slopes = (Table)blocks[blocks.ToList().IndexOf(figure) + 1];
        // lr: ×10 per decade in both. lstm+mask time: log 0.5, log 5, log 500 over u = 2, 3, 4 → ((−1)(log 0.5) + (log 500)) / 2 = log 1000 / 2 = 1.5;
        // memory: the 0 MiB point has no logarithm, so 4 → 64 MiB over two decades: log 16 / 2 = 0.60.
        Assert.Equal(new string[][] { ["model", "time slope", "memory slope"], ["lr", "1.00", "1.00"], ["lstm+mask", "1.50", "0.60"] }, slopes.Cells);
    }

    [Fact]
    public void The_chart_has_a_point_with_a_tooltip_per_measurable_fit_and_the_slopes_in_its_legends()
    {
        var colours = new Dictionary<string, string> { ["lr"] = Svg.Palette[0], ["lstm+mask"] = Svg.Palette[1] };
        XDocument svg = XDocument.Parse(new XDocument(CostGrowthChart.Render(Growth(), colours)).ToString());
        var points = svg.Descendants(S + "circle").Select(c => c.Element(S + "title")!.Value).ToArray();
        Assert.Equal(2 * 6 - 1, points.Length);   // six fits in two panels; the 0 MiB one has no place on a log axis
        Assert.Contains("lstm+mask: 10,000 rows, 500 s", points);
        Assert.Contains("lr: 1,000 rows, 100 MiB", points);
        string[] texts = svg.Descendants(S + "text").Select(t => t.Value).ToArray();
        Assert.Equal(2, texts.Count(t => t == "lr: slope 1.00"));   // once per panel
        Assert.Contains("lstm+mask: slope 1.50", texts);
        Assert.Contains("lstm+mask: slope 0.60", texts);
        Assert.Contains("slope 1.50", svg.Descendants(S + "desc").Single().Value);
        Assert.All(svg.Descendants(S + "circle"), c => Assert.Equal("mark point", (string?)c.Attribute("class")));
    }
}
