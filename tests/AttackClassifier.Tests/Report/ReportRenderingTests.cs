using System.Xml.Linq;
using AttackClassifier.Cli.Report;
using AttackClassifier.Data;
using AttackClassifier.Metrics;
using AttackClassifier.Models.Lstm;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Report;

public class ReportRenderingTests
{
    private static readonly XNamespace S = Svg.Ns;

    // Three named classes, one ("Unused") absent from y and ŷ; weights make the confusion count-weighted.
    internal static ClassificationReport SmallReport(string first = "T1059: A&B <x>", string second = "Normal") =>
        ClassificationReport.Compute([0, 0, 1, 1, 1], [0, 1, 1, 1, 0], [3.0, 1.0, 2.0, 2.0, 4.0], [first, second, "Unused"]);

    private static readonly CalibrationReport SmallCalibration =
        CalibrationReport.Compute([0.9, 0.6, 0.8, 0.3], [0.9, 0.0, 0.8, 0.3], [0.82, 0.5, 0.68, 0.5], [true, false, true, true], [3, 1, 2, 4], 0.5);

    private static ModelResult Result(string name, ClassificationReport test, IReadOnlyList<LstmEpochRecord>? history = null, int distinct = 2) =>
        new(name, 1.5, 1000, name == "lr" ? "high — n-gram evidence" : "low", null, test, history ?? [], $"{name}: summary", SmallCalibration, distinct,
            [new Confusion("T1059: A&B <x>", "Normal", 1, ["bash -c 'a & b'", "sh <x>"])]);

    internal static Comparison SmallComparison(ClassificationReport test, int lstmDistinct = 2) => new("tiny.csv", 10, 0, 5,
        [new ClassSize("T1059: A&B <x>", 4, 90, 0.9), new ClassSize("Normal", 6, 10, 0.1)],
        [Result("lr", test), Result("lstm+mask", test, [new LstmEpochRecord(1, 2.0, 2.5, 0.1), new LstmEpochRecord(2, 1.0, null, 0.1)], lstmDistinct)],
        "Normal", ClassificationReport.Compute([0, 0, 1, 1, 1], [1, 1, 1, 1, 1], [3.0, 1.0, 2.0, 2.0, 4.0], ["T1059: A&B <x>", "Normal"]));

    /// <summary>Serialises and re-parses, as a reader of the saved file would.</summary>
    private static XDocument RoundTrip(XElement svg) => XDocument.Parse(new XDocument(svg).ToString());

    [Fact]
    public void Heatmap_names_present_classes_on_both_axes_and_escapes_them()
    {
        XDocument svg = RoundTrip(ConfusionHeatmap.Render("lr", SmallReport()));
        string[] texts = svg.Descendants(S + "text").Select(t => t.Value).ToArray();
        Assert.Equal(2, texts.Count(t => t == "T1059: A&B <x>"));   // once per axis
        Assert.Equal(2, texts.Count(t => t == "Normal"));
        Assert.DoesNotContain("Unused", texts);                     // absent from y and ŷ: not drawn
        Assert.Contains(svg.Descendants(S + "text"), t => (string?)t.Attribute("transform") is string r && r.StartsWith("rotate(-90"));
    }

    [Fact]
    public void Heatmap_shades_each_cell_by_its_share_of_the_true_class()
    {
        // True class 0: weight 3 right, 1 wrong (75 %, 25 %); class 1: 4 right, 4 wrong (50 %, 50 %).
        XDocument svg = RoundTrip(ConfusionHeatmap.Render("lr", SmallReport()));
        var cells = svg.Descendants(S + "rect").Where(r => r.Element(S + "title") is not null).ToArray();
        Assert.Equal(4, cells.Length);
        string Fill(string tipStart) => (string)cells.Single(c => c.Element(S + "title")!.Value.StartsWith(tipStart)).Attribute("fill")!;
        Assert.Equal(Svg.Blend("#f7fbff", "#08306b", 0.75), Fill("true T1059: A&B <x> → predicted T1059"));
        Assert.Equal(Svg.Blend("#f7fbff", "#08306b", 0.25), Fill("true T1059: A&B <x> → predicted Normal"));
        Assert.Equal(Svg.Blend("#f7fbff", "#08306b", 0.5), Fill("true Normal → predicted Normal"));
        Assert.Contains("4 observations (50.0 % of the true class)", cells.Select(c => c.Element(S + "title")!.Value).First(t => t.StartsWith("true Normal → predicted Normal")));
    }

    [Fact]
    public void Class_distribution_bars_grow_with_share_on_a_log_axis()
    {
        XDocument svg = RoundTrip(ClassDistributionChart.Render([new ClassSize("big", 1, 99, 0.99), new ClassSize("small", 9, 1, 0.01)]));
        double Width(string tipStart) => double.Parse((string)svg.Descendants(S + "rect")
            .Single(r => r.Element(S + "title")?.Value.StartsWith(tipStart) == true).Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
        double big = Width("big: 99 observations"), small = Width("small: 1 observations");
        Assert.True(big > small, $"{big} vs {small}");
        // Log axis from 1 % to 100 %: 1 % sits at the origin, 99 % two decades along, 10 % rows of "big" one decade.
        Assert.Equal(0, small, 1);
        Assert.Equal(560 * (Math.Log10(99) - 0) / 2, big, 1);
        Assert.Equal(560 * 0.5, Width("big: 1 rows"), 1);
    }

    [Fact]
    public void Loss_chart_draws_train_and_validation_series_and_skips_missing_validation()
    {
        var history = new[] { new LstmEpochRecord(1, 2.0, 2.5, 0.1), new LstmEpochRecord(2, 1.0, null, 0.1), new LstmEpochRecord(3, 0.5, 1.5, 0.1) };
        XDocument svg = RoundTrip(LossCurveChart.Render([("lstm", "#ff7f0e", history)]));
        var lines = svg.Descendants(S + "polyline").ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal(3, ((string)lines[0].Attribute("points")!).Split(' ').Length);   // train: every epoch
        Assert.Equal(2, ((string)lines[1].Attribute("points")!).Split(' ').Length);   // validation: epoch 2 has none
        Assert.NotNull(lines[1].Attribute("stroke-dasharray"));
        Assert.Contains(svg.Descendants(S + "text"), t => t.Value == "lstm validation");
    }

    [Fact]
    public void Html_is_well_formed_self_contained_and_holds_every_model_and_chart()
    {
        var blocks = ReportDocument.Build(SmallComparison(SmallReport()));
        XDocument html = XDocument.Parse(HtmlReport.Render(blocks).ToString());
        XNamespace x = XNamespace.None;
        Assert.Equal(2 + 1 + 1 + 2, html.Descendants(S + "svg").Count());   // two heatmaps, distribution, loss, reliability, risk–coverage
        Assert.DoesNotContain(html.Descendants(), e => e.Name.LocalName is "script" or "link" or "img");   // nothing fetched
        string[] firstColumn = html.Descendants(x + "table").First().Descendants(x + "td").Where(td => td.ElementsBeforeSelf().Any() is false).Select(td => td.Value).ToArray();
        Assert.Equal(["lr", "lstm+mask", "majority baseline"], firstColumn);
        Assert.All(html.Descendants().Where(e => e.Name.Namespace == x && e.Name.LocalName is "div" or "td" or "p"), e => Assert.False(e.IsEmpty));
    }

    [Fact]
    public void Report_states_a_verdict_against_the_baseline_and_warns_on_a_collapsed_model()
    {
        // Baseline "Normal" everywhere: accuracy 8/12; both models score SmallReport's 9/12 (within 1 point? no: 8.33 points).
        Comparison healthy = SmallComparison(SmallReport());
        Assert.StartsWith("Verdict: lr is best on weighted F1", healthy.Verdict());
        Assert.Contains("accuracy points above the majority baseline, on 5 test rows of tiny.csv", healthy.Verdict());
        Assert.Empty(healthy.Warnings());
        Comparison collapsed = SmallComparison(SmallReport(), lstmDistinct: 1);
        string warning = Assert.Single(collapsed.Warnings());
        Assert.Contains("lstm+mask predicts only 1 distinct class", warning);
        var blocks = ReportDocument.Build(collapsed);
        string html = HtmlReport.Render(blocks).ToString();
        Assert.Contains("Verdict: lr", html);
        Assert.Contains("lstm+mask predicts only 1 distinct class", html);
        Assert.Contains("bash -c 'a &amp; b'", html);                                  // a top confusion's example, escaped
        // A model within one point of the baseline is flagged too.
        Comparison nearBaseline = SmallComparison(ClassificationReport.Compute([0, 0, 1, 1, 1], [1, 1, 1, 1, 1], [3.0, 1.0, 2.0, 2.0, 4.0], ["T1059: A&B <x>", "Normal"]));
        Assert.Equal(2, nearBaseline.Warnings().Count(w => w.Contains("within 1 point of the majority baseline")));
    }

    [Fact]
    public void Calibration_charts_draw_one_series_per_model_with_a_tooltip_per_point()
    {
        XDocument reliability = RoundTrip(CalibrationCharts.Reliability([("lr", "#1f77b4", SmallCalibration), ("lstm", "#ff7f0e", SmallCalibration)]));
        Assert.Equal(2, reliability.Descendants(S + "polyline").Count());
        Assert.Equal(2 * SmallCalibration.Bins.Count(b => b.Weight > 0), reliability.Descendants(S + "circle").Count(c => c.Element(S + "title") is not null));
        XDocument risk = RoundTrip(CalibrationCharts.RiskCoverage([("lr", "#1f77b4", SmallCalibration)]));
        Assert.Equal(SmallCalibration.RiskCoverage.Count, risk.Descendants(S + "circle").Count());
    }

    [Fact]
    public void Markdown_links_each_saved_chart_and_has_one_row_per_model()
    {
        var blocks = ReportDocument.Build(SmallComparison(SmallReport()));
        string md = MarkdownReport.Render(blocks);
        foreach (Figure f in blocks.OfType<Figure>()) Assert.Contains($"]({f.FileName})", md);
        Assert.Contains("| lr | ", md);
        Assert.Contains("| lstm+mask | ", md);
        Assert.Contains("T1059: A&amp;B &lt;x&gt;", md);
        Assert.Contains("confusion-lstm-mask.svg", md);
    }

    // One definition of "present": a class seen only in a row of weight 0 is present for scikit-learn (its label set ignores
    // weights), for ClassificationReport, and so for every table and chart of the comparison report.
    [Fact]
    public void A_class_seen_only_in_a_zero_weight_row_is_present_in_the_report_and_its_charts()
    {
        var report = ClassificationReport.Compute([0, 1, 2, 1], [0, 1, 0, 1], [1.0, 2.0, 0.0, 1.0], ["alpha", "beta", "ghost"]);
        Assert.Equal([0, 1, 2], report.PresentClasses);
        Assert.Contains("ghost", report.ToText());
        XElement heatmap = ConfusionHeatmap.Render("lr", report);
        Assert.Contains(heatmap.Descendants(S + "text"), t => t.Value == "ghost");
    }

    [Fact]
    public void A_label_with_line_breaks_and_pipes_stays_in_its_table_cell()
    {
        var table = new Table([new[] { "class", "f1" }, new[] { "T1059: two\r\nlines | and\na pipe", "0.50" }, new[] { "Normal", "1.00" }], new HashSet<int> { 1 });
        string md = MarkdownReport.Render([new Heading(2, "per class\nscores"), table]);
        string[] lines = md.TrimEnd('\n').Split('\n');
        Assert.Equal(["## per class\\nscores", "", "| class | f1 |", "|---|---:|", "| T1059: two\\r\\nlines \\| and\\na pipe | 0.50 |", "| Normal | 1.00 |"], lines);
    }

    [Fact]
    public void Writer_saves_report_pages_and_svgs_that_parse()
    {
        string dir = Path.Combine(Path.GetTempPath(), "report-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            IReadOnlyList<string> files = ReportWriter.Write(SmallComparison(SmallReport("bell\u0007 label")), dir);
            Assert.Equal(["report.md", "report.html", "reliability.svg", "risk-coverage.svg", "class-distribution.svg", "lstm-loss.svg", "confusion-lr.svg", "confusion-lstm-mask.svg"], files.Select(Path.GetFileName));
            foreach (string svg in files.Where(f => f.EndsWith(".svg")))
                Assert.Equal(S + "svg", XDocument.Load(svg).Root!.Name);
            XDocument html = XDocument.Load(Path.Combine(dir, "report.html"));
            Assert.Contains(html.Descendants(S + "text"), t => t.Value == "bell\uFFFD label");   // a control character cannot be XML: replaced
            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(dir, "report.html")));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    private static readonly Gen<string> AnyText = Gen.ArrayOf(Gen.Choose(0, 0x2FF).Select(i => (char)i)).Select(c => new string(c));

    [Property(MaxTest = 200)]
    public Property Any_label_survives_html_escaping_up_to_invalid_xml_characters()
    {
        return Prop.ForAll(AnyText.ToArbitrary(), label =>
        {
            var table = new Table([new[] { "class" }, new[] { label }], new HashSet<int>());
            XDocument page = HtmlReport.Render([table]);
            ReportWriter.Sanitize(page);
            XDocument parsed = XDocument.Parse(page.ToString(), LoadOptions.PreserveWhitespace);
            XNamespace x = XNamespace.None;
            Assert.Equal(ReportWriter.XmlSafe(label).Replace("\r\n", "\n").Replace('\r', '\n'),   // XML parsers normalise line ends
                         parsed.Descendants(x + "td").Single().Value);
        });
    }

    [Property(MaxTest = 200)]
    public Property Markdown_escaping_leaves_no_bare_pipe_or_angle_bracket()
    {
        return Prop.ForAll(AnyText.ToArbitrary(), text =>
        {
            string escaped = MarkdownReport.Escape(text);
            Assert.DoesNotContain('<', escaped);
            Assert.DoesNotContain('\n', escaped);
            Assert.DoesNotContain('\r', escaped);
            for (int i = 0; i < escaped.Length; i++)
                if (escaped[i] == '|') Assert.True(BackslashesBefore(escaped, i) % 2 == 1, escaped);   // an even run would escape itself, not the pipe
        });
    }

    private static int BackslashesBefore(string s, int i)
    {
        int n = 0;
        while (i - 1 - n >= 0 && s[i - 1 - n] == '\\') n++;
        return n;
    }

    [Property(MaxTest = 300)]
    public Property Axis_ticks_start_at_zero_cover_the_maximum_with_1_2_5_steps()
    {
        return Prop.ForAll(Gen.Choose(1, 1_000_000).Select(v => v / 1000.0).ToArbitrary(), max =>
        {
            double[] ticks = Svg.Ticks(max);
            Assert.Equal(0, ticks[0]);
            Assert.True(ticks[^1] >= max * (1 - 1e-12), $"{ticks[^1]} < {max}");
            Assert.InRange(ticks.Length, 2, 7);
            double step = ticks[1];
            double mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-12));
            Assert.Contains(Math.Round(mantissa, 9), new[] { 1.0, 2.0, 5.0, 10.0 });
        });
    }

    [Fact]
    public void Every_chart_is_an_image_named_by_its_title_and_described_by_its_desc()
    {
        var history = new[] { new LstmEpochRecord(1, 2.0, 2.5, 0.1), new LstmEpochRecord(2, 1.0, 1.5, 0.1) };
        XElement[] charts =
        [
            ConfusionHeatmap.Render("lr", SmallReport()),
            ClassDistributionChart.Render([new ClassSize("big", 1, 99, 0.99), new ClassSize("small", 9, 1, 0.01)]),
            LossCurveChart.Render([("lstm", "#ff7f0e", history)]),
        ];
        foreach (XElement chart in charts.Select(c => RoundTrip(c).Root!))
        {
            Assert.Equal("img", (string?)chart.Attribute("role"));
            XElement title = chart.Elements(S + "title").Single(), desc = chart.Elements(S + "desc").Single();
            Assert.Equal((string?)title.Attribute("id"), (string?)chart.Attribute("aria-labelledby"));
            Assert.Equal((string?)desc.Attribute("id"), (string?)chart.Attribute("aria-describedby"));
            Assert.False(string.IsNullOrWhiteSpace(desc.Value));
        }
        // Descriptions state the data: weight 7 of 12 lies on the diagonal; half of true "Normal" is predicted as the first class.
        Assert.Equal("2 classes. 58.3 % of the test observations lie on the diagonal (predicted as their true class). The largest confusion: 50.0 % of true Normal is predicted as T1059: A&B <x>.",
                     charts[0].Element(S + "desc")!.Value);
        Assert.Equal("lstm: 2 epochs, training loss 2 → 1, lowest validation loss 1.5 at epoch 2.", charts[2].Element(S + "desc")!.Value);
    }

    [Fact]
    public void Heatmap_draws_every_cell_with_a_tooltip_empty_ones_too()
    {
        // Classes a, b, c: c is never predicted and b never mistaken, so four of the nine cells are empty.
        var report = ClassificationReport.Compute([0, 1, 2, 2], [0, 1, 1, 0], ["a", "b", "c"]);
        XDocument svg = RoundTrip(ConfusionHeatmap.Render("lr", report));
        var cells = svg.Descendants(S + "rect").Where(r => ((string?)r.Attribute("class"))?.Split(' ').Contains("cell") == true).ToArray();
        Assert.Equal(9, cells.Length);
        Assert.All(cells, c => Assert.False(string.IsNullOrWhiteSpace(c.Element(S + "title")?.Value)));
        Assert.Contains(cells, c => c.Element(S + "title")!.Value == "true a → predicted c: 0 observations (0.0 % of the true class)");
        Assert.Equal(Svg.Blend(ConfusionHeatmap.Low, ConfusionHeatmap.High, 0), (string?)cells.Single(c => c.Element(S + "title")!.Value.StartsWith("true a → predicted c")).Attribute("fill"));
    }

    [Fact]
    public void Heatmap_ramp_darkens_monotonically_so_it_reads_in_greyscale()
    {
        double previous = double.PositiveInfinity;
        for (int i = 0; i <= 1000; i++)
        {
            double l = Svg.RelativeLuminance(Svg.Blend(ConfusionHeatmap.Low, ConfusionHeatmap.High, i / 1000.0));
            Assert.True(l <= previous, $"share {i / 1000.0}: luminance {l} > {previous}");
            previous = l;
        }
        Assert.True(Svg.RelativeLuminance(ConfusionHeatmap.Low) - Svg.RelativeLuminance(ConfusionHeatmap.High) > 0.9);
    }

    [Fact]
    public void Contrast_ratio_matches_WCAG_reference_values()
    {
        Assert.Equal(21, Svg.ContrastRatio("#000000", "#ffffff"), 9);
        Assert.Equal(1, Svg.ContrastRatio("#777777", "#777777"), 9);
        Assert.Equal(2.85, Svg.ContrastRatio("#ffffff", "#999999"), 2);   // symmetric: lighter over darker either way round
        Assert.Equal(4.48, Svg.ContrastRatio("#777777", "#ffffff"), 2);   // the classic grey that just fails AA
    }

    [Property(MaxTest = 500)]
    public Property Ink_on_any_background_passes_WCAG_AA()
    {
        return Prop.ForAll(Gen.Choose(0, 0xFFFFFF).ToArbitrary(), rgb =>
        {
            string background = "#" + rgb.ToString("x6", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Svg.ContrastRatio(background, Svg.InkOn(background)) >= 4.5, background);
        });
    }

    [Fact]
    public void Html_gives_each_inlined_chart_unique_ids_and_a_data_table()
    {
        var blocks = ReportDocument.Build(SmallComparison(SmallReport()));
        XDocument html = XDocument.Parse(HtmlReport.Render(blocks).ToString());
        string[] ids = html.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        foreach (XElement svg in html.Descendants(S + "svg"))
            foreach (string reference in new[] { "aria-labelledby", "aria-describedby" })
                Assert.Single(html.Descendants(), e => (string?)e.Attribute("id") == (string?)svg.Attribute(reference) && e.Parent == svg);
        XNamespace x = XNamespace.None;
        foreach (XElement figure in html.Descendants(x + "figure"))
            Assert.NotNull(figure.Element(x + "details")?.Element(x + "table"));
        // The heatmap's table: one row per present class, its observations, then the share predicted as each class.
        XElement confusion = html.Descendants(x + "figure").Single(f => (string?)f.Attribute("id") == "confusion-lr").Descendants(x + "table").Single();
        Assert.Equal(["T1059: A&B <x>", "4", "75.0", "25.0"], confusion.Descendants(x + "tbody").Elements(x + "tr").First().Elements(x + "td").Select(td => td.Value));
    }

    [Fact]
    public void Blend_hits_both_ends_and_the_midpoint()
    {
        Assert.Equal("#000000", Svg.Blend("#000000", "#ffffff", 0));
        Assert.Equal("#ffffff", Svg.Blend("#000000", "#ffffff", 1));
        Assert.Equal("#808080", Svg.Blend("#000000", "#ffffff", 0.5));
        Assert.Equal("#ffffff", Svg.Blend("#000000", "#ffffff", 7));   // clamped
    }
}
