using AttackClassifier.BrowserTests.Browser;

namespace AttackClassifier.BrowserTests;

/// <summary>One headless Chromium shared by every browser test (starting one costs about a second); tests open their own tabs.</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private Chromium? _chromium;

    internal Chromium Browser => _chromium ?? throw new InvalidOperationException("the browser has not started");

    /// <summary>Where screenshots go: $ATTACK_SCREENSHOTS, else screenshots/ in the test output folder.</summary>
    internal static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("ATTACK_SCREENSHOTS") is { Length: > 0 } folder ? Path.GetFullPath(folder) : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync() => _chromium = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (_chromium is not null) await _chromium.DisposeAsync();
    }
}

/// <summary>The browser tests run one after another in one browser: the machine has two cores, and pages share nothing.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    internal const string Name = "browser";
}
