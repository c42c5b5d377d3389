using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Webhooks.Fuzz;

/// <summary>
/// Mutated requests against every platform, through the real HTTP pipeline: none may be accepted, none may
/// cause a 5xx, and nothing may be stored. Each platform's unmutated request is accepted first on a twin
/// channel, which proves the mutations start from a valid request.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WebhookFuzzTests(AzuriteFixture azurite)
{
    private const int MutationsPerPlatform = 1_050;

    [Fact]
    public async Task Ten_thousand_mutated_requests_across_all_platforms_are_all_refused_without_a_server_error_and_store_nothing()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        string Valid(FuzzSample s) => $"fz{run}v{FuzzSamples.All.ToList().IndexOf(s)}";
        string Fuzzed(FuzzSample s) => $"fz{run}m{FuzzSamples.All.ToList().IndexOf(s)}";
        var settings = new Dictionary<string, string?>();
        foreach (var sample in FuzzSamples.All)
        {
            foreach (var channel in new[] { Valid(sample), Fuzzed(sample) })
            {
                foreach (var (key, value) in sample.Settings)
                {
                    settings[$"Channels:{channel}:{key}"] = value;
                }

                settings[$"Channels:{channel}:Tenant"] = "fuzz" + run;
            }
        }

        await using var app = new TriggersAppFactory(azurite, settings);
        using var client = app.CreateAdminClient();
        var ct = TestContext.Current.CancellationToken;
        var sent = 0;
        var failures = new List<string>();
        foreach (var (sample, index) in FuzzSamples.All.Select((s, i) => (s, i)))
        {
            var baseline = await SendAsync(client, sample.Build(Valid(sample)), ct);
            Assert.True(baseline.IsSuccessStatusCode, $"{sample.Name}: the unmutated request was refused ({(int)baseline.StatusCode} {await baseline.Content.ReadAsStringAsync(ct)}), so its mutations would prove nothing");

            var valid = sample.Build(Fuzzed(sample));
            var mutator = new Mutator(sample, seed: 1000 + index);
            for (var i = 0; i < MutationsPerPlatform; i++)
            {
                var (kind, request) = mutator.Next(valid);
                var response = await SendAsync(client, request, ct);
                sent++;
                var status = (int)response.StatusCode;
                if (status is < 400 or >= 500)
                {
                    failures.Add($"{sample.Name} #{i} ({kind}): {status} {await response.Content.ReadAsStringAsync(ct)}");
                }
            }
        }

        Assert.True(sent >= 10_000, $"only {sent} mutated requests were sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} mutated requests were not refused with a 4xx:\n" + string.Join("\n", failures.Take(20)));

        // Nothing stored: no dedupe marker (written before any enqueue) and no processed signal on a fuzzed channel.
        await Task.Delay(1000, ct);
        foreach (var sample in FuzzSamples.All)
        {
            var markers = await TestStorage.DedupeMarkerCountAsync(azurite, Fuzzed(sample), ct);
            Assert.True(markers == 0, $"{sample.Name}: {markers} dedupe marker(s) were stored from mutated requests");
            var signals = await client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={Fuzzed(sample)}", ct);
            Assert.Equal(0, signals.GetArrayLength());
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, SampleRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, request.PathAndQuery) { Content = new ByteArrayContent(request.Body) };
        message.Content.Headers.ContentType = request.ContentType is null ? null : MediaTypeHeaderValue.Parse(request.ContentType);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(message, ct);
    }
}
