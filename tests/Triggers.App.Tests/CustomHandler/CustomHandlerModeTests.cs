using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Triggers.App.Tests.Infrastructure;
using Triggers.Core.Analysis;
using Triggers.Core.Processing;
using Triggers.Testing;

namespace Triggers.App.Tests.CustomHandler;

[Collection(AppCollection.Name)]
public sealed class CustomHandlerModeTests(AzuriteFixture azurite)
{
    private readonly string _channel = "ch" + Guid.NewGuid().ToString("N")[..12];

    private Dictionary<string, string?> Settings()
    {
        var settings = TriggersAppFactory.WeChatChannel(_channel, "chtests");
        settings["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999";
        return settings;
    }

    [Fact]
    public async Task The_readiness_probe_at_the_root_answers_200()
    {
        await using var app = new TriggersAppFactory(azurite, Settings());
        using var client = app.CreateClient();

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_queue_invocation_envelope_with_double_encoded_values_processes_the_signal()
    {
        await using var app = new TriggersAppFactory(azurite, Settings());
        using var client = app.CreateAdminClient();
        var signal = TestSignals.Message("chtests", _channel, "m1");

        var response = await client.PostAsync("/ProcessSignal", Envelope(SignalMessage.Serialize(signal), dequeueCount: 1), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(body.TryGetProperty("Outputs", out _));
        Assert.Contains("processed", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channel}", TestContext.Current.CancellationToken);
        Assert.Equal(signal.Id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_failing_invocation_answers_500_until_the_last_attempt_then_goes_to_poison_with_its_error()
    {
        await using var app = new TriggersAppFactory(azurite, Settings(),
            services => services.AddSingleton<ITextAnalyzer>(new FailingAnalyzer()));
        using var client = app.CreateClient();
        var message = SignalMessage.Serialize(TestSignals.Message("chtests", _channel, "m2"));

        var early = await client.PostAsync("/ProcessSignal", Envelope(message, dequeueCount: 4), TestContext.Current.CancellationToken);
        var last = await client.PostAsync("/ProcessSignal", Envelope(message, dequeueCount: 5), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        var poison = await TestStorage.FindPoisonAsync(azurite, m => m.Contains(_channel, StringComparison.Ordinal));
        Assert.NotNull(poison);
        Assert.Contains(FailingAnalyzer.Error, poison, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_pollers_stay_off_under_the_host()
    {
        await using var app = new TriggersAppFactory(azurite, Settings());
        _ = app.CreateClient();

        var hosted = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Select(s => s.GetType().Name).ToList();

        Assert.DoesNotContain("QueueWorker", hosted);
        Assert.DoesNotContain("DedupePurgeService", hosted);
    }


    /// <summary>The envelope as the host builds it: string values JSON-encoded a second time.</summary>
    private static StringContent Envelope(string message, int dequeueCount)
    {
        var envelope = new JsonObject
        {
            ["Data"] = new JsonObject { ["message"] = JsonSerializer.Serialize(message) },
            ["Metadata"] = new JsonObject
            {
                ["DequeueCount"] = dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Id"] = JsonSerializer.Serialize(Guid.NewGuid().ToString()),
                ["sys"] = new JsonObject { ["MethodName"] = "ProcessSignal" },
            },
        };
        return new StringContent(envelope.ToJsonString(), Encoding.UTF8, "application/json");
    }
}
