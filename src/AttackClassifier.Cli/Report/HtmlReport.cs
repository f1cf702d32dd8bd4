using System.Xml.Linq;

namespace AttackClassifier.Cli.Report;

/// <summary>
/// Renders report blocks as one self-contained HTML page (inline CSS, inline SVG; readable offline). The page is built as
/// an <see cref="XDocument"/>, so labels are escaped and the file is well-formed XML as well as HTML5.
/// </summary>
internal static class HtmlReport
{
    private static readonly XNamespace X = XNamespace.None;   // HTML elements in no namespace; inline SVG carries its own
    private static readonly HashSet<string> VoidElements = ["meta", "br", "hr", "img", "link"];

    // No '<', '>' or '&' here: style text is raw in HTML but escaped by XML writers.
    // Colours: every text pair passes WCAG AA (4.5:1) in both schemes; the browser tests measure it. In the dark scheme the page
    // turns dark but charts keep their white paper (Svg.Paper), so a chart's colours mean the same on screen, in print and as a file.
    // A chart wider than the page shrinks to fit (keeping its aspect ratio), on screen and on paper; in print no page break splits a figure.
    private const string Css = """
        :root { color-scheme: light dark; --ink: #222222; --muted: #555555; --page: #ffffff; --rule: #cccccc; --head: #f0f0f0; }
        @media (prefers-color-scheme: dark) {
          :root { --ink: #e8e8e8; --muted: #b8b8b8; --page: #161616; --rule: #555555; --head: #2a2a2a; }
        }
        html { background: var(--page); }
        body { font-family: sans-serif; margin: 24px auto; padding: 0 16px; max-width: 1280px; color: var(--ink); background: var(--page); line-height: 1.4; }
        h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid var(--rule); } h3 { margin-top: 1.5em; }
        table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
        th, td { border: 1px solid var(--rule); padding: 3px 8px; }
        th { background: var(--head); } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1em 0; } figcaption { color: var(--muted); font-size: 0.9em; }
        figure svg { display: block; border-radius: 4px; max-width: 100%; height: auto; }
        details { margin: 0.3em 0 0; overflow-x: auto; } summary { cursor: pointer; color: var(--muted); font-size: 0.9em; }
        @media print {
          body { margin: 0; padding: 0; max-width: none; }
          h2, h3, h3 + p { break-after: avoid; }   /* a model's heading and summary stay with its heatmap */
          figure { break-inside: avoid; }
          figure details { display: none; }
          tr { break-inside: avoid; }
        }
        """;

    internal static XDocument Render(IReadOnlyList<Block> blocks, string title = ReportDocument.Title)
    {
        var body = new XElement(X + "body");
        foreach (Block block in blocks)
        {
            body.Add(block switch
            {
                Heading h => new XElement(X + $"h{h.Level}", h.Text),
                Paragraph p => new XElement(X + "p", p.Text),
                Figure f => new XElement(X + "figure", new XAttribute("id", f.Id),
                    Svg.PrefixIds(f.Svg, f.Id + "-"),   // several charts on one page: their title and desc ids must differ
                    new XElement(X + "figcaption", f.Saved ? f.Caption + " (also saved as " + f.FileName + ")" : f.Caption),
                    new XElement(X + "details", new XElement(X + "summary", "Data table"), RenderTable(f.Data))),
                Table t => RenderTable(t),
                _ => throw new InvalidOperationException($"Unknown block {block.GetType().Name}."),
            });
        }
        var html = new XElement(X + "html", new XAttribute("lang", "en"),
            new XElement(X + "head",
                new XElement(X + "meta", new XAttribute("charset", "utf-8")),
                new XElement(X + "meta", new XAttribute("name", "viewport"), new XAttribute("content", "width=device-width, initial-scale=1")),
                new XElement(X + "title", title),
                new XElement(X + "style", Css)),
            body);
        // HTML parsers read <div/> as an unclosed <div>: give every empty non-void HTML element an explicit end tag.
        foreach (XElement e in html.DescendantsAndSelf().Where(e => e.Name.Namespace == X && e.IsEmpty && !VoidElements.Contains(e.Name.LocalName)))
            e.Value = "";
        return new XDocument(html);   // the writer puts <!DOCTYPE html> first
    }

    private static XElement RenderTable(Table t) =>
        new(X + "table",
            new XElement(X + "thead", new XElement(X + "tr", t.Cells[0].Select(cell => new XElement(X + "th", cell)))),
            new XElement(X + "tbody", t.Cells.Skip(1).Select(row =>
                new XElement(X + "tr", row.Select((cell, i) => t.NumericColumns.Contains(i) ? new XElement(X + "td", new XAttribute("class", "num"), cell) : new XElement(X + "td", cell))))));
}
