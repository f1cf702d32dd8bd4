using AttackClassifier.BrowserTests.Browser;

namespace AttackClassifier.BrowserTests.Checks;

/// <summary>
/// The checker must catch what it claims to: pages in Fixtures/ broken on purpose, one fault each, must fail the right check with a
/// message naming the fault — and nothing else — while the clean page they are edited from passes every check.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrokenPageTests(BrowserSession session)
{
    private static Uri Fixture(string name) => new(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private async Task<IReadOnlyList<Problem>> CheckAll(string fixture)
    {
        await using CdpPage page = await session.Browser.NewPageAsync();
        return (await new HtmlViewChecker(page).CheckAllAsync(Fixture(fixture), PaperSize.A4)).Problems;
    }

    [Fact]
    public async Task The_clean_page_passes_every_check()
    {
        IReadOnlyList<Problem> problems = await CheckAll("clean.html");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_legend_clipped_by_its_viewBox_fails_the_overflow_check()
    {
        Problem problem = Assert.Single(await CheckAll("clipped-legend.html"));
        Assert.Equal("text-overflow", problem.Check);
        Assert.Equal("figure #bars", problem.Where);
        Assert.Matches(@"^text ""share of observations \(%\)"" at \(.+\) reaches \d+(\.\d)? px outside its svg \(.+\)$", problem.Detail);
    }

    [Fact]
    public async Task An_svg_of_zero_width_fails_the_size_check()
    {
        IReadOnlyList<Problem> problems = await CheckAll("zero-width-svg.html");
        Problem problem = Assert.Single(problems);
        Assert.Equal(new Problem("svg-size", "figure #bars", "the chart is drawn 0 × 120 px: it has no area"), problem);
    }

    [Fact]
    public async Task Labels_drawn_on_each_other_fail_the_overlap_check()
    {
        Problem problem = Assert.Single(await CheckAll("overlapping-labels.html"));
        Assert.Equal("text-overlap", problem.Check);
        Assert.Matches(@"^text ""a"" .+ and text ""b"" .+ overlap by [\d.]+ × [\d.]+ px$", problem.Detail);
    }

    [Fact]
    public async Task A_bar_without_a_tooltip_fails_the_tooltip_check()
    {
        Problem problem = Assert.Single(await CheckAll("missing-tooltip.html"));
        Assert.Equal(new Problem("tooltip", "figure #bars", "a <rect class=\"mark bar\"> has no <title> tooltip"), problem);
    }

    [Fact]
    public async Task Grey_text_fails_contrast_in_light_and_dark_text_on_dark_fails_in_dark()
    {
        IReadOnlyList<Problem> problems = await CheckAll("low-contrast.html");
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
        IReadOnlyList<Problem> problems = await CheckAll("no-accessibility.html");
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
        IReadOnlyList<Problem> problems = await CheckAll("load-errors.html");
        string[] details = problems.Select(p => $"{p.Check}: {p.Detail}").ToArray();
        Assert.Contains(details, d => d.StartsWith("load: request failed: net::ERR_FILE_NOT_FOUND file://", StringComparison.Ordinal) && d.EndsWith("/missing-style.css", StringComparison.Ordinal));
        Assert.Contains("load: console.error: chart data missing", details);
        Assert.Contains(details, d => d.StartsWith("load: uncaught exception: ReferenceError: undefinedRenderer is not defined", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("self-contained: the page requested file://", StringComparison.Ordinal) && d.EndsWith("/missing-style.css", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chart_taller_than_a_page_and_a_figure_that_may_break_fail_the_print_check()
    {
        IReadOnlyList<Problem> problems = await CheckAll("cut-figure.html");
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
