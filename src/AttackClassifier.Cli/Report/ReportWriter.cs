using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AttackClassifier.Cli.Report;

/// <summary>Writes a comparison's report files: <c>report.md</c>, <c>report.html</c> and every chart as an <c>.svg</c> beside them.</summary>
internal static class ReportWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the files into <paramref name="directory"/> (created if missing) and returns their paths, report.md first.</summary>
    internal static IReadOnlyList<string> Write(Comparison comparison, string directory)
    {
        Directory.CreateDirectory(directory);
        IReadOnlyList<Block> blocks = ReportDocument.Build(comparison);
        var written = new List<string>();
        string md = Path.Combine(directory, "report.md");
        File.WriteAllText(md, MarkdownReport.Render(blocks), Utf8);
        written.Add(md);

        string html = Path.Combine(directory, "report.html");
        WriteXml(html, HtmlReport.Render(blocks), declaration: false);
        written.Add(html);

        foreach (Figure f in blocks.OfType<Figure>())
        {
            string path = Path.Combine(directory, f.FileName);
            WriteXml(path, new XDocument(new XDeclaration("1.0", "utf-8", null), f.Svg), declaration: true);
            written.Add(path);
        }
        return written;
    }

    private static void WriteXml(string path, XDocument document, bool declaration)
    {
        var settings = new XmlWriterSettings { Encoding = Utf8, Indent = true, OmitXmlDeclaration = !declaration, NewLineChars = "\n" };
        using var writer = XmlWriter.Create(path, settings);
        document.Save(writer);
    }
}
