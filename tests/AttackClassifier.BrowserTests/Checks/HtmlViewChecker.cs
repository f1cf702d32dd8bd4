using System.Globalization;
using System.Text.Json;
using AttackClassifier.BrowserTests.Browser;

namespace AttackClassifier.BrowserTests.Checks;

/// <summary>One thing wrong with a page: which check found it, where (a figure's id, an element), and what exactly.</summary>
internal sealed record Problem(string Check, string Where, string Detail)
{
    public override string ToString() => $"[{Check}] {Where}: {Detail}";
}

/// <summary>What a check found, and how many things of each kind it looked at (charts, texts, marks, figures): a check that
/// looked at nothing passes for the wrong reason, so tests assert the counts too.</summary>
internal sealed record CheckResult(IReadOnlyList<Problem> Problems, IReadOnlyDictionary<string, int> Counted)
{
    internal static CheckResult FromJson(JsonElement result) => new(
        result.GetProperty("problems").EnumerateArray().Select(p => new Problem(p.GetProperty("check").GetString()!, p.GetProperty("where").GetString()!, p.GetProperty("detail").GetString()!)).ToArray(),
        result.GetProperty("counted").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt32()));
}

/// <summary>
/// Checks any HTML view the tool writes, in a real browser: the page loads self-contained and without errors, every chart has an
/// area, keeps its text inside its frame and apart, gives every data mark a tooltip, has an accessible name, description and data
/// table, text passes WCAG AA contrast in light and dark colour schemes, and figures print whole on A4. Each check returns the
/// problems it found (empty when the page passes), so a test can assert both that a report is clean and that a broken page is
/// caught for the right reason.
/// </summary>
internal sealed class HtmlViewChecker(CdpPage page)
{
    /// <summary>
    /// Slack for geometry, in CSS px: a text may reach this far outside its svg, and two texts may share a strip this wide, before it
    /// counts. Glyph boxes are the font's ascent + descent (≈ 1.16 em for DejaVu Sans), so 11 px labels on a 12 px pitch share
    /// under 1 px without their ink touching.
    /// </summary>
    internal const double TolerancePx = 1.0;

    /// <summary>The screen viewport the layout checks and screenshots use (a laptop's width).</summary>
    internal const int ViewportWidth = 1366, ViewportHeight = 900;

    /// <summary>Loads <paramref name="url"/> on a screen-sized viewport and reports console errors, failed requests and any request for
    /// something other than the page itself (a self-contained page requests nothing, <c>data:</c> URLs aside).</summary>
    internal async Task<IReadOnlyList<Problem>> LoadAsync(Uri url)
    {
        await page.EmulateMediaAsync("", "light");
        await page.SetViewportAsync(ViewportWidth, ViewportHeight);
        await page.NavigateAsync(url);
        var problems = page.Errors.Select(e => new Problem("load", url.Segments[^1], e)).ToList();
        foreach (string requested in page.RequestedUrls.Distinct())
            if (requested != url.AbsoluteUri && !requested.StartsWith("data:", StringComparison.Ordinal))
                problems.Add(new Problem("self-contained", url.Segments[^1], $"the page requested {requested}"));
        return problems;
    }

    /// <summary>Chart size, text overflow and overlap, tooltips, accessible names and table fallbacks (Checks/layout.js).</summary>
    internal async Task<CheckResult> CheckLayoutAsync() =>
        CheckResult.FromJson(await page.EvaluateAsync($"({Script("layout.js")})({TolerancePx.ToString(CultureInfo.InvariantCulture)})"));

    /// <summary>WCAG AA text contrast (Checks/contrast.js) with <c>prefers-color-scheme</c> emulated as <paramref name="colorScheme"/>.</summary>
    internal async Task<CheckResult> CheckContrastAsync(string colorScheme)
    {
        await page.EmulateMediaAsync("", colorScheme);
        try
        {
            CheckResult result = CheckResult.FromJson(await page.EvaluateAsync($"({Script("contrast.js")})()"));
            return result with { Problems = result.Problems.Select(p => p with { Check = $"contrast ({colorScheme})" }).ToArray() };
        }
        finally
        {
            await page.EmulateMediaAsync("", "light");
        }
    }

    /// <summary>
    /// Whether every figure prints whole on <paramref name="paper"/>, checked twice. Before printing, in the print layout (print media,
    /// viewport as wide as the printable area): each figure asks for <c>break-inside: avoid</c> and fits the printable area, the
    /// conditions under which the browser can keep it on one page. Then through the browser's own print pipeline: the page is printed
    /// to a tagged PDF and the structure tree says on which pages each figure's content was drawn; a figure on two pages is cut.
    /// </summary>
    internal async Task<(IReadOnlyList<Problem> Problems, byte[] Pdf)> CheckPrintAsync(PaperSize paper)
    {
        var problems = new List<Problem>();
        await page.EmulateMediaAsync("print", "light");
        await page.SetViewportAsync((int)Math.Floor(paper.ContentWidthPx), (int)Math.Floor(paper.ContentHeightPx));
        int figures;
        try
        {
            string args = string.Join(", ", new[] { paper.ContentWidthPx, paper.ContentHeightPx, TolerancePx }.Select(v => v.ToString(CultureInfo.InvariantCulture)));
            CheckResult layout = CheckResult.FromJson(await page.EvaluateAsync($"({Script("print.js")})({args})"));
            problems.AddRange(layout.Problems);
            figures = layout.Counted["figures"];
        }
        finally
        {
            await page.EmulateMediaAsync("", "light");
            await page.SetViewportAsync(ViewportWidth, ViewportHeight);
        }

        byte[] pdf = await page.PrintToPdfAsync(paper);
        var (pages, printed) = TaggedPdf.ReadFigures(pdf);
        // Every DOM figure must be found in the PDF, or a silent change in tagging would make this check pass on nothing.
        if (printed.Count < figures)
            problems.Add(new Problem("print", "PDF", $"the tagged PDF holds {printed.Count} figures but the page has {figures}: cannot tell where each was printed"));
        foreach (var figure in printed.Where(f => f.Pages.Count > 1))
            problems.Add(new Problem("print", $"figure \"{figure.Name}\"", $"printed across PDF pages {string.Join(", ", figure.Pages)} of {pages}: a page break cuts it"));
        return (problems, pdf);
    }

    /// <summary>Every check above on <paramref name="url"/>; the PDF is the one the print check made.</summary>
    internal async Task<(IReadOnlyList<Problem> Problems, byte[] Pdf)> CheckAllAsync(Uri url, PaperSize paper)
    {
        var problems = new List<Problem>(await LoadAsync(url));
        problems.AddRange((await CheckLayoutAsync()).Problems);
        problems.AddRange((await CheckContrastAsync("light")).Problems);
        problems.AddRange((await CheckContrastAsync("dark")).Problems);
        var (printProblems, pdf) = await CheckPrintAsync(paper);
        problems.AddRange(printProblems);
        return (problems, pdf);
    }

    /// <summary>
    /// Saves PNGs into <paramref name="folder"/>: the whole page in the light and dark colour schemes, and each figure on its own
    /// (named after the figure's id). Returns the files written.
    /// </summary>
    internal async Task<IReadOnlyList<string>> SaveScreenshotsAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        async Task Save(string name, Box? clip)
        {
            string path = Path.Combine(folder, name);
            await File.WriteAllBytesAsync(path, await page.ScreenshotAsync(clip));
            written.Add(path);
        }
        await Save("page.png", null);
        await page.EmulateMediaAsync("", "dark");
        await Save("page-dark.png", null);
        await page.EmulateMediaAsync("", "light");
        JsonElement figures = await page.EvaluateAsync("""
            [...document.querySelectorAll('figure')].map((f, i) => {
              const r = f.getBoundingClientRect();
              return { id: f.id || `figure-${i + 1}`, x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height };
            })
            """);
        int n = 0;
        foreach (JsonElement f in figures.EnumerateArray())
        {
            var clip = new Box(f.GetProperty("x").GetDouble(), f.GetProperty("y").GetDouble(), Math.Max(1, f.GetProperty("w").GetDouble()), Math.Max(1, f.GetProperty("h").GetDouble()));
            string id = new(f.GetProperty("id").GetString()!.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
            await Save($"figure-{++n:00}-{id}.png", clip);
        }
        return written;
    }

    /// <summary>A check script shipped in this assembly (Checks/*.js): a JavaScript function expression.</summary>
    private static string Script(string name)
    {
        using Stream stream = typeof(HtmlViewChecker).Assembly.GetManifestResourceStream($"AttackClassifier.BrowserTests.Checks.{name}")
            ?? throw new InvalidOperationException($"missing embedded check script {name}");
        string text = new StreamReader(stream).ReadToEnd();
        // Drop the leading comment lines so the text is one expression that can be called in place.
        return string.Join('\n', text.Split('\n').SkipWhile(line => line.TrimStart().StartsWith("//", StringComparison.Ordinal)));
    }
}
