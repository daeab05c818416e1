using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace PolicyCompiler.Tests.Support;

/// <summary>
/// Debian's headless Chromium, driven over the DevTools protocol: open a page, record what it logs and every
/// request it makes, evaluate script in it, take a screenshot. Every wait has a deadline, so a browser that
/// hangs fails the test instead of stalling the run.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly object _eventsLock = new();
    private readonly List<JsonObject> _events = new();
    private Task? _receiving;
    private int _nextId;
    private string? _session;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Where the browser is: $CHROMIUM, or Debian's /usr/bin/chromium; null when neither exists.</summary>
    public static string? Executable()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM");
        if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
        return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
    }

    public static async Task<HeadlessChromium> StartAsync(string executable, int width, int height)
    {
        var profile = Directory.CreateTempSubdirectory("policyc-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                     "--disable-component-update", "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile,
                     "--remote-debugging-port=0", $"--window-size={width},{height}", "about:blank",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start");
        var browser = new HeadlessChromium(process, profile);
        try
        {
            // Chromium prints the address of its DevTools endpoint on stderr when it is ready.
            var endpoint = await browser.ReadEndpointAsync();
            await browser._socket.ConnectAsync(new Uri(endpoint), browser.Timeout());
            browser._receiving = Task.Run(browser.ReceiveAsync);
            var target = await browser.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, session: false);
            var attached = await browser.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = (string)target["targetId"]!, ["flatten"] = true }, session: false);
            browser._session = (string)attached["sessionId"]!;
            await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
            foreach (var domain in new[] { "Page", "Runtime", "Log", "Network" }) await browser.SendAsync(domain + ".enable", new JsonObject());
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a URL and waits for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        var loaded = WaitForEventAsync("Page.loadEventFired");
        var navigated = await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        if (navigated["errorText"] is { } error) throw new InvalidOperationException("navigation failed: " + error);
        await loaded;
    }

    /// <summary>Evaluates an expression in the page and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } exception) throw new InvalidOperationException("script failed: " + exception.ToJsonString());
        return result["result"]?["value"];
    }

    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        return Convert.FromBase64String((string)result["data"]!);
    }

    /// <summary>The events received so far of one method (for example <c>Network.requestWillBeSent</c>).</summary>
    public IReadOnlyList<JsonObject> Events(string method)
    {
        lock (_eventsLock) return _events.FindAll(e => (string?)e["method"] == method);
    }

    /// <summary>What the page logged as an error: console errors, uncaught exceptions, and the browser's own error entries.</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        foreach (var e in Events("Runtime.consoleAPICalled"))
        {
            if ((string?)e["params"]?["type"] is "error" or "assert") errors.Add("console: " + e["params"]!["args"]!.ToJsonString());
        }
        foreach (var e in Events("Runtime.exceptionThrown")) errors.Add("exception: " + e["params"]!["exceptionDetails"]!.ToJsonString());
        foreach (var e in Events("Log.entryAdded"))
        {
            if ((string?)e["params"]?["entry"]?["level"] == "error") errors.Add("log: " + e["params"]!["entry"]!["text"]);
        }
        return errors;
    }

    private async Task<string> ReadEndpointAsync()
    {
        var pattern = new Regex(@"DevTools listening on (ws://\S+)");
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline)
        {
            var line = await _process.StandardError.ReadLineAsync(Timeout());
            if (line is null) break;
            var match = pattern.Match(line);
            if (match.Success)
            {
                // Keep draining stderr, or a chatty browser blocks on a full pipe.
                _ = _process.StandardError.ReadToEndAsync();
                return match.Groups[1].Value;
            }
        }
        throw new InvalidOperationException("Chromium did not report its DevTools endpoint");
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters, bool session = true)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session && _session is not null) message["sessionId"] = _session;
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, Timeout());
        var response = await reply.Task.WaitAsync(Deadline);
        if (response["error"] is { } error) throw new InvalidOperationException(method + " failed: " + error.ToJsonString());
        return response["result"]?.AsObject() ?? new JsonObject();
    }

    private async Task WaitForEventAsync(string method)
    {
        var deadline = DateTime.UtcNow + Deadline;
        var seen = Events(method).Count;
        while (Events(method).Count == seen)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("no " + method + " within " + Deadline);
            await Task.Delay(20);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage) continue;
                var json = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (json["id"] is { } id && _pending.TryRemove((int)id, out var reply)) reply.TrySetResult(json);
                else if (json["method"] is not null) lock (_eventsLock) _events.Add(json);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or JsonException)
        {
            foreach (var reply in _pending.Values) reply.TrySetException(e);
        }
    }

    private CancellationToken Timeout() => new CancellationTokenSource(Deadline).Token;

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or it would not die in time: nothing more to do from here.
        }
        if (_receiving is not null) await Task.WhenAny(_receiving, Task.Delay(1000));
        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // The browser may still hold a file of its profile for a moment; a temp folder left behind is harmless.
        }
    }
}
