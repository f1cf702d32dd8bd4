using System.Diagnostics;
using System.Text.Json;

namespace AttackClassifier.BrowserTests.Reports;

/// <summary>
/// The reports under test, made by the built <c>attack-classifier</c> (copied beside the tests by the project reference) exactly as a
/// user runs it: <c>compare</c> on the shipped sample data with its defaults, on <see cref="HostileLabels"/>' 40 classes, and on the sample
/// data with <c>--cost-growth on</c> (which the automatic setting leaves out below 10,000 training rows).
/// </summary>
public sealed class ComparedReports : IDisposable
{
    /// <summary>Report name → its folder and what <c>compare --json</c> said about it.</summary>
    internal IReadOnlyDictionary<string, Report> Reports { get; }

    /// <summary>A written report: its folder, the models compared (in order), every class label of the data, and whether it was asked
    /// for the cost-growth section.</summary>
    internal sealed record Report(string Folder, IReadOnlyList<ModelRun> Models, IReadOnlyList<string> Classes, bool CostGrowth = false)
    {
        internal Uri Html => new(Path.Combine(Folder, "report.html"));
    }

    /// <summary>One compared model: the epochs it ran (0 for LR) and the classes present in its test labels or predictions (its heatmap's rows).</summary>
    internal sealed record ModelRun(string Name, int Epochs, IReadOnlyList<string> PresentClasses);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "attack-browser-" + Guid.NewGuid().ToString("N"));

    public ComparedReports()
    {
        Directory.CreateDirectory(_root);
        string sample = Path.Combine(AppContext.BaseDirectory, "data", "commands.csv");
        string hostile = HostileLabels.Write(Path.Combine(_root, "forty-classes.csv"));
        Reports = new Dictionary<string, Report>
        {
            ["sample"] = Compare("sample", sample),   // the CLI's defaults: lr and three LSTM variants, 10 epochs at most
            ["forty-classes"] = Compare("forty-classes", hostile, "--models", "lr,lstm", "--epochs", "3"),
            ["cost-growth"] = Compare("cost-growth", sample, "--models", "lr,lr-default,lstm", "--epochs", "2", "--cost-growth", "on"),
        };
    }

    private Report Compare(string name, string data, params string[] options)
    {
        string folder = Path.Combine(_root, name);
        string output = RunCli(["compare", "--data", data, "--out", folder, "--no-progress", "--json", .. options]);
        using var json = JsonDocument.Parse(output);
        var models = json.RootElement.GetProperty("models").EnumerateArray().Select(m =>
        {
            JsonElement test = m.GetProperty("test");
            string[] labels = test.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray();
            double[][] confusion = test.GetProperty("confusion_matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            // Present: a class with observations as the true class (its row) or as a prediction (its column).
            string[] present = labels.Where((_, i) => confusion[i].Any(v => v > 0) || confusion.Any(row => row[i] > 0)).ToArray();
            return new ModelRun(m.GetProperty("model").GetString()!, m.TryGetProperty("epochs_run", out JsonElement e) ? e.GetInt32() : 0, present);
        }).ToArray();
        string[] classes = json.RootElement.GetProperty("models")[0].GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        return new Report(folder, models, classes, CostGrowth: options.Contains("--cost-growth"));
    }

    /// <summary>Runs <c>dotnet attack-classifier.dll ARGS</c> and returns its standard output; a non-zero exit fails with its standard error.</summary>
    private static string RunCli(params string[] args)
    {
        // The SDK tells child processes which dotnet runs them; fall back to the one on PATH.
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "attack-classifier.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))   // hang guard
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"attack-classifier {string.Join(' ', args)} did not finish within 10 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"attack-classifier {string.Join(' ', args)} exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
