using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Triggers.App.Tests.Infrastructure;
using Triggers.Azure.Emulator;
using Triggers.Azure.Storage;

namespace Triggers.App.Tests.Storage;

/// <summary>
/// The standalone app as a developer runs it: a separate process that starts Azurite itself, killed with
/// SIGKILL in the middle of a stream of webhooks whose signals each plan a touchpoint and publish its event. What it
/// acknowledged must still be there after restarts, once: one processed signal, one touchpoint, one event per webhook.
/// </summary>
// In the app collection, which runs apart from the other test collections, so they do not slow its senders and restarts.
[Collection(LongAppCollection.Name)]
public sealed partial class HostCrashTests(ITestOutputHelper output)
{
    private const int Senders = 4;
    private const int PerSender = 250;
    private const int Total = Senders * PerSender;
    private const int Kills = 3;
    private const string AdminKey = "crash-test-admin-key";
    private const string Secret = "crash-test-secret-0001";
    private const string Tenant = "crashtests";

    // The same for every retry of a webhook; recent, so the touchpoints (due an hour later) are not dispatched during the test.
    private static readonly DateTimeOffset Epoch = TimeProvider.System.GetUtcNow();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_acknowledged_webhook_is_decided_exactly_once_with_one_touchpoint_and_one_event_when_the_host_that_started_azurite_is_killed_three_times()
    {
        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("triggers-crash-");
        var host = new HostProcess(folder.FullName, output);
        try
        {
            await host.StartAsync();
            using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            await AddRuleAsync(host, client);

            var acknowledged = 0;
            var senders = Enumerable.Range(0, Senders).Select(s => Task.Run(async () =>
            {
                for (var i = 0; i < PerSender; i++)
                {
                    await SendUntilAcceptedAsync(client, s, i);
                    Interlocked.Increment(ref acknowledged);
                }
            })).ToArray();

            // Each kill lands while acknowledgements are flowing, i.e. with acknowledged writes that Azurite
            // holds in memory and has not saved yet (it saves every 5 s and when it closes).
            for (var kill = 1; kill <= Kills; kill++)
            {
                while (Volatile.Read(ref acknowledged) < kill * Total / (Kills + 1) && !senders.All(t => t.IsCompleted))
                {
                    await Task.Delay(20, Ct);
                }

                var at = Volatile.Read(ref acknowledged);
                await host.KillAsync();
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: kill -9 of the host #{kill} after {at} acknowledgements");
                await host.StartAsync();
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: host restarted and healthy");
            }

            await Task.WhenAll(senders);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: all {Total} webhooks acknowledged");

            var stored = await WaitUntilProcessedAsync(client);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {stored.Sum(s => s.Value)} signals stored");

            var lost = Sent().Where(t => !stored.ContainsKey(t)).ToList();
            var doubled = stored.Where(s => s.Value > 1).Select(s => $"{s.Key} ×{s.Value}").ToList();
            var unknown = stored.Keys.Where(t => !Sent().Contains(t)).ToList();
            Assert.True(
                lost.Count == 0 && doubled.Count == 0 && unknown.Count == 0 && host.StartedAzurite == Kills + 1,
                $"After {Kills} kills of the host, {lost.Count} of {Total} acknowledged signals were lost{Examples(lost)}, " +
                $"{doubled.Count} stored more than once{Examples(doubled)}, {unknown.Count} unexpected{Examples(unknown)}; the host started Azurite itself " +
                $"{host.StartedAzurite} of {Kills + 1} times. Host output (tail):{Environment.NewLine}{host.Tail}");

            // Touchpoint ids are derived from the signal, so one per signal means none lost and none doubled.
            var touchpoints = await TouchpointsAsync(host);
            var events = await EventsAsync(host);
            var withoutEvent = touchpoints.Keys.Where(id => !events.ContainsKey(id)).ToList();
            var foreign = events.Keys.Where(id => !touchpoints.ContainsKey(id)).ToList();
            output.WriteLine($"{touchpoints.Count} touchpoints; events: {events.Count} distinct, {events.Values.Sum(e => e.Copies)} copies on the local queue");
            Assert.Equal(Total, touchpoints.Count);
            Assert.Equal(Total, touchpoints.Values.Distinct(StringComparer.Ordinal).Count());
            Assert.True(
                withoutEvent.Count == 0 && foreign.Count == 0 && events.Values.All(e => e.Types == 1),
                $"{withoutEvent.Count} touchpoints without their event{Examples(withoutEvent)}, {foreign.Count} events of unknown touchpoints{Examples(foreign)}, " +
                $"{events.Values.Count(e => e.Types > 1)} touchpoints announced with more than one creation event{Examples([.. events.Where(e => e.Value.Types > 1).Select(e => e.Value.Ids)])}");
        }
        finally
        {
            await host.DisposeAsync();
            DeleteQuietly(folder);
        }
    }

    /// <summary>A rule that plans a message an hour later for every signal, written as staff write it, then reloaded.</summary>
    private static async Task AddRuleAsync(HostProcess host, HttpClient client)
    {
        var rules = host.Storage.CreateTableServiceClient().GetTableClient("Rules");
        await rules.CreateIfNotExistsAsync(Ct);
        await rules.UpsertEntityAsync(
            new TableEntity(Tenant, "reply-later")
            {
                ["Enabled"] = true, ["Priority"] = 10, ["When"] = """{"==":[{"var":"signal.kind"},"message"]}""",
                ["Then"] = """[{"type":"message","text":"收到","delay":"PT1H"}]""", ["Description"] = "crash test",
            },
            TableUpdateMode.Replace,
            Ct);
        using var reload = new HttpRequestMessage(HttpMethod.Post, "/api/admin/rules/reload");
        reload.Headers.Add("x-functions-key", AdminKey);
        (await client.SendAsync(reload, Ct)).EnsureSuccessStatusCode();
    }

    /// <summary>The tenant's touchpoints: id → the signal it came from.</summary>
    private static async Task<Dictionary<string, string>> TouchpointsAsync(HostProcess host)
    {
        var table = host.Storage.CreateTableServiceClient().GetTableClient("Touchpoints");
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>($"PartitionKey eq '{Tenant}'", 1000, ["RowKey", "SignalId"], Ct))
        {
            found[entity.RowKey] = entity.GetString("SignalId") ?? string.Empty;
        }

        return found;
    }

    /// <summary>The events on the local queue, by touchpoint: how many creation event types and how many copies.</summary>
    private static async Task<Dictionary<string, (int Types, int Copies, string Ids)>> EventsAsync(HostProcess host)
    {
        var queue = host.Storage.CreateQueueServiceClient().GetQueueClient("touchpoint-events");
        var byTouchpoint = new Dictionary<string, (HashSet<string> Ids, int Copies)>(StringComparer.Ordinal);
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), Ct)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                using var json = JsonDocument.Parse(message.Body.ToString());
                var id = json.RootElement.GetProperty("id").GetString()!;
                var touchpoint = json.RootElement.GetProperty("data").GetProperty("touchpointId").GetString()!;
                var entry = byTouchpoint.GetValueOrDefault(touchpoint, ([], 0));
                entry.Ids.Add(id);
                byTouchpoint[touchpoint] = (entry.Ids, entry.Copies + 1);
            }
        }

        return byTouchpoint.ToDictionary(e => e.Key, e => (e.Value.Ids.Count, e.Value.Copies, string.Join("+", e.Value.Ids)), StringComparer.Ordinal);
    }

    private static string Examples(List<string> items) =>
        items.Count == 0 ? string.Empty : $" (e.g. {string.Join(", ", items.Take(5))})";

    private static string Channel(int sender) => $"crash{sender}";

    private static string Text(int sender, int i) => $"crash test signal {sender}-{i}";

    private static HashSet<string> Sent() =>
        [.. Enumerable.Range(0, Senders).SelectMany(s => Enumerable.Range(0, PerSender).Select(i => Text(s, i)))];

    /// <summary>One webhook, as a platform sends it: re-signed and retried until it is answered with a 2xx.</summary>
    private static async Task SendUntilAcceptedAsync(HttpClient client, int sender, int i)
    {
        var occurredAt = Epoch.AddSeconds(i - PerSender).ToString("O", CultureInfo.InvariantCulture);
        var body = $$"""{"id":"crash-{{sender}}-{{i}}","kind":"message","actor":{"id":"cust-{{i % 25}}"},"text":"{{Text(sender, i)}}","occurredAt":"{{occurredAt}}"}""";
        while (true)
        {
            try
            {
                using var response = await GenericWebhook.PostAsync(client, Channel(sender), Secret, body, Ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !Ct.IsCancellationRequested)
            {
                // the host is down or was killed mid-request: not acknowledged, so send again
            }

            await Task.Delay(50, Ct);
        }
    }

    /// <summary>Polls the admin API until every signal is stored or nothing more arrives for a while.</summary>
    private async Task<Dictionary<string, int>> WaitUntilProcessedAsync(HttpClient client)
    {
        var (best, lastChange) = (-1, Stopwatch.StartNew());
        while (true)
        {
            var stored = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var s = 0; s < Senders; s++)
            {
                // limit 1000 (the maximum) is twice a channel's share, so a doubled signal would show.
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/signals?channel={Channel(s)}&limit=1000");
                request.Headers.Add("x-functions-key", AdminKey);
                using var response = await client.SendAsync(request, Ct);
                response.EnsureSuccessStatusCode();
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
                foreach (var signal in json.RootElement.EnumerateArray())
                {
                    var text = signal.GetProperty("text").GetString() ?? "(no text)";
                    stored[text] = stored.GetValueOrDefault(text) + 1;
                }
            }

            var count = stored.Values.Sum();
            if (count != best)
            {
                (best, lastChange) = (count, Stopwatch.StartNew());
            }

            // Queue messages taken by a killed host reappear after Processing:VisibilityTimeout (5 s here).
            if (count >= Total && stored.Count >= Total || lastChange.Elapsed > TimeSpan.FromSeconds(15))
            {
                return stored;
            }

            await Task.Delay(250, Ct);
        }
    }

    private static void DeleteQuietly(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a file still open by an exiting process; the temp folder is cleaned eventually
        }
    }

    [GeneratedRegex(@"Started Azurite \(pid (\d+)\)")]
    private static partial Regex StartedAzuriteLine();

    /// <summary>
    /// <c>dotnet Triggers.App.dll</c> (the build beside this test) with its own ports and data folder, restartable
    /// on the same ports so the senders keep one address.
    /// </summary>
    private sealed class HostProcess(string folder, ITestOutputHelper output) : IAsyncDisposable
    {
        private readonly (int Http, AzuritePorts Storage) _ports = PickPorts();
        private readonly ConcurrentQueue<string> _tail = new();
        private readonly List<(int Pid, DateTime SeenAt)> _azuritePids = [];
        private Process? _process;

        public Uri BaseAddress => new($"http://127.0.0.1:{_ports.Http}");

        /// <summary>The storage the host started, to read its tables and queues.</summary>
        public StorageConnection Storage => StorageConnection.FromConnectionString(DevelopmentStorage.ConnectionStringFor(_ports.Storage));

        /// <summary>How many starts logged that the host started Azurite itself (rather than finding one running).</summary>
        public int StartedAzurite
        {
            get
            {
                lock (_azuritePids)
                {
                    return _azuritePids.Count;
                }
            }
        }

        public string Tail => string.Join(Environment.NewLine, _tail);

        public async Task StartAsync()
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Triggers.App.dll"), "--urls", BaseAddress.ToString().TrimEnd('/') },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                Environment =
                {
                    // The emulator's account on ports of its own, so the host starts Azurite itself (the code
                    // path of UseDevelopmentStorage=true) without touching 10000-10002 or other tests' emulators.
                    ["AzureWebJobsStorage"] = DevelopmentStorage.ConnectionStringFor(_ports.Storage),
                    ["Storage__StartEmulator"] = "true",
                    ["Storage__EmulatorDataPath"] = Path.Combine(folder, "azurite"),
                    ["Admin__Key"] = AdminKey,
                    ["Processing__VisibilityTimeout"] = "00:00:05",
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Logging__LogLevel__Default"] = "Warning",
                    ["Logging__LogLevel__Triggers.App.Standalone"] = "Information",
                    ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
                },
            };
            for (var s = 0; s < Senders; s++)
            {
                start.Environment[$"Channels__{Channel(s)}__Platform"] = "generic";
                start.Environment[$"Channels__{Channel(s)}__Tenant"] = Tenant;
                start.Environment[$"Channels__{Channel(s)}__Secret"] = Secret;
            }

            var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;

            using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
            var waited = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The host exited with {process.ExitCode} while starting:{Environment.NewLine}{Tail}");
                }

                try
                {
                    using var health = await client.GetAsync("/api/health", Ct);
                    if (health.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !Ct.IsCancellationRequested)
                {
                    // not listening yet
                }

                if (waited.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"The host was not healthy within 60 s:{Environment.NewLine}{Tail}");
                }

                await Task.Delay(100, Ct);
            }
        }

        /// <summary>SIGKILL to the host alone (not its process tree), as a crash or the OOM killer would.</summary>
        public async Task KillAsync()
        {
            var process = _process!;
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync(Ct);
            process.Dispose();
            _process = null;
        }

        public async ValueTask DisposeAsync()
        {
            if (_process is { } process)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                process.Dispose();
            }

            // An emulator of an earlier run that did not exit must not keep the ports after the test.
            (int Pid, DateTime SeenAt)[] started;
            lock (_azuritePids)
            {
                started = [.. _azuritePids];
            }

            foreach (var (pid, seenAt) in started)
            {
                try
                {
                    using var azurite = Process.GetProcessById(pid);
                    // A later start time means the pid was reused by someone else's process: leave it alone.
                    if (azurite.StartTime <= seenAt && !azurite.WaitForExit(TimeSpan.FromSeconds(5)))
                    {
                        output.WriteLine($"Azurite (pid {pid}) was still running after its host died; killing it");
                        azurite.Kill(entireProcessTree: true);
                    }
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // already gone
                }
            }
        }

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (StartedAzuriteLine().Match(line) is { Success: true } match)
            {
                lock (_azuritePids)
                {
                    _azuritePids.Add((int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), TimeProvider.System.GetLocalNow().DateTime));
                }
            }

            _tail.Enqueue(line);
            while (_tail.Count > 80)
            {
                _tail.TryDequeue(out _);
            }
        }

        /// <summary>
        /// Four free loopback ports below the OS's ephemeral range (Linux 32768+, Windows 49152+). Other test
        /// assemblies' emulators take their ports from the OS (port 0, i.e. that range), and outgoing connections
        /// use it too, so nothing else takes these while our host is down between a kill and its restart.
        /// </summary>
        private static (int Http, AzuritePorts Storage) PickPorts()
        {
            for (var attempt = 0; ; attempt++)
            {
                var first = Random.Shared.Next(20000, 32000 - 4);
                int[] ports = [first, first + 1, first + 2, first + 3];
                if (ports.All(IsFree) || attempt == 50)
                {
                    return (ports[0], new AzuritePorts(ports[1], ports[2], ports[3]));
                }
            }
        }

        private static bool IsFree(int port)
        {
            try
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
