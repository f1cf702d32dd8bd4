using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AttackClassifier.BrowserTests.Browser;

/// <summary>
/// A Chrome DevTools Protocol client over one WebSocket: JSON messages <c>{id, method, params, sessionId}</c> out, responses
/// <c>{id, result | error}</c> and events <c>{method, params, sessionId}</c> back (protocol: chromedevtools.github.io/devtools-protocol).
/// Sessions are "flat" (Target.attachToTarget with flatten = true): every page's messages travel on this one socket,
/// told apart by <c>sessionId</c>.
/// </summary>
internal sealed class CdpConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentDictionary<string, Action<string, JsonElement>> _sessions = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _receiveLoop = Task.CompletedTask;
    private int _nextId;

    /// <summary>How long one command may take before it fails: a hang guard, not a performance assertion.</summary>
    internal static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    internal static async Task<CdpConnection> ConnectAsync(Uri endpoint)
    {
        var connection = new CdpConnection();
        connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await connection._socket.ConnectAsync(endpoint, timeout.Token);
        connection._receiveLoop = Task.Run(connection.ReceiveLoopAsync);
        return connection;
    }

    /// <summary>Routes the events of <paramref name="sessionId"/> to <paramref name="onEvent"/> (method, params).</summary>
    internal void Subscribe(string sessionId, Action<string, JsonElement> onEvent) => _sessions[sessionId] = onEvent;

    internal void Unsubscribe(string sessionId) => _sessions.TryRemove(sessionId, out _);

    /// <summary>Sends one command and returns its <c>result</c>; a protocol error becomes a <see cref="CdpException"/> naming the method.</summary>
    internal async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null, string? sessionId = null)
    {
        int id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (sessionId is not null) message["sessionId"] = sessionId;
        byte[] bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
        }
        finally
        {
            _sendLock.Release();
        }
        try
        {
            return await reply.Task.WaitAsync(CommandTimeout);
        }
        catch (TimeoutException)
        {
            throw new CdpException($"{method}: no reply from the browser within {CommandTimeout.TotalSeconds:0} s");
        }
        catch (CdpException e)
        {
            throw new CdpException($"{method}: {e.Message}");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult part = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (part.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage) continue;   // screenshots and PDFs arrive as many frames of one message
                Dispatch(message.GetBuffer().AsMemory(0, (int)message.Length));
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closed by DisposeAsync or by the browser exiting: every waiting command fails below.
        }
        foreach (var waiting in _pending.Values) waiting.TrySetException(new CdpException("the browser closed the DevTools connection"));
    }

    private void Dispatch(ReadOnlyMemory<byte> utf8)
    {
        using JsonDocument document = JsonDocument.Parse(utf8);
        JsonElement root = document.RootElement;
        if (root.TryGetProperty("id", out JsonElement id))
        {
            if (!_pending.TryGetValue(id.GetInt32(), out var reply)) return;
            if (root.TryGetProperty("error", out JsonElement error))
                reply.TrySetException(new CdpException($"protocol error {error.GetProperty("code").GetInt32()}: {error.GetProperty("message").GetString()}"));
            else
                reply.TrySetResult(root.GetProperty("result").Clone());
            return;
        }
        if (root.TryGetProperty("sessionId", out JsonElement session) && _sessions.TryGetValue(session.GetString()!, out var onEvent))
            onEvent(root.GetProperty("method").GetString()!, root.TryGetProperty("params", out JsonElement p) ? p.Clone() : default);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try { await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token); }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException) { /* the browser already went away */ }
        }
        _stop.Cancel();
        await _receiveLoop;
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }
}

/// <summary>A DevTools command failed or timed out; the message names the method.</summary>
internal sealed class CdpException(string message) : Exception(message);
