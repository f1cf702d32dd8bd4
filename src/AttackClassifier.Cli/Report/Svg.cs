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

    /// <summary>The root <c>&lt;svg&gt;</c> of a <paramref name="width"/> × <paramref name="height"/> picture (px), with a title for screen readers.</summary>
    internal static XElement Root(double width, double height, string title, IEnumerable<XElement> content) =>
        E("svg", A("width", width), A("height", height), A("viewBox", $"0 0 {Num(width)} {Num(height)}"),
          A("font-family", Font), A("font-size", 11), A("role", "img"),
          E("title", title),
          E("rect", A("width", width), A("height", height), A("fill", "#ffffff")),
          content);

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
