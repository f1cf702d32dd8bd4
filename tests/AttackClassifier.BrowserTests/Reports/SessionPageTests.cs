using AttackClassifier.BrowserTests.Browser;
using AttackClassifier.BrowserTests.Checks;

namespace AttackClassifier.BrowserTests.Reports;

/// <summary>
/// The <c>sessions --format html</c> page in headless Chromium: every <see cref="HtmlViewChecker"/> check finds nothing — self-contained,
/// timelines with area, text inside and apart, a tooltip on every span, accessible names and data tables, WCAG AA contrast in both
/// colour schemes, figures whole on A4 — and markup in hosts, users and commands stays text.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionPageTests(BrowserSession session, SessionPages pages) : IClassFixture<SessionPages>
{
    private static void AssertNone(IReadOnlyList<Problem> problems) =>
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n" + string.Join("\n", problems.Take(40)));

    [Fact]
    public async Task The_timeline_page_passes_every_check()
    {
        await using var page = await session.Browser.NewPageAsync();
        var checker = new HtmlViewChecker(page);
        var (problems, _) = await checker.CheckAllAsync(pages.Page, PaperSize.A4);
        AssertNone(problems);
        CheckResult layout = await checker.CheckLayoutAsync();
        Assert.Equal(SessionPages.Sessions, layout.Counted["charts"]);   // one timeline per session: the checks looked at all of them
        Assert.True(layout.Counted["marks"] >= SessionPages.Sessions, $"{layout.Counted["marks"]} spans");
        Assert.Equal([pages.Page.AbsoluteUri], page.RequestedUrls);
    }

    [Fact]
    public async Task Markup_in_the_input_stays_text()
    {
        await using var page = await session.Browser.NewPageAsync();
        Assert.Empty(await new HtmlViewChecker(page).LoadAsync(pages.Page));
        Assert.Equal(0, (await page.EvaluateAsync("document.querySelectorAll('script, b, i, img').length")).GetInt32());
        string text = (await page.EvaluateAsync("document.body.textContent")).GetString()!;
        Assert.Contains("<script>alert(\"s\")</script>", text);
        Assert.Contains("</svg><b>host & co</b>", text);
        Assert.Contains("echo '<script>alert(1)</script>' > /var/www/html/x.html", text);
    }
}
