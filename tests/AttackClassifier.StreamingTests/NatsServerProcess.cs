using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AttackClassifier.StreamingTests;

/// <summary>
/// A real <c>nats-server -js</c> on 127.0.0.1, a free port and a temporary store directory, for one test (or one
/// benchmark run): started by the constructor, stopped and its directory deleted by <see cref="Dispose"/>. It can be
/// killed and started again on the same port and store (file storage survives). Only loopback is ever used.
/// </summary>
internal sealed class NatsServerProcess : IDisposable
{
    private static readonly string[] Candidates = ["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"];
    private readonly string _binary;
    private Process? _process;

    internal NatsServerProcess()
    {
        _binary = Find() ?? throw new InvalidOperationException(
            "nats-server was not found on PATH or in /usr/sbin: the streaming tests need a real JetStream server. " +
            "Install Debian's package (apt-get install -y nats-server); CI's .ci/run does so when it is missing.");
        Port = FreePort();
        StoreDirectory = Directory.CreateTempSubdirectory("attack-nats-").FullName;
        Start();
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    internal int Port { get; }

    /// <summary>The JetStream store (file storage).</summary>
    internal string StoreDirectory { get; }

    /// <summary>nats://127.0.0.1:PORT.</summary>
    internal string Url => $"nats://127.0.0.1:{Port}";

    /// <summary>The server's process id (its CPU time is read from /proc by the benchmark).</summary>
    internal int ProcessId => _process?.Id ?? throw new InvalidOperationException("The server is not running.");

    /// <summary>Starts the server and waits until it accepts connections (at most 10 s).</summary>
    internal void Start()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("The server is already running.");
        var info = new ProcessStartInfo(_binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { "-js", "-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-sd", StoreDirectory })
            info.ArgumentList.Add(a);
        _process = Process.Start(info) ?? throw new InvalidOperationException("nats-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"nats-server exited at start with code {_process.ExitCode}.");
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Kills the server at once (SIGKILL): no shutdown work, as in a crash.</summary>
    internal void Kill()
    {
        if (_process is null) return;
        try
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(StoreDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? Find()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string path = Path.Combine(dir, "nats-server");
            if (File.Exists(path)) return path;
        }
        return Candidates.FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
