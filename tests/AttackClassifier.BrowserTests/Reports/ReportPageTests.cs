using System.Text.Json;
using AttackClassifier.BrowserTests.Browser;
using AttackClassifier.BrowserTests.Checks;

namespace AttackClassifier.BrowserTests.Reports;

/// <summary>
/// <c>report.html</c> from <c>attack-classifier compare</c>, opened from disk in headless Chromium: on the sample data and on 40 classes
/// with 80-character, markup-laden labels. Every <see cref="HtmlViewChecker"/> check must find nothing, and the DOM must hold the
/// tables and heatmap cells the comparison implies.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPageTests(BrowserSession session, ComparedReports reports) : IClassFixture<ComparedReports>
{
    public static TheoryData<string> ReportNames => ["sample", "forty-classes", "cost-growth"];

    private async Task<T> WithPage<T>(string report, Func<CdpPage, HtmlViewChecker, Task<T>> body)
    {
        await using CdpPage page = await session.Browser.NewPageAsync();
        var checker = new HtmlViewChecker(page);
        Assert.Empty(await checker.LoadAsync(reports.Reports[report].Html));
        return await body(page, checker);
    }

    /// <summary>The report's file-name form of a model name (lstm+cyber → lstm-cyber), which is also its heatmap figure's id.</summary>
    private static string FileSafe(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    private static void AssertNone(IReadOnlyList<Problem> problems) =>
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n" + string.Join("\n", problems.Take(40)));

    [Theory, MemberData(nameof(ReportNames))]
    public async Task Loads_self_contained_without_console_errors_or_failed_requests(string report)
    {
        await using CdpPage page = await session.Browser.NewPageAsync();
        AssertNone(await new HtmlViewChecker(page).LoadAsync(reports.Reports[report].Html));
        Assert.Equal([reports.Reports[report].Html.AbsoluteUri], page.RequestedUrls);   // the page alone: nothing else was fetched
    }

    /// <summary>The figures a report has: reliability and risk–coverage, the class distribution, the loss curves when an LSTM
    /// ran, the cost growth when asked, one heatmap per model.</summary>
    private int Figures(string report) => reports.Reports[report].Models.Count + (reports.Reports[report].Models.Any(m => m.Epochs > 0) ? 4 : 3)
                                          + (reports.Reports[report].CostGrowth ? 1 : 0);

    [Theory, MemberData(nameof(ReportNames))]
    public Task Charts_have_area_text_inside_and_apart_tooltips_names_and_data_tables(string report) =>
        WithPage(report, async (_, checker) =>
        {
            CheckResult layout = await checker.CheckLayoutAsync();
            AssertNone(layout.Problems);
            // It looked at every chart, at their labels, and at every heatmap cell and bar.
            Assert.Equal(Figures(report), layout.Counted["charts"]);
            ComparedReports.Report expected = reports.Reports[report];
            Assert.True(layout.Counted["texts"] > 3 * expected.Classes.Count, $"{layout.Counted["texts"]} texts");
            Assert.True(layout.Counted["marks"] >= expected.Models.Sum(m => m.PresentClasses.Count * m.PresentClasses.Count) + 2 * expected.Classes.Count, $"{layout.Counted["marks"]} marks");
            return 0;
        });

    [Theory, MemberData(nameof(ReportNames))]
    public async Task Each_chart_saved_as_an_svg_file_passes_the_same_checks_on_its_own(string report)
    {
        string[] files = Directory.GetFiles(reports.Reports[report].Folder, "*.svg");
        Assert.Equal(Figures(report), files.Length);
        await using CdpPage page = await session.Browser.NewPageAsync();
        var checker = new HtmlViewChecker(page);
        foreach (string file in files)
        {
            var problems = new List<Problem>(await checker.LoadAsync(new Uri(file)));
            CheckResult layout = await checker.CheckLayoutAsync();
            problems.AddRange(layout.Problems);
            AssertNone(problems);
            Assert.Equal(1, layout.Counted["charts"]);
        }
    }

    [Theory, MemberData(nameof(ReportNames))]
    public Task Text_contrast_passes_WCAG_AA_in_the_light_scheme(string report) =>
        WithPage(report, async (_, checker) =>
        {
            CheckResult contrast = await checker.CheckContrastAsync("light");
            AssertNone(contrast.Problems);
            Assert.True(contrast.Counted["texts"] > 3 * reports.Reports[report].Classes.Count, $"{contrast.Counted["texts"]} texts");
            return 0;
        });

    [Theory, MemberData(nameof(ReportNames))]
    public Task Text_contrast_passes_WCAG_AA_in_the_dark_scheme_and_the_page_turns_dark(string report) =>
        WithPage(report, async (page, checker) =>
        {
            AssertNone((await checker.CheckContrastAsync("dark")).Problems);
            await page.EmulateMediaAsync("", "dark");
            string background = (await page.EvaluateAsync("getComputedStyle(document.body).backgroundColor")).GetString()!;
            Assert.Equal("rgb(22, 22, 22)", background);   // follows prefers-color-scheme, not merely passing on a white page
            return 0;
        });

    [Theory, MemberData(nameof(ReportNames))]
    public Task Prints_to_A4_with_no_chart_cut_across_pages(string report) =>
        WithPage(report, async (_, checker) =>
        {
            var (problems, pdf) = await checker.CheckPrintAsync(PaperSize.A4);
            AssertNone(problems);
            var (pages, figures) = TaggedPdf.ReadFigures(pdf);
            Assert.True(pages > 1, $"{pages} page(s)");
            Assert.Equal(Figures(report), figures.Count);
            Directory.CreateDirectory(Path.Combine(BrowserSession.ScreenshotFolder, report));
            await File.WriteAllBytesAsync(Path.Combine(BrowserSession.ScreenshotFolder, report, "report-a4.pdf"), pdf);
            return 0;
        });

    [Theory, MemberData(nameof(ReportNames))]
    public Task Tables_have_a_row_per_model_class_and_epoch(string report) =>
        WithPage(report, async (page, _) =>
        {
            ComparedReports.Report expected = reports.Reports[report];
            // Every table's header and first-column cells, and the figure it belongs to (if any).
            JsonElement tables = await page.EvaluateAsync("""
                [...document.querySelectorAll('table')].map(t => ({
                  figure: t.closest('figure')?.id ?? null,
                  header: [...t.tHead.rows[0].cells].map(c => c.textContent),
                  first: [...t.tBodies[0].rows].map(r => r.cells[0].textContent),
                }))
                """);
            var all = tables.EnumerateArray().Select(t => (Figure: t.GetProperty("figure").GetString(),
                Header: t.GetProperty("header").EnumerateArray().Select(c => c.GetString()!).ToArray(),
                First: t.GetProperty("first").EnumerateArray().Select(c => c.GetString()!).ToArray())).ToArray();

            Assert.Equal([.. expected.Models.Select(m => m.Name), "majority baseline"], all[0].First);   // the comparison: a row per model, in order, and the baseline
            var distribution = all.Single(t => t.Figure == "class-distribution");
            Assert.Equal(expected.Classes.Order(StringComparer.Ordinal), distribution.First.Order(StringComparer.Ordinal));   // labels verbatim: escaped, not parsed
            int epochs = expected.Models.Max(m => m.Epochs);
            if (epochs > 0)
                Assert.Equal(Enumerable.Range(1, epochs).Select(e => e.ToString(System.Globalization.CultureInfo.InvariantCulture)), all.Single(t => t.Figure == "lstm-loss").First);
            // Per model, in order: a per-class table (present classes, then the two averages) and its heatmap's table.
            var perClass = all.Where(t => t.Figure is null && t.Header.SequenceEqual(["class", "precision", "recall", "F1", "support"])).ToArray();
            Assert.Equal(expected.Models.Count, perClass.Length);
            foreach (var (model, table) in expected.Models.Zip(perClass))
            {
                Assert.Equal([.. model.PresentClasses, "macro average", "weighted average"], table.First);
                var heatmap = all.Single(t => t.Figure == $"confusion-{FileSafe(model.Name)}");
                Assert.Equal(model.PresentClasses, heatmap.First);
                Assert.Equal(["true class", "observations", .. model.PresentClasses.Select(c => $"% predicted {c}")], heatmap.Header);
            }
            Assert.Equal(0, (await page.EvaluateAsync("document.querySelectorAll('script, img, link, iframe').length")).GetInt32());   // no label became markup
            return 0;
        });

    [Fact]
    public Task The_cost_growth_chart_has_a_point_per_fit_in_each_panel_and_a_table_row_per_fit() =>
        WithPage("cost-growth", async (page, _) =>
        {
            ComparedReports.Report expected = reports.Reports["cost-growth"];
            JsonElement figure = await page.EvaluateAsync("""
                (() => {
                  const f = document.getElementById('cost-growth');
                  return {
                    points: [...f.querySelectorAll('svg circle.mark')].map(c => [...c.children].find(e => e.localName === 'title')?.textContent ?? ''),
                    rows: [...f.querySelectorAll('details table tbody tr')].map(r => [...r.cells].map(c => c.textContent)),
                    legend: [...f.querySelectorAll('svg text')].map(t => t.textContent).filter(t => t.includes(': slope ')),
                  };
                })()
                """);
            string[][] rows = figure.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray()).ToArray();
            // Two sizes on the sample data (100 rows, then all training rows) per model, in comparison order.
            Assert.Equal(expected.Models.SelectMany(m => new[] { m.Name, m.Name }), rows.Select(r => r[1]));
            Assert.All(rows.Where((_, i) => i % 2 == 0), r => Assert.Equal("100", r[0]));
            string[] points = figure.GetProperty("points").EnumerateArray().Select(p => p.GetString()!).ToArray();
            // The time panel has a point per fit; the memory panel one per fit whose growth was measurable (> 0: a log axis has no 0).
            Assert.Equal(rows.Length, points.Count(p => p.EndsWith(" s", StringComparison.Ordinal)));
            int memoryPoints = points.Count(p => p.EndsWith(" MiB", StringComparison.Ordinal));
            Assert.InRange(memoryPoints, rows.Count(r => r[3] != "0.0"), rows.Length);
            Assert.All(points, p => Assert.Matches(@"^.+: [\d,]+ rows, [\d.E+-]+ (s|MiB)$", p));
            Assert.Equal(2 * expected.Models.Count, figure.GetProperty("legend").GetArrayLength());   // a slope per model in each panel
            return 0;
        });

    [Theory, MemberData(nameof(ReportNames))]
    public Task Every_heatmap_cell_has_a_tooltip_and_the_ramp_darkens_with_the_share(string report) =>
        WithPage(report, async (page, _) =>
        {
            foreach (ComparedReports.ModelRun model in reports.Reports[report].Models)
            {
                string id = $"confusion-{FileSafe(model.Name)}";
                // Each cell's share and the relative luminance of its painted fill (WCAG's definition, computed in the page).
                JsonElement cells = await page.EvaluateAsync($$"""
                    [...document.querySelectorAll('#{{id}} svg .cell')].map(c => {
                      const [r, g, b] = getComputedStyle(c).fill.match(/[\d.]+/g).map(Number).map(v => v / 255)
                        .map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
                      return { share: Number(c.dataset.share), luminance: 0.2126 * r + 0.7152 * g + 0.0722 * b,
                               tip: [...c.children].find(e => e.localName === 'title')?.textContent ?? '' };
                    })
                    """);
                var list = cells.EnumerateArray().Select(c => (Share: c.GetProperty("share").GetDouble(), Luminance: c.GetProperty("luminance").GetDouble(), Tip: c.GetProperty("tip").GetString()!)).ToArray();
                int k = model.PresentClasses.Count;
                Assert.Equal(k * k, list.Length);   // every (true, predicted) pair, empty ones included
                Assert.All(list, c => Assert.Matches(@"^true .+ → predicted .+: [\d.E+-]+ observations \(\d+\.\d % of the true class\)$", c.Tip));
                // Greyscale: luminance never rises as the share grows, and spans the ramp's ends.
                var sorted = list.OrderBy(c => c.Share).ToArray();
                for (int i = 1; i < sorted.Length; i++)
                    Assert.True(sorted[i].Luminance <= sorted[i - 1].Luminance + 1e-12, $"{id}: share {sorted[i].Share} is lighter than share {sorted[i - 1].Share}");
                if (sorted[^1].Share > 0.99) Assert.True(sorted[0].Luminance - sorted[^1].Luminance > 0.8, $"{id}: luminance spans only {sorted[0].Luminance - sorted[^1].Luminance:F3}");
            }
            return 0;
        });

    [Theory, MemberData(nameof(ReportNames))]
    public Task Screenshots_of_the_page_and_of_each_figure_are_saved(string report) =>
        WithPage(report, async (_, checker) =>
        {
            string folder = Path.Combine(BrowserSession.ScreenshotFolder, report);
            if (Directory.Exists(folder))
                foreach (string old in Directory.GetFiles(folder, "*.png")) File.Delete(old);   // an earlier run's figures may differ
            IReadOnlyList<string> files = await checker.SaveScreenshotsAsync(folder);
            Assert.Equal(2 + Figures(report), files.Count);   // page, page in dark mode, one per figure
            foreach (string file in files)
            {
                byte[] png = await File.ReadAllBytesAsync(file);
                Assert.True(png.Length > 1000 && png.AsSpan(1, 3).SequenceEqual("PNG"u8), $"{file}: not a PNG picture ({png.Length} bytes)");
            }
            return 0;
        });
}
