using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AttackClassifier.BrowserTests.Browser;

/// <summary>
/// A headless Chromium the tests start themselves (the distribution's package: nothing is downloaded at run time) and drive
/// over the DevTools protocol. <c>--remote-debugging-port=0</c> lets the browser pick a free loopback port, which it writes to
/// <c>DevToolsActivePort</c> in its profile folder (line 1: port, line 2: the browser target's WebSocket path).
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    /// <summary>Environment variable naming the browser executable; without it the PATH is searched for <see cref="Names"/>.</summary>
    internal const string ExecutableVariable = "ATTACK_CHROMIUM";

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    private readonly Process _process;
    private readonly string _profile;

    private Chromium(Process process, string profile, CdpConnection connection)
    {
        _process = process;
        _profile = profile;
        Connection = connection;
    }

    internal CdpConnection Connection { get; }

    /// <summary>The browser's product string, e.g. "Chrome/156.0.8078.114".</summary>
    internal string Version { get; private set; } = "";

    internal static async Task<Chromium> LaunchAsync()
    {
        string executable = FindExecutable();
        string profile = Path.Combine(Path.GetTempPath(), "attack-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
                 {
                     "--headless", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", $"--user-data-dir={profile}",
                     "--no-sandbox",                 // CI runs as root, where Chromium's sandbox refuses to start
                     "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--hide-scrollbars", "--mute-audio", "--force-color-profile=srgb",   // sRGB: screenshots' colours equal the CSS ones
                     "about:blank",
                 })
            start.ArgumentList.Add(argument);
        Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        string portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                string output;
                lock (log) output = log.ToString();
                throw new InvalidOperationException($"{executable} did not open its DevTools port within 60 s (exit code {(process.HasExited ? process.ExitCode : -1)}). Output:\n{output}");
            }
            await Task.Delay(50);
        }
        string[] lines = File.ReadAllLines(portFile);
        var endpoint = new Uri($"ws://127.0.0.1:{int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture)}{lines[1]}");
        var chromium = new Chromium(process, profile, await CdpConnection.ConnectAsync(endpoint));
        chromium.Version = (await chromium.Connection.SendAsync("Browser.getVersion")).GetProperty("product").GetString() ?? "";
        return chromium;
    }

    /// <summary>A new tab with its own session; closed again by its <see cref="CdpPage.DisposeAsync"/>.</summary>
    internal async Task<CdpPage> NewPageAsync()
    {
        string targetId = (await Connection.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" })).GetProperty("targetId").GetString()!;
        string sessionId = (await Connection.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true }))
            .GetProperty("sessionId").GetString()!;
        var page = new CdpPage(Connection, targetId, sessionId);
        await page.EnableAsync();
        return page;
    }

    private static string FindExecutable()
    {
        if (Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"{ExecutableVariable}={configured}: no such file");
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (string name in Names)
                if (File.Exists(Path.Combine(directory, name))) return Path.Combine(directory, name);
        throw new FileNotFoundException(
            $"No Chromium found on PATH (looked for {string.Join(", ", Names)}). Install it (Debian: apt-get install -y chromium) or set {ExecutableVariable} to the browser's executable.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.SendAsync("Browser.close");
        }
        catch (CdpException)
        {
            // Already gone: nothing to close.
        }
        await Connection.DisposeAsync();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); }
        catch (IOException) { /* a renderer may still hold a file for a moment; the temp folder is the OS's to clean */ }
    }
}
