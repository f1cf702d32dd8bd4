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
        WriteXml(html, HtmlReport.Render(blocks), declaration: false);   // HTML: doctype, no XML declaration
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
        using var file = new StreamWriter(path, append: false, Utf8);
        WriteXml(file, document, declaration);
    }

    /// <summary>Writes an HTML page (from <see cref="HtmlReport.Render"/>) to <paramref name="output"/>: doctype, no XML declaration.</summary>
    internal static void WriteHtml(TextWriter output, XDocument page) => WriteXml(output, page, declaration: false);

    private static void WriteXml(TextWriter file, XDocument document, bool declaration)
    {
        Sanitize(document);
        if (!declaration) file.Write("<!DOCTYPE html>\n");   // HTML5's doctype (XmlWriter would write "<!DOCTYPE html >")
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = !declaration, NewLineChars = "\n", ConformanceLevel = declaration ? ConformanceLevel.Document : ConformanceLevel.Fragment };
        using var writer = XmlWriter.Create(file, settings);
        if (declaration) document.Save(writer);
        else document.Root!.WriteTo(writer);
    }

    /// <summary>
    /// Replaces characters XML cannot hold (C0 controls other than tab and newlines, lone surrogates) with U+FFFD in every text
    /// and attribute, so a label read from a CSV with a stray control character still gives a well-formed page.
    /// </summary>
    internal static void Sanitize(XDocument document)
    {
        foreach (XText text in document.DescendantNodes().OfType<XText>())
            text.Value = XmlSafe(text.Value);
        foreach (XAttribute attribute in document.Descendants().SelectMany(e => e.Attributes()))
            attribute.Value = XmlSafe(attribute.Value);
    }

    internal static string XmlSafe(string text)
    {
        StringBuilder? safe = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            bool ok = pair || XmlConvert.IsXmlChar(c);
            if (!ok && safe is null) safe = new StringBuilder(text, 0, i, text.Length);
            if (safe is not null)
            {
                if (pair) safe.Append(c).Append(text[i + 1]);
                else safe.Append(ok ? c : '\uFFFD');
            }
            if (pair) i++;
        }
        return safe?.ToString() ?? text;
    }
}
