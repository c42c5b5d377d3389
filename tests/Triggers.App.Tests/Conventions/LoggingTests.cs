using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Conventions;

[Collection(AppCollection.Name)]
public sealed class LoggingTests(AzuriteFixture azurite)
{
    [Fact]
    public void Every_source_generated_log_message_has_its_own_event_id()
    {
        var assemblies = new[] { "Triggers.Core", "Triggers.Platforms", "Triggers.Azure", "Triggers.Hosting", "Triggers.App" }.Select(Assembly.Load);
        var ids = assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.FullName}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToList();

        var shared = ids.GroupBy(x => x.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Method))}").ToList();

        Assert.True(ids.Count > 40, $"only {ids.Count} log messages found; the scan is looking in the wrong place");
        Assert.True(shared.Count == 0, "event ids used twice: " + string.Join("; ", shared));
    }

    [Fact]
    public async Task What_is_logged_while_a_signal_is_processed_carries_the_signal_channel_and_tenant()
    {
        const string Secret = "logging-scope-secret-0001";
        var channel = "gen" + Guid.NewGuid().ToString("N")[..12];
        var tenant = "t" + Guid.NewGuid().ToString("N")[..12];
        var capture = new ScopeCapture();
        await using var app = new TriggersAppFactory(
            azurite,
            new Dictionary<string, string?> { [$"Channels:{channel}:Platform"] = "generic", [$"Channels:{channel}:Tenant"] = tenant, [$"Channels:{channel}:Secret"] = Secret },
            services => services.AddSingleton<ILoggerProvider>(capture));
        using var client = app.CreateClient();
        var body = new JsonObject { ["id"] = "log-1", ["kind"] = "message", ["actor"] = new JsonObject { ["id"] = "c1" }, ["text"] = "你好", ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) };

        Assert.True((await GenericWebhook.PostAsync(client, channel, Secret, body.ToJsonString(), TestContext.Current.CancellationToken)).IsSuccessStatusCode);
        var processed = await Eventually.WaitAsync(
            () => Task.FromResult(capture.Entries.FirstOrDefault(e => e.EventId == 3001 && e.Scope.GetValueOrDefault("Channel") as string == channel)),
            e => e is not null,
            TimeSpan.FromSeconds(15));

        Assert.NotNull(processed);
        Assert.Equal(tenant, processed.Scope["Tenant"]);
        var signalId = Assert.IsType<string>(processed.Scope["SignalId"]);
        Assert.Equal(32, signalId.Length);
        Assert.Contains(signalId, processed.Message, StringComparison.Ordinal);
    }

    private sealed record Entry(int EventId, string Message, IReadOnlyDictionary<string, object?> Scope);

    /// <summary>Records every entry with the scope values in force, the way structured sinks see them.</summary>
    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
                owner._scopes.ForEachScope(
                    (value, into) =>
                    {
                        if (value is IEnumerable<KeyValuePair<string, object>> pairs)
                        {
                            foreach (var (key, item) in pairs)
                            {
                                into[key] = item;
                            }
                        }
                    },
                    scope);
                owner.Entries.Enqueue(new Entry(eventId.Id, formatter(state, exception), scope));
            }
        }
    }
}
