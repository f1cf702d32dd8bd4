using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AttackClassifier.BrowserTests.Browser;

/// <summary>
/// One tab: navigation, script evaluation, emulation, screenshots and PDF printing, plus what the page reported while it loaded
/// (console errors, uncaught exceptions, browser log errors, every request and every failed one).
/// </summary>
internal sealed class CdpPage : IAsyncDisposable
{
    private readonly CdpConnection _connection;
    private readonly string _targetId, _sessionId;
    private readonly object _gate = new();
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, string> _requests = [];   // requestId → URL
    private TaskCompletionSource? _loaded;

    internal CdpPage(CdpConnection connection, string targetId, string sessionId)
    {
        _connection = connection;
        _targetId = targetId;
        _sessionId = sessionId;
        connection.Subscribe(sessionId, OnEvent);
    }

    /// <summary>Console errors, uncaught exceptions, error-level log entries and failed requests since the last navigation.</summary>
    internal IReadOnlyList<string> Errors { get { lock (_gate) return _errors.ToArray(); } }

    /// <summary>Every URL the page requested since the last navigation, the document itself included.</summary>
    internal IReadOnlyList<string> RequestedUrls { get { lock (_gate) return _requests.Values.ToArray(); } }

    internal async Task EnableAsync()
    {
        foreach (string domain in new[] { "Page", "Runtime", "Log", "Network" })
            await SendAsync($"{domain}.enable");
    }

    internal Task<JsonElement> SendAsync(string method, JsonObject? parameters = null) => _connection.SendAsync(method, parameters, _sessionId);

    /// <summary>Navigates and waits for the load event (every subresource loaded or failed).</summary>
    internal async Task NavigateAsync(Uri url)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _errors.Clear();
            _requests.Clear();
            _loaded = loaded;
        }
        JsonElement result = await SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri });
        if (result.TryGetProperty("errorText", out JsonElement error))
            throw new CdpException($"Page.navigate {url}: {error.GetString()}");
        try
        {
            await loaded.Task.WaitAsync(CdpConnection.CommandTimeout);
        }
        catch (TimeoutException)
        {
            throw new CdpException($"{url}: no load event within {CdpConnection.CommandTimeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Evaluates <paramref name="expression"/> (awaiting a promise) and returns its value as JSON; a thrown error fails with its text.</summary>
    internal async Task<JsonElement> EvaluateAsync(string expression)
    {
        JsonElement reply = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true,
        });
        if (reply.TryGetProperty("exceptionDetails", out JsonElement thrown))
            throw new CdpException($"script failed: {Describe(thrown)}");
        return reply.GetProperty("result").TryGetProperty("value", out JsonElement value) ? value : default;
    }

    /// <summary>Sets the layout viewport in CSS px (device scale 1).</summary>
    internal Task SetViewportAsync(int width, int height) =>
        SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });

    /// <summary>Emulates a media type (<c>screen</c>, <c>print</c>, or "" for none) and the <c>prefers-color-scheme</c> feature.</summary>
    internal Task EmulateMediaAsync(string media, string colorScheme) =>
        SendAsync("Emulation.setEmulatedMedia", new JsonObject
        {
            ["media"] = media,
            ["features"] = new JsonArray(new JsonObject { ["name"] = "prefers-color-scheme", ["value"] = colorScheme }),
        });

    /// <summary>A PNG of the whole page, or of <paramref name="clip"/> (page coordinates, CSS px) when given.</summary>
    internal async Task<byte[]> ScreenshotAsync(Box? clip = null)
    {
        var parameters = new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true };
        if (clip is null)
        {
            JsonElement size = await EvaluateAsync("({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight })");
            clip = new Box(0, 0, size.GetProperty("w").GetDouble(), size.GetProperty("h").GetDouble());
        }
        parameters["clip"] = new JsonObject { ["x"] = clip.X, ["y"] = clip.Y, ["width"] = clip.Width, ["height"] = clip.Height, ["scale"] = 1 };
        return Convert.FromBase64String((await SendAsync("Page.captureScreenshot", parameters)).GetProperty("data").GetString()!);
    }

    /// <summary>Prints through the browser's print pipeline to a PDF of <paramref name="paper"/> (backgrounds printed, CSS page size honoured).</summary>
    internal async Task<byte[]> PrintToPdfAsync(PaperSize paper, bool tagged = true)
    {
        JsonElement reply = await SendAsync("Page.printToPDF", new JsonObject
        {
            ["paperWidth"] = paper.WidthInches, ["paperHeight"] = paper.HeightInches,
            ["marginTop"] = paper.MarginInches, ["marginBottom"] = paper.MarginInches, ["marginLeft"] = paper.MarginInches, ["marginRight"] = paper.MarginInches,
            ["printBackground"] = true, ["preferCSSPageSize"] = false, ["generateTaggedPDF"] = tagged,
        });
        return Convert.FromBase64String(reply.GetProperty("data").GetString()!);
    }

    private void OnEvent(string method, JsonElement p)
    {
        lock (_gate)
        {
            switch (method)
            {
                case "Page.loadEventFired":
                    _loaded?.TrySetResult();
                    break;
                case "Runtime.consoleAPICalled" when p.GetProperty("type").GetString() is "error" or "assert":
                    _errors.Add($"console.{p.GetProperty("type").GetString()}: " +
                                string.Join(" ", p.GetProperty("args").EnumerateArray().Select(a => a.TryGetProperty("value", out JsonElement v) ? v.ToString() : a.GetProperty("type").GetString())));
                    break;
                case "Runtime.exceptionThrown":
                    _errors.Add($"uncaught exception: {Describe(p.GetProperty("exceptionDetails"))}");
                    break;
                case "Log.entryAdded" when p.GetProperty("entry").GetProperty("level").GetString() == "error":
                    JsonElement entry = p.GetProperty("entry");
                    _errors.Add($"browser log ({entry.GetProperty("source").GetString()}): {entry.GetProperty("text").GetString()}" +
                                (entry.TryGetProperty("url", out JsonElement url) ? $" [{url.GetString()}]" : ""));
                    break;
                case "Network.requestWillBeSent":
                    _requests[p.GetProperty("requestId").GetString()!] = p.GetProperty("request").GetProperty("url").GetString()!;
                    break;
                case "Network.responseReceived" when p.GetProperty("response").GetProperty("status").GetInt32() >= 400:
                    _errors.Add($"request failed: HTTP {p.GetProperty("response").GetProperty("status").GetInt32().ToString(CultureInfo.InvariantCulture)} {p.GetProperty("response").GetProperty("url").GetString()}");
                    break;
                case "Network.loadingFailed":
                    _errors.Add($"request failed: {p.GetProperty("errorText").GetString()} " +
                                (_requests.TryGetValue(p.GetProperty("requestId").GetString()!, out string? failed) ? failed : "(unknown URL)"));
                    break;
            }
        }
    }

    private static string Describe(JsonElement details) =>
        details.TryGetProperty("exception", out JsonElement e) && e.TryGetProperty("description", out JsonElement d) ? d.GetString()! : details.GetProperty("text").GetString()!;

    public async ValueTask DisposeAsync()
    {
        _connection.Unsubscribe(_sessionId);
        try
        {
            await _connection.SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = _targetId });
        }
        catch (CdpException)
        {
            // The browser is already closing.
        }
    }
}

/// <summary>A rectangle in CSS px.</summary>
internal sealed record Box(double X, double Y, double Width, double Height)
{
    internal double Right => X + Width;
    internal double Bottom => Y + Height;
}

/// <summary>Paper for printing: size and one margin on every side, in inches (the unit of Page.printToPDF).</summary>
internal sealed record PaperSize(double WidthInches, double HeightInches, double MarginInches)
{
    /// <summary>ISO 216 A4, 210 × 297 mm, with 10 mm margins.</summary>
    internal static readonly PaperSize A4 = new(210 / 25.4, 297 / 25.4, 10 / 25.4);

    /// <summary>The printable area's height in CSS px (96 px per inch).</summary>
    internal double ContentHeightPx => 96 * (HeightInches - 2 * MarginInches);

    internal double ContentWidthPx => 96 * (WidthInches - 2 * MarginInches);
}
