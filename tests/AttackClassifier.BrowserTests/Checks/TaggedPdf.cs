using System.Globalization;
using System.Text;

namespace AttackClassifier.BrowserTests.Checks;

/// <summary>
/// Just enough of a PDF reader (ISO 32000-1) to answer "on which pages did each figure land?" for a tagged PDF that Chromium
/// printed: the logical structure tree (§14.7) holds one structure element per tagged node — /S /Figure for an HTML
/// <c>&lt;figure&gt;</c> and for an <c>&lt;svg role="img"&gt;</c> (its /Alt is the accessible name) — and each element, or each
/// marked-content reference among its kids, names the page object (/Pg) its content was drawn on. Objects are read from the
/// file body in order, streams skipped by their /Length; Chromium's writer (Skia) keeps structure elements as plain objects.
/// </summary>
internal static class TaggedPdf
{
    /// <summary>One HTML-level figure: its chart's accessible name and the 1-based pages its content was drawn on.</summary>
    internal sealed record FigurePages(string Name, IReadOnlyList<int> Pages);

    /// <summary>The outermost /Figure structure elements (an HTML figure, or a chart outside one) and the pages each spans.</summary>
    internal static (int PageCount, IReadOnlyList<FigurePages> Figures) ReadFigures(byte[] pdf)
    {
        Dictionary<int, object?> objects = ReadObjects(pdf);
        var root = objects.Values.OfType<Dictionary<string, object?>>().FirstOrDefault(d => Name(d, "Type") == "Catalog")
            ?? throw new InvalidDataException("the PDF has no catalog object that this reader can see");
        var pageNumbers = new Dictionary<int, int>();
        if (root.GetValueOrDefault("Pages") is Ref pages) NumberPages(objects, pages.Id, pageNumbers);
        if (root.GetValueOrDefault("StructTreeRoot") is not Ref treeRoot)
            throw new InvalidDataException("the PDF has no structure tree: it was not printed as a tagged PDF");

        var figures = new List<FigurePages>();
        void Walk(object? node, bool insideFigure)
        {
            if (Resolve(objects, node) is not Dictionary<string, object?> element) return;
            if (Name(element, "S") == "Figure" && !insideFigure)
            {
                var pagesOfFigure = new SortedSet<int>();
                CollectPages(objects, element, pageNumbers, pagesOfFigure);
                figures.Add(new FigurePages(FirstAlt(objects, element) ?? "(no /Alt)", pagesOfFigure.ToArray()));
                insideFigure = true;
            }
            foreach (object? kid in Kids(element)) Walk(kid, insideFigure);
        }
        Walk(treeRoot, insideFigure: false);
        return (pageNumbers.Count, figures);
    }

    private static void NumberPages(Dictionary<int, object?> objects, int id, Dictionary<int, int> numbers)
    {
        if (objects.GetValueOrDefault(id) is not Dictionary<string, object?> node) return;
        if (Name(node, "Type") == "Page") { numbers[id] = numbers.Count + 1; return; }
        if (Resolve(objects, node.GetValueOrDefault("Kids")) is List<object?> kids)
            foreach (Ref kid in kids.OfType<Ref>()) NumberPages(objects, kid.Id, numbers);
    }

    private static void CollectPages(Dictionary<int, object?> objects, Dictionary<string, object?> element, Dictionary<int, int> numbers, SortedSet<int> pages)
    {
        if (element.GetValueOrDefault("Pg") is Ref page && numbers.TryGetValue(page.Id, out int n)) pages.Add(n);
        foreach (object? kid in Kids(element))
            if (Resolve(objects, kid) is Dictionary<string, object?> child) CollectPages(objects, child, numbers, pages);   // a structure element or a marked-content reference
    }

    private static string? FirstAlt(Dictionary<int, object?> objects, Dictionary<string, object?> element)
    {
        if (element.GetValueOrDefault("Alt") is string alt) return alt;
        foreach (object? kid in Kids(element))
            if (Resolve(objects, kid) is Dictionary<string, object?> child && FirstAlt(objects, child) is { } found) return found;
        return null;
    }

    private static IEnumerable<object?> Kids(Dictionary<string, object?> element) => element.GetValueOrDefault("K") switch
    {
        List<object?> list => list,
        null => [],
        var single => [single],
    };

    private static object? Resolve(Dictionary<int, object?> objects, object? value) => value is Ref r ? objects.GetValueOrDefault(r.Id) : value;

    private static string? Name(Dictionary<string, object?> d, string key) => d.GetValueOrDefault(key) as PdfName is { } n ? n.Value : null;

    private sealed record Ref(int Id);

    private sealed record PdfName(string Value);

    /// <summary>Every indirect object "n g obj … endobj" of the body; a stream's data is skipped and only its dictionary kept.</summary>
    private static Dictionary<int, object?> ReadObjects(byte[] pdf)
    {
        var objects = new Dictionary<int, object?>();
        var reader = new Reader(pdf);
        while (reader.SeekObjectHeader(out int id))
        {
            object? value = reader.ReadValue();
            objects[id] = value;
            if (reader.SkipStream(value as Dictionary<string, object?>) is false) break;
        }
        return objects;
    }

    /// <summary>A tokenizer for PDF's object syntax (§7.3): numbers, names, strings, arrays, dictionaries and "n g R" references.</summary>
    private sealed class Reader(byte[] pdf)
    {
        private int _at;

        internal bool SeekObjectHeader(out int id)
        {
            id = 0;
            while (_at < pdf.Length)
            {
                int obj = IndexOf(" obj", _at);
                if (obj < 0) { _at = pdf.Length; return false; }
                // Back over "<id> <generation>" before " obj".
                int p = obj - 1;
                while (p >= 0 && char.IsAsciiDigit((char)pdf[p])) p--;
                bool generation = p < obj - 1 && p >= 0 && pdf[p] == ' ';
                int q = p - 1;
                while (q >= 0 && char.IsAsciiDigit((char)pdf[q])) q--;
                _at = obj + 4;
                if (generation && q < p - 1 && (q < 0 || IsWhite(pdf[q])))
                {
                    id = int.Parse(Encoding.ASCII.GetString(pdf, q + 1, p - q - 1), CultureInfo.InvariantCulture);
                    return true;
                }
            }
            return false;
        }

        /// <summary>After a stream's dictionary, moves past its data ("stream" EOL data "endstream"); false if the data runs off the end.</summary>
        internal bool SkipStream(Dictionary<string, object?>? dictionary)
        {
            SkipWhite();
            if (!StartsWith("stream")) return true;
            _at += "stream".Length;
            if (_at < pdf.Length && pdf[_at] == '\r') _at++;
            if (_at < pdf.Length && pdf[_at] == '\n') _at++;
            if (dictionary?.GetValueOrDefault("Length") is double length) _at += (int)length;
            int end = IndexOf("endstream", _at);
            if (end < 0) return false;
            _at = end + "endstream".Length;
            return true;
        }

        internal object? ReadValue()
        {
            SkipWhite();
            if (_at >= pdf.Length) return null;
            char c = (char)pdf[_at];
            if (c == '/') { _at++; return new PdfName(ReadRegular()); }
            if (c == '(') return ReadLiteralString();
            if (c == '<' && Peek(1) == '<')
            {
                _at += 2;
                var d = new Dictionary<string, object?>();
                while (true)
                {
                    SkipWhite();
                    if (_at >= pdf.Length || (pdf[_at] == '>' && Peek(1) == '>')) { _at += 2; return d; }
                    if (ReadValue() is not PdfName key) throw new InvalidDataException($"PDF dictionary key expected at byte {_at}");
                    d[key.Value] = ReadValue();
                }
            }
            if (c == '<') return ReadHexString();
            if (c == '[')
            {
                _at++;
                var list = new List<object?>();
                while (true)
                {
                    SkipWhite();
                    if (_at >= pdf.Length || pdf[_at] == ']') { _at++; return list; }
                    list.Add(ReadValue());
                }
            }
            string token = ReadRegular();
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            {
                // A number may start a reference "n g R": look ahead.
                int save = _at;
                SkipWhite();
                string generation = ReadRegular();
                SkipWhite();
                string keyword = ReadRegular();
                if (generation.Length > 0 && generation.All(char.IsAsciiDigit) && keyword == "R") return new Ref((int)number);
                _at = save;
                return number;
            }
            return token switch { "true" => true, "false" => false, "null" => null, _ => new PdfName("\0" + token) };
        }

        private string ReadRegular()
        {
            int start = _at;
            while (_at < pdf.Length && !IsWhite(pdf[_at]) && "/[]<>()%{}".IndexOf((char)pdf[_at]) < 0) _at++;
            return Encoding.Latin1.GetString(pdf, start, _at - start);
        }

        /// <summary>A literal string (…) with its escapes (§7.3.4.2); UTF-16BE with a byte-order mark is decoded as such.</summary>
        private string ReadLiteralString()
        {
            _at++;
            var bytes = new List<byte>();
            for (int depth = 1; _at < pdf.Length; _at++)
            {
                byte b = pdf[_at];
                if (b == '\\' && _at + 1 < pdf.Length)
                {
                    byte e = pdf[++_at];
                    if (e is >= (byte)'0' and <= (byte)'7')
                    {
                        int value = 0, digits = 0;
                        while (digits < 3 && _at < pdf.Length && pdf[_at] is >= (byte)'0' and <= (byte)'7') { value = value * 8 + pdf[_at++] - '0'; digits++; }
                        _at--;
                        bytes.Add((byte)value);
                    }
                    else bytes.Add(e switch { (byte)'n' => (byte)'\n', (byte)'r' => (byte)'\r', (byte)'t' => (byte)'\t', (byte)'b' => 8, (byte)'f' => 12, _ => e });
                    continue;
                }
                if (b == '(') depth++;
                if (b == ')' && --depth == 0) { _at++; break; }
                bytes.Add(b);
            }
            return TextString(bytes.ToArray());
        }

        private string ReadHexString()
        {
            int end = IndexOf(">", _at);
            string hex = new(Encoding.ASCII.GetString(pdf, _at + 1, end - _at - 1).Where(char.IsAsciiHexDigit).ToArray());
            _at = end + 1;
            if (hex.Length % 2 == 1) hex += "0";
            return TextString(Convert.FromHexString(hex));
        }

        /// <summary>A PDF text string: UTF-16BE after FE FF, else PDFDocEncoding (Latin-1 is the same for the characters met here).</summary>
        private static string TextString(byte[] bytes) =>
            bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2) : Encoding.Latin1.GetString(bytes);

        private void SkipWhite()
        {
            while (_at < pdf.Length)
            {
                if (IsWhite(pdf[_at])) _at++;
                else if (pdf[_at] == '%') { while (_at < pdf.Length && pdf[_at] is not ((byte)'\n' or (byte)'\r')) _at++; }
                else break;
            }
        }

        private bool StartsWith(string text) => _at + text.Length <= pdf.Length && Encoding.ASCII.GetString(pdf, _at, text.Length) == text;

        private int Peek(int offset) => _at + offset < pdf.Length ? pdf[_at + offset] : -1;

        private int IndexOf(string text, int from) => pdf.AsSpan(from).IndexOf(Encoding.ASCII.GetBytes(text)) is var i and >= 0 ? from + i : -1;

        private static bool IsWhite(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0;
    }
}
