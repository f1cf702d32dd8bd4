using System.Globalization;

namespace AttackClassifier.Sessions;

/// <summary>Reads the timestamp texts telemetry carries: ISO 8601 (ECS <c>@timestamp</c>, Sysmon <c>UtcTime</c>; no offset
/// means UTC) and Unix epoch seconds with an optional fraction (auditd <c>1700000000.123</c>, osquery <c>unixTime</c>).</summary>
internal static class SessionTime
{
    // Epoch seconds accepted: 1970 to 9999, the range DateTimeOffset holds.
    private const double MaxEpochSeconds = 253_402_300_799;

    internal static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        bool epoch = true;
        foreach (char c in s) if (!(char.IsAsciiDigit(c) || c == '.')) { epoch = false; break; }
        if (epoch)
        {
            return double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) && seconds <= MaxEpochSeconds
                ? DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond))
                : null;
        }
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset t)
            ? t : null;
    }
}
