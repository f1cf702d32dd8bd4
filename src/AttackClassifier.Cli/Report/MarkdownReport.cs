using System.Text;

namespace AttackClassifier.Cli.Report;

/// <summary>Renders report blocks as GitHub-flavoured Markdown; figures link to the SVG files saved beside it.</summary>
internal static class MarkdownReport
{
    internal static string Render(IReadOnlyList<Block> blocks)
    {
        var md = new StringBuilder();
        foreach (Block block in blocks)
        {
            switch (block)
            {
                case Heading h: md.Append('#', h.Level).Append(' ').AppendLine(Escape(h.Text)); break;
                case Paragraph p: md.AppendLine(Escape(p.Text)); break;
                case Figure f:
                    md.Append("![").Append(Escape(f.Caption)).Append("](").Append(f.FileName).AppendLine(")");
                    md.AppendLine();
                    AppendTable(md, f.Data);   // the chart's numbers, readable without the picture
                    break;
                case Table t: AppendTable(md, t); break;
            }
            md.AppendLine();
        }
        return md.ToString();
    }

    private static void AppendTable(StringBuilder md, Table t)
    {
        for (int r = 0; r < t.Cells.Count; r++)
        {
            md.Append('|').AppendJoin('|', t.Cells[r].Select(cell => ' ' + Escape(cell) + ' ')).AppendLine("|");
            if (r == 0)
                md.Append('|').AppendJoin('|', t.Cells[0].Select((_, i) => t.NumericColumns.Contains(i) ? "---:" : "---")).AppendLine("|");
        }
    }

    /// <summary>Escapes what Markdown would interpret in labels and command text: table pipes, HTML, emphasis and code marks,
    /// and line breaks, written as the visible two characters <c>\r</c> and <c>\n</c> (as <c>predict</c>'s text output does):
    /// a raw one would end a table row, a heading or a paragraph in the middle of a label.</summary>
    internal static string Escape(string text)
    {
        var s = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': s.Append("&amp;"); break;
                case '\r': s.Append("\\r"); break;
                case '\n': s.Append("\\n"); break;
                case '<': s.Append("&lt;"); break;
                case '>': s.Append("&gt;"); break;
                case '|' or '\\' or '*' or '_' or '`' or '[' or ']': s.Append('\\').Append(c); break;
                default: s.Append(c); break;
            }
        }
        return s.ToString();
    }
}
