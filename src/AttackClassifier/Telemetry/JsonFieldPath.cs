using System.Globalization;
using System.Text.Json;

namespace AttackClassifier.Telemetry;

/// <summary>
/// Dot paths into JSON objects (<c>process.command_line</c>), the one rule behind
/// <see cref="TelemetryReaderOptions.FieldPath"/>, every preset's field lookups and <see cref="TelemetryRecord.TryGetField"/>.
/// </summary>
/// <remarks>
/// Events arrive both nested (<c>{"process":{"command_line":…}}</c>) and with dotted keys (Elasticsearch keeps a
/// document's <c>_source</c> as sent, so <c>{"process.command_line":…}</c> is common). At each object the longest run of
/// remaining segments that is a key wins, then shorter runs are tried, so both shapes and their mixtures resolve.
/// A segment of digits indexes an array. A repeated key resolves to its last occurrence (as JsonElement.TryGetProperty does).
/// </remarks>
internal static class JsonFieldPath
{
    /// <exception cref="ArgumentException">An empty path or an empty segment (<c>a..b</c>).</exception>
    internal static string[] Split(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string[] segments = path.Split('.');
        if (Array.IndexOf(segments, "") >= 0) throw new ArgumentException($"field path '{path}' has an empty segment.", nameof(path));
        return segments;
    }

    internal static bool TryResolve(JsonElement root, string[] segments, out JsonElement value) => TryResolve(root, segments, 0, out value);

    private static bool TryResolve(JsonElement node, string[] segments, int start, out JsonElement value)
    {
        if (start == segments.Length)
        {
            value = node;
            return true;
        }
        if (node.ValueKind == JsonValueKind.Object)
        {
            for (int take = segments.Length - start; take >= 1; take--)
            {
                string key = take == 1 ? segments[start] : string.Join('.', segments, start, take);
                if (node.TryGetProperty(key, out JsonElement child) && TryResolve(child, segments, start + take, out value)) return true;
            }
        }
        else if (node.ValueKind == JsonValueKind.Array
                 && int.TryParse(segments[start], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                 && index < node.GetArrayLength())
        {
            return TryResolve(node[index], segments, start + 1, out value);
        }
        value = default;
        return false;
    }

    /// <summary>A resolved string, or a number's JSON text; null for anything else (identity fields are text).</summary>
    internal static string? Text(JsonElement root, string[] segments) =>
        TryResolve(root, segments, out JsonElement v) ? Text(v) : null;

    internal static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        _ => null,
    };

    /// <summary>How an element's kind reads in an error message ("a number", "an object").</summary>
    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a string",
    };
}
