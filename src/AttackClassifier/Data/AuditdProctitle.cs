using AttackClassifier.Telemetry;

namespace AttackClassifier.Data;

/// <summary>
/// Reads command lines out of single raw Linux audit records. A <c>type=PROCTITLE</c> record carries the process's argv
/// in its <c>proctitle=</c> field, written by auditd either as hex (when any byte is a space, quote, control or
/// non-ASCII character — argv is NUL-separated, so this is the usual case) or as a double-quoted string;
/// <c>ausearch -i</c> prints the already-decoded text unquoted to the end of the line. All three are accepted.
/// </summary>
/// <remarks>
/// The kernel truncates proctitle to 128 bytes, so long command lines arrive cut; that is the data, not an error.
/// argv elements are joined by single spaces, as the study's <c>proctitle</c> column is. Bytes that are not valid
/// UTF-8 become U+FFFD (visible, never dropped): telemetry is not ours to reject. The record syntax itself is read by
/// the Telemetry layer's auditd parser; <see cref="Telemetry.TelemetryReader"/> with <see cref="TelemetryFormat.Auditd"/>
/// goes further, grouping an event's records and preferring its untruncated EXECVE argv.
/// </remarks>
public static class AuditdProctitle
{
    /// <summary>
    /// Decodes <paramref name="line"/> when it is a PROCTITLE record. Returns false for other record types and for
    /// lines that are not audit records at all.
    /// </summary>
    /// <exception cref="FormatException">A PROCTITLE record whose header or value is malformed (no msg=audit(TIME:SERIAL),
    /// odd-length or non-hex digits, an unclosed quote, no value).</exception>
    public static bool TryDecodeRecord(string line, out string commandLine)
    {
        ArgumentNullException.ThrowIfNull(line);
        commandLine = "";
        if (!AuditdRecord.TryParse(line, out AuditdRecord? record, out string? type, out string? error))
            return type == "PROCTITLE" ? throw new FormatException(error) : false;
        if (record.Type != "PROCTITLE") return false;
        commandLine = record.DecodeProctitle();
        return true;
    }

    /// <summary>Decodes a proctitle value: hex argv, a quoted string, or (as <c>ausearch -i</c> prints) plain text.</summary>
    /// <exception cref="FormatException">An unclosed quote, an empty value, or hex of odd length.</exception>
    public static string DecodeValue(ReadOnlySpan<char> value) => AuditdRecord.DecodeProctitleValue(value);
}
