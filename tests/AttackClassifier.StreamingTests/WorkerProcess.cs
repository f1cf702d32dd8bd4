using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace AttackClassifier.StreamingTests;

/// <summary>
/// The built CLI's <c>serve</c> as a separate process, as a deployment runs it: <c>dotnet attack-classifier.dll serve …</c>
/// from beside the tests. Its standard error is collected; <see cref="Dispose"/> kills it if it still runs.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    internal WorkerProcess(IEnumerable<string> serveArguments)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "attack-classifier.dll");
        if (!File.Exists(cli)) throw new InvalidOperationException($"The built CLI is missing: {cli}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(cli);
        info.ArgumentList.Add("serve");
        foreach (string a in serveArguments) info.ArgumentList.Add(a);
        _process = Process.Start(info) ?? throw new InvalidOperationException("The worker did not start.");
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>Everything the worker wrote to standard error so far.</summary>
    internal string Stderr
    {
        get
        {
            lock (_stderr) return _stderr.ToString();
        }
    }

    internal bool HasExited => _process.HasExited;

    /// <summary>SIGTERM, as a service manager stops it; then waits for the exit. Returns the exit code.</summary>
    internal int Terminate(TimeSpan timeout)
    {
        if (Kill(_process.Id, 15) != 0) throw new InvalidOperationException($"kill -TERM {_process.Id} failed.");
        if (!_process.WaitForExit(timeout)) throw new TimeoutException($"The worker did not exit within {timeout} of SIGTERM. stderr:\n{Stderr}");
        _process.WaitForExit();   // the stderr reader has reached the end
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the worker dies with its batch in hand, as in a crash.</summary>
    internal void KillHard()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) KillHard();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
