using AttackClassifier.BrowserTests.Browser;
using Xunit.Abstractions;

namespace AttackClassifier.BrowserTests.Checks;

/// <summary>
/// The checker must catch what it claims to. Fixtures/clean.html is a small chart page that passes every check; each test breaks
/// it on purpose with one edit (written next to the test, so the fault is plain to see) and asserts that the right check fails with
/// a message naming the fault — and that nothing else does.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrokenPageTests(BrowserSession session, ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attack-broken-pages-" + Guid.NewGuid().ToString("N"));

    /// <summary>Runs every check on clean.html with each (find, replace) edit applied; every find must occur in the page.</summary>
    private async Task<IReadOnlyList<Problem>> CheckAll(params (string Find, string Replace)[] edits)
    {
        string html = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "clean.html"));
        foreach (var (find, replace) in edits)
        {
            Assert.True(html.Contains(find, StringComparison.Ordinal), $"clean.html no longer contains {find}");
            html = html.Replace(find, replace, StringComparison.Ordinal);
        }
        Directory.CreateDirectory(_folder);
        string path = Path.Combine(_folder, $"page-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(path, html);
        await using CdpPage page = await session.Browser.NewPageAsync();
        IReadOnlyList<Problem> problems = (await new HtmlViewChecker(page).CheckAllAsync(new Uri(path), PaperSize.A4)).Problems;
        foreach (Problem p in problems) output.WriteLine(p.ToString());   // what the checker said, in the test log
        return problems;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private const string Legend = """<text x="255" y="112" text-anchor="end" font-size="10">share (%)</text>""";
    private const string SecondBar = """<rect class="mark bar" x="40" y="74" width="210" height="14" fill="#08519c"><title>b: 70</title></rect>""";
    private const string Table = """<details><summary>Data table</summary><table><tr><th>bar</th><th>value</th></tr><tr><td>a</td><td>30</td></tr><tr><td>b</td><td>70</td></tr></table></details>""";

    [Fact]
    public async Task The_clean_page_passes_every_check()
    {
        IReadOnlyList<Problem> problems = await CheckAll();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_legend_clipped_by_its_viewBox_fails_the_overflow_check()
    {
        // The legend starts at x = 250 in a 320-wide viewBox and runs past its right edge: the svg clips it.
        Problem problem = Assert.Single(await CheckAll((Legend, """<text x="250" y="112" font-size="10">share of observations (%)</text>""")));
        Assert.Equal("text-overflow", problem.Check);
        Assert.Equal("figure #bars", problem.Where);
        Assert.Matches(@"^text ""share of observations \(%\)"" at \(.+\) reaches \d+(\.\d)? px outside its svg \(.+\)$", problem.Detail);
    }

    [Fact]
    public async Task An_svg_of_zero_width_fails_the_size_check()
    {
        Problem problem = Assert.Single(await CheckAll(("<svg width=\"320\" height=\"120\"", "<svg width=\"0\" height=\"120\"")));
        Assert.Equal(new Problem("svg-size", "figure #bars", "the chart is drawn 0 × 120 px: it has no area"), problem);
    }

    [Fact]
    public async Task Labels_drawn_on_each_other_fail_the_overlap_check()
    {
        Problem problem = Assert.Single(await CheckAll(("""<text x="20" y="84">b</text>""", """<text x="24" y="56">b</text>""")));   // on top of "a"
        Assert.Equal("text-overlap", problem.Check);
        Assert.Matches(@"^text ""a"" .+ and text ""b"" .+ overlap by [\d.]+ × [\d.]+ px$", problem.Detail);
    }

    [Fact]
    public async Task A_bar_without_a_tooltip_fails_the_tooltip_check()
    {
        Problem problem = Assert.Single(await CheckAll((SecondBar, """<rect class="mark bar" x="40" y="74" width="210" height="14" fill="#08519c"/>""")));
        Assert.Equal(new Problem("tooltip", "figure #bars", "a <rect class=\"mark bar\"> has no <title> tooltip"), problem);
    }

    [Fact]
    public async Task Grey_text_fails_contrast_in_light_and_dark_text_on_dark_fails_in_dark()
    {
        // The axis label light grey on white (2.85:1); in the dark scheme, the body text dark grey on near-black.
        IReadOnlyList<Problem> problems = await CheckAll(
            (Legend, """<text x="255" y="112" text-anchor="end" font-size="10" fill="#999999">share (%)</text>"""),
            ("body { color: #e8e8e8; background: #161616; }", "body { color: #444444; background: #161616; }"));
        Problem light = Assert.Single(problems, p => p.Check == "contrast (light)");
        Assert.Equal("figure #bars text", light.Where);
        Assert.Equal("text \"share (%)\": 2.85:1 (#999999 on #ffffff, 10 px), needs 4.5:1", light.Detail);
        // In the dark scheme the chart keeps its white paper, so the grey label still fails; the page's own text (heading, caption,
        // summary, the data table opened for the check) is dark grey on near-black and fails too — and nothing else does.
        Assert.Equal(["figure #bars figcaption", "figure #bars summary", "figure #bars td", "figure #bars text", "figure #bars th", "h1"],
                     problems.Where(p => p.Check == "contrast (dark)").Select(p => p.Where).Distinct().Order());
        Assert.Contains(problems, p => p.Check == "contrast (dark)" && p.Where == "h1" && p.Detail == "text \"Clean\": 1.86:1 (#444444 on #161616, 32 px bold), needs 3:1");
    }

    [Fact]
    public async Task A_chart_without_name_description_or_table_fails_the_accessibility_checks()
    {
        IReadOnlyList<Problem> problems = await CheckAll(
            ("""role="img" aria-labelledby="bars-title" aria-describedby="bars-desc" """, ""),
            ("""<title id="bars-title">Two bars</title>""", ""), ("""<desc id="bars-desc">a is 30, b is 70.</desc>""", ""), (Table, ""));
        Assert.Equal(
        [
            new Problem("svg-a11y", "figure #bars", "role is null, expected \"img\""),
            new Problem("svg-a11y", "figure #bars", "aria-labelledby does not name a <title> child of the svg ([])"),
            new Problem("svg-a11y", "figure #bars", "aria-describedby does not name a <desc> child of the svg ([])"),
            new Problem("table-fallback", "figure #bars", "the figure has no <details> with a data table"),
        ], problems);
    }

    [Fact]
    public async Task A_missing_file_a_console_error_and_an_exception_fail_the_load_check()
    {
        IReadOnlyList<Problem> problems = await CheckAll(("</head>", """
            <link rel="stylesheet" href="missing-style.css">
            <script>console.error("chart data missing"); undefinedRenderer();</script></head>
            """));
        string[] details = problems.Select(p => $"{p.Check}: {p.Detail}").ToArray();
        Assert.Contains(details, d => d.StartsWith("load: request failed: net::ERR_FILE_NOT_FOUND file://", StringComparison.Ordinal) && d.EndsWith("/missing-style.css", StringComparison.Ordinal));
        Assert.Contains("load: console.error: chart data missing", details);
        Assert.Contains(details, d => d.StartsWith("load: uncaught exception: ReferenceError: undefinedRenderer is not defined", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("self-contained: the page requested file://", StringComparison.Ordinal) && d.EndsWith("/missing-style.css", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chart_taller_than_a_page_and_a_figure_that_may_break_fail_the_print_check()
    {
        // A chart taller than an A4 page (a page break must cut it), and a figure that does not ask to be kept whole.
        string Figure(string id, int height, string style) => $"""
            <figure id="{id}" style="{style}">
              <svg width="320" height="{height}" viewBox="0 0 320 {height}" role="img" aria-labelledby="{id}-title" aria-describedby="{id}-desc">
                <title id="{id}-title">A {id} chart</title><desc id="{id}-desc">One rectangle.</desc><rect width="320" height="{height}" fill="#9ecae1"/>
              </svg>
              <figcaption>{id}</figcaption>
              {Table}
            </figure>
            """;
        IReadOnlyList<Problem> problems = await CheckAll(("</body>", Figure("tall", 1400, "") + Figure("loose", 200, "break-inside: auto") + "</body>"));
        Assert.All(problems, p => Assert.Equal("print", p.Check));
        // Before printing, from the print layout:
        Assert.Contains(new Problem("print", "figure #loose", "break-inside is \"auto\" in print: the page break may cut the figure"), problems);
        Assert.Contains(problems, p => p.Where == "figure #tall" && p.Detail.StartsWith("1", StringComparison.Ordinal) &&
                                       p.Detail.EndsWith("px tall in print layout, more than the printable height 1046.9 px: a page break must cut it", StringComparison.Ordinal));
        // … and from the printed PDF's structure tree: the tall figure's chart and caption landed on different pages.
        Assert.Contains(problems, p => p.Where == "figure \"A tall chart\"" && p.Detail.StartsWith("printed across PDF pages ", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count);
    }
}
