using AttackClassifier.Streaming;
using AttackClassifier.Telemetry;

namespace AttackClassifier.StreamingTests;

/// <summary>Identity fields become header values that cannot break the header block.</summary>
public sealed class IdentityHeadersTests
{
    [Theory]
    [InlineData("host-1", "host-1")]
    [InlineData("evil\r\nNats-Msg-Id: 1", "evil??Nats-Msg-Id: 1")]   // a line break would start a forged header
    [InlineData("naïve\tpath", "na?ve?path")]
    [InlineData("", "")]
    public void Header_values_hold_printable_ascii_only(string value, string expected) =>
        Assert.Equal(expected, IdentityHeaders.HeaderSafe(value));

    [Fact]
    public void Long_values_are_cut_at_256_chars() =>
        Assert.Equal(new string('a', 256), IdentityHeaders.HeaderSafe(new string('a', 1000)));

    [Fact]
    public void A_field_the_source_lacks_has_no_header_value()
    {
        var record = new TelemetryRecord { LineNumber = 1, CommandLine = "id", EventId = "e-1", Host = "web\n01" };
        var headers = IdentityHeaders.Of(record).ToDictionary(h => h.Name, h => h.Value);
        Assert.Equal("e-1", headers["Attack-Event-Id"]);
        Assert.Equal("web?01", headers["Attack-Host"]);
        Assert.Null(headers["Attack-Process-Id"]);
    }
}
