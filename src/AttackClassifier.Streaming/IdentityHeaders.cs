using AttackClassifier.Telemetry;

namespace AttackClassifier.Streaming;

/// <summary>The input's identity fields, as output headers: a consumer of the results can tie each back to its event
/// without parsing the body.</summary>
internal static class IdentityHeaders
{
    /// <summary>(header name, value) for each identity field of the record; a value is null when the source lacked it.</summary>
    internal static IEnumerable<(string Name, string? Value)> Of(TelemetryRecord record)
    {
        yield return ("Attack-Event-Id", Safe(record.EventId));
        yield return ("Attack-Host", Safe(record.Host));
        yield return ("Attack-Process-Id", Safe(record.ProcessId));
        yield return ("Attack-Timestamp", Safe(record.Timestamp));
    }

    private static string? Safe(string? value) => value is null ? null : HeaderSafe(value);

    /// <summary>A header value cannot hold CR or LF (they end the header) nor non-ASCII: those become '?', and the value is
    /// cut at 256 chars. Headers are for routing and joining; the body keeps the exact text.</summary>
    internal static string HeaderSafe(string value)
    {
        ReadOnlySpan<char> text = value.AsSpan(0, Math.Min(value.Length, 256));
        if (!text.ContainsAnyExceptInRange(' ', '~')) return text.Length == value.Length ? value : text.ToString();
        return string.Create(text.Length, value, static (chars, source) =>
        {
            for (int i = 0; i < chars.Length; i++) chars[i] = source[i] is >= ' ' and <= '~' ? source[i] : '?';
        });
    }
}
