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
    private const string Css = """
        body { font-family: sans-serif; margin: 24px auto; max-width: 1280px; color: #222; line-height: 1.4; }
        h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { margin-top: 1.5em; }
        table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
        th, td { border: 1px solid #ccc; padding: 3px 8px; }
        th { background: #f0f0f0; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1em 0; overflow-x: auto; } figcaption { color: #555; font-size: 0.9em; }
        """;

    internal static XDocument Render(IReadOnlyList<Block> blocks)
    {
        var body = new XElement(X + "body");
        foreach (Block block in blocks)
        {
            body.Add(block switch
            {
                Heading h => new XElement(X + $"h{h.Level}", h.Text),
                Paragraph p => new XElement(X + "p", p.Text),
                Figure f => new XElement(X + "figure", new XElement(f.Svg), new XElement(X + "figcaption", f.Caption + " (also saved as " + f.FileName + ")")),
                Table t => RenderTable(t),
                _ => throw new InvalidOperationException($"Unknown block {block.GetType().Name}."),
            });
        }
        var html = new XElement(X + "html", new XAttribute("lang", "en"),
            new XElement(X + "head",
                new XElement(X + "meta", new XAttribute("charset", "utf-8")),
                new XElement(X + "meta", new XAttribute("name", "viewport"), new XAttribute("content", "width=device-width, initial-scale=1")),
                new XElement(X + "title", ReportDocument.Title),
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
