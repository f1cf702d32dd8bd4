using System.Globalization;
using System.Xml.Linq;

namespace AttackClassifier.Cli.Report;

/// <summary>
/// Hand-written SVG, built as an <see cref="XElement"/> tree so every label is escaped and every chart is well-formed XML
/// (no plotting library: those bring native dependencies and, headless without fonts, drop text). Text is real
/// <c>&lt;text&gt;</c> in the generic <c>sans-serif</c> family, so any viewer draws it with a font it has; nothing is embedded.
/// Widths of labels are estimated (≈ 0.6 em per character), which is enough to size margins.
/// </summary>
internal static class Svg
{
    /// <summary>The SVG namespace: a standalone .svg file needs it to be drawn as SVG.</summary>
    internal static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    internal const string Font = "sans-serif";

    /// <summary>One colour per model, in comparison order (the common "category10" hues).</summary>
    internal static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];

    /// <summary>An SVG element with attributes given as (name, value) pairs; numbers are written invariantly.</summary>
    internal static XElement E(string name, params object?[] content) => new(Ns + name, content);

    internal static XAttribute A(string name, double value) => new(name, Num(value));

    internal static XAttribute A(string name, string value) => new(name, value);

    /// <summary>Numbers with at most two decimals, invariant culture: coordinates need no more.</summary>
    internal static string Num(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The root <c>&lt;svg&gt;</c> of a <paramref name="width"/> × <paramref name="height"/> picture (px) on a white background. For screen
    /// readers it is one image (role="img") named by its <c>&lt;title&gt;</c> and described by its <c>&lt;desc&gt;</c> (WAI-ARIA
    /// graphics: aria-labelledby, aria-describedby); <paramref name="description"/> should say what the data shows, not how it is drawn.
    /// The ids are unique within the file; <see cref="PrefixIds"/> makes them unique within a page that inlines several charts.
    /// </summary>
    internal static XElement Root(double width, double height, string title, string description, IEnumerable<XElement> content) =>
        E("svg", A("width", width), A("height", height), A("viewBox", $"0 0 {Num(width)} {Num(height)}"),
          A("font-family", Font), A("font-size", 11), A("role", "img"), A("aria-labelledby", "title"), A("aria-describedby", "desc"),
          E("title", A("id", "title"), title),
          E("desc", A("id", "desc"), description),
          E("rect", A("width", width), A("height", height), A("fill", Paper)),
          content);

    /// <summary>The charts' background: charts keep it in a dark page too, so their colours read the same on screen, in print and as files.</summary>
    internal const string Paper = "#ffffff";

    /// <summary>A copy of <paramref name="svg"/> whose ids, and the aria references to them, start with <paramref name="prefix"/>.</summary>
    internal static XElement PrefixIds(XElement svg, string prefix)
    {
        var copy = new XElement(svg);
        foreach (XElement e in copy.DescendantsAndSelf())
        {
            if (e.Attribute("id") is { } id) id.Value = prefix + id.Value;
            foreach (string reference in new[] { "aria-labelledby", "aria-describedby" })
                if (e.Attribute(reference) is { } ids)
                    ids.Value = string.Join(' ', ids.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(i => prefix + i));
        }
        return copy;
    }

    /// <summary>Marks <paramref name="element"/> as a data mark (a bar, a heatmap cell, a point) of the given kind: it carries a tooltip.</summary>
    internal static XElement Mark(this XElement element, string kind)
    {
        element.SetAttributeValue("class", "mark " + kind);
        return element;
    }

    /// <summary>A <c>&lt;text&gt;</c> at (x, y); <paramref name="anchor"/> is start, middle or end; <paramref name="rotate"/> in degrees about (x, y).</summary>
    internal static XElement TextAt(double x, double y, string text, string anchor = "start", double rotate = 0, double size = 11, string weight = "normal")
    {
        var t = E("text", A("x", x), A("y", y), A("text-anchor", anchor), text);
        if (size != 11) t.Add(A("font-size", size));
        if (weight != "normal") t.Add(A("font-weight", weight));
        if (rotate != 0) t.Add(A("transform", $"rotate({Num(rotate)} {Num(x)} {Num(y)})"));
        return t;
    }

    internal static XElement Rect(double x, double y, double width, double height, string fill, string? tooltip = null)
    {
        var r = E("rect", A("x", x), A("y", y), A("width", width), A("height", height), A("fill", fill));
        if (tooltip is not null) r.Add(E("title", tooltip));
        return r;
    }

    internal static XElement Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        var l = E("line", A("x1", x1), A("y1", y1), A("x2", x2), A("y2", y2), A("stroke", stroke), A("stroke-width", width));
        if (dash is not null) l.Add(A("stroke-dasharray", dash));
        return l;
    }

    /// <summary>Estimated width in px of <paramref name="text"/> at <paramref name="size"/> px (≈ 0.6 em per character).</summary>
    internal static double TextWidth(string text, double size = 11) => 0.6 * size * text.Length;

    /// <summary>Linear blend of two #rrggbb colours: t = 0 gives <paramref name="from"/>, t = 1 gives <paramref name="to"/>.</summary>
    internal static string Blend(string from, string to, double t)
    {
        t = Math.Clamp(t, 0, 1);
        Span<char> hex = stackalloc char[7];
        hex[0] = '#';
        for (int i = 0; i < 3; i++)
        {
            int a = Convert.ToInt32(from.Substring(1 + 2 * i, 2), 16), b = Convert.ToInt32(to.Substring(1 + 2 * i, 2), 16);
            int c = (int)Math.Round(a + t * (b - a));
            c.TryFormat(hex.Slice(1 + 2 * i, 2), out _, "x2", CultureInfo.InvariantCulture);
        }
        return new string(hex);
    }

    /// <summary>
    /// WCAG 2.x relative luminance of a #rrggbb colour: L = 0.2126 R + 0.7152 G + 0.0722 B of the linearised sRGB channels
    /// (c ≤ 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055)^2.4). https://www.w3.org/TR/WCAG21/#dfn-relative-luminance
    /// </summary>
    internal static double RelativeLuminance(string colour)
    {
        double Channel(int i)
        {
            double c = Convert.ToInt32(colour.Substring(1 + 2 * i, 2), 16) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
    }

    /// <summary>WCAG contrast ratio (L₁ + 0.05) / (L₂ + 0.05) of two #rrggbb colours, lighter over darker: 1 to 21.</summary>
    internal static double ContrastRatio(string a, string b)
    {
        double la = RelativeLuminance(a), lb = RelativeLuminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>
    /// Black or white, whichever contrasts more with <paramref name="background"/> of luminance L. The two ratios,
    /// (L + 0.05) / 0.05 against black and 1.05 / (L + 0.05) against white, multiply to 21, so the better is at least
    /// √21 ≈ 4.58:1: above WCAG AA's 4.5:1 for normal text on any background.
    /// </summary>
    internal static string InkOn(string background) =>
        ContrastRatio(background, "#000000") >= ContrastRatio(background, "#ffffff") ? "#000000" : "#ffffff";

    /// <summary>"Nice" axis ticks 0, s, 2s, … covering [0, max], with s = 1, 2 or 5 × 10ⁿ and at most about <paramref name="count"/> ticks.</summary>
    internal static double[] Ticks(double max, int count = 5)
    {
        if (!(max > 0) || !double.IsFinite(max)) return [0, 1];
        double raw = max / count, magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = raw / magnitude <= 1 ? magnitude : raw / magnitude <= 2 ? 2 * magnitude : raw / magnitude <= 5 ? 5 * magnitude : 10 * magnitude;
        int n = (int)Math.Ceiling(max / step - 1e-9);
        return Enumerable.Range(0, n + 1).Select(i => i * step).ToArray();
    }

    /// <summary>A file-name-safe form of a model name: <c>lstm+cyber</c> → <c>lstm-cyber</c>.</summary>
    internal static string FileSafe(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>Applies <paramref name="change"/> (e.g. adds attributes) and returns the element, for use inside collection initialisers.</summary>
    internal static XElement Also(this XElement element, Action<XElement> change)
    {
        change(element);
        return element;
    }
}
