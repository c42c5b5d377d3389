using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Conventions;

[Collection(AppCollection.Name)]
public sealed class TracingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task One_signal_is_one_trace_from_the_webhook_request_through_processing_to_dispatch()
    {
        const string Secret = "tracing-test-secret-00001";
        var ct = TestContext.Current.CancellationToken;
        var channel = "gen" + Guid.NewGuid().ToString("N")[..12];
        var tenant = "t" + Guid.NewGuid().ToString("N")[..12];
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Triggers" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await GenericWebhook.AddRuleAsync(azurite, tenant, "greet", """{"==":[{"var":"signal.kind"},"message"]}""", """[{"type":"alert","text":"new message","delay":"PT0S"}]""", ct);
        await using var app = new TriggersAppFactory(azurite, new Dictionary<string, string?>
        {
            [$"Channels:{channel}:Platform"] = "generic",
            [$"Channels:{channel}:Tenant"] = tenant,
            [$"Channels:{channel}:Secret"] = Secret,
            ["Dispatch:Interval"] = "00:00:01",
            [$"Tenants:{tenant}:Guardrails:QuietHoursEnabled"] = "false",
        });
        using var client = app.CreateClient();
        var trace = ActivityTraceId.CreateRandom();
        client.DefaultRequestHeaders.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var body = new JsonObject { ["id"] = "trace-1", ["kind"] = "message", ["actor"] = new JsonObject { ["id"] = "c1" }, ["text"] = "你好", ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) };

        Assert.True((await GenericWebhook.PostAsync(client, channel, Secret, body.ToJsonString(), ct)).IsSuccessStatusCode);

        // The caller's trace id reaches the request, then the queue, the worker and the dispatcher.
        var names = await Eventually.WaitAsync(
            () => Task.FromResult(stopped.Where(a => a.TraceId == trace).Select(a => a.OperationName).ToList()),
            n => n.Contains("DispatchTouchpoint"),
            TimeSpan.FromSeconds(20));

        Assert.Contains("Microsoft.AspNetCore.Hosting.HttpRequestIn", names);
        Assert.Contains("ProcessSignal", names);
        Assert.Contains("DispatchTouchpoint", names);
    }
}
