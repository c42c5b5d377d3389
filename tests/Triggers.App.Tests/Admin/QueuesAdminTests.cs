using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Triggers.App.Tests.Infrastructure;
using Triggers.Core.Processing;
using Triggers.Hosting.Admin.Access;
using Triggers.Hosting.Processing;
using Triggers.Testing;

namespace Triggers.App.Tests.Admin;

/// <summary>Queue depths and poison messages on Azurite's real queues, listed and requeued through the admin API, per tenant.</summary>
[Collection(AppCollection.Name)]
public sealed class QueuesAdminTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AgencyKey = "agency-q-key-0123456789";
    private readonly string _a = "qa" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _b = "qb" + Guid.NewGuid().ToString("N")[..10];
    private TriggersAppFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, TriggersAppFactory.TwoBrandsWithAgencyKey(_a, _b, "agency-q", AgencyKey));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A signal of the tenant that failed for good, put in signals-poison the way the processor puts it there.</summary>
    private async Task<Triggers.Core.Signals.Signal> PoisonAsync(string tenant, string messageId, string error)
    {
        var signal = TestSignals.Message(tenant, tenant + "-gen", messageId) with { Platform = "generic" };
        await _app.Services.GetRequiredService<PoisonQueue>().SendAsync("signals-poison", SignalMessage.Serialize(signal), error, 5, Ct);
        return signal;
    }

    private HttpClient AgencyClient()
    {
        var agency = _app.CreateClient();
        agency.DefaultRequestHeaders.Add(AdminGate.HeaderName, AgencyKey);
        return agency;
    }

    /// <summary>
    /// Starts the app and empties <paramref name="queue"/>: the listing shows the first 32 messages of a poison queue,
    /// and earlier tests of the run leave theirs behind.
    /// </summary>
    private async Task StartWithEmptyAsync(HttpClient admin, string queue)
    {
        (await admin.GetAsync("/api/health", Ct)).EnsureSuccessStatusCode();
        await TestStorage.Queue(azurite, queue).ClearMessagesAsync(Ct);
    }

    private static List<JsonElement> Poison(JsonElement queues, string tenant) =>
        [.. queues.EnumerateArray().Single(q => q.GetProperty("name").GetString() == "signals-poison").GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("tenants").EnumerateArray().Any(t => t.GetString() == tenant))];

    [Fact]
    public async Task A_poison_message_is_listed_with_its_error_only_to_keys_of_its_tenant_and_requeued_it_is_processed()
    {
        using var agency = AgencyClient();
        using var admin = _app.CreateAdminClient();
        await StartWithEmptyAsync(admin, "signals-poison");
        var mine = await PoisonAsync(_a, "poisoned-a", "Table Signals was unreachable (503)");
        await PoisonAsync(_b, "poisoned-b", "Table Signals was unreachable (503)");

        var seenByAgency = await agency.GetFromJsonAsync<JsonElement>("/api/admin/queues", Ct);
        var seenByAdmin = await admin.GetFromJsonAsync<JsonElement>("/api/admin/queues", Ct);
        var listed = Assert.Single(Poison(seenByAgency, _a));
        var theirs = Assert.Single(Poison(seenByAdmin, _b));
        Assert.Empty(Poison(seenByAgency, _b));
        Assert.Equal(("Table Signals was unreachable (503)", 5), (listed.GetProperty("error").GetString(), listed.GetProperty("dequeueCount").GetInt32()));
        Assert.Contains(seenByAgency.EnumerateArray(), q => q.GetProperty("name").GetString() == "signals" && q.GetProperty("requeuesTo").ValueKind == JsonValueKind.Null);

        var notTheirs = await (await agency.PostAsJsonAsync("/api/admin/queues/signals-poison/requeue", new { ids = new[] { theirs.GetProperty("id").GetString() } }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var requeue = await agency.PostAsJsonAsync("/api/admin/queues/signals-poison/requeue", new { ids = new[] { listed.GetProperty("id").GetString() } }, Ct);
        var answer = await requeue.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(0, notTheirs.GetProperty("requeued").GetArrayLength());
        Assert.Equal(theirs.GetProperty("id").GetString(), Assert.Single(notTheirs.GetProperty("notFound").EnumerateArray()).GetString());
        Assert.Equal(HttpStatusCode.OK, requeue.StatusCode);
        Assert.Equal(listed.GetProperty("id").GetString(), Assert.Single(answer.GetProperty("requeued").EnumerateArray()).GetString());
        var stored = await Eventually.WaitAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_a}-gen", Ct), s => s.GetArrayLength() == 1, TimeSpan.FromSeconds(20));
        Assert.Equal(mine.Id, stored[0].GetProperty("id").GetString());
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/admin/queues", Ct);
        Assert.Empty(Poison(after, _a));
        Assert.Single(Poison(after, _b));
    }

    [Fact]
    public async Task A_failed_touchpoint_is_not_requeued_because_it_may_have_reached_the_person()
    {
        using var admin = _app.CreateAdminClient();

        var response = await admin.PostAsJsonAsync("/api/admin/queues/touchpoints-poison/requeue", new { }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("may have reached the person", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_envelope_naming_brand_a_as_tenant_on_brand_bs_channel_is_shown_only_to_keys_that_see_both()
    {
        using var agency = AgencyClient();
        using var admin = _app.CreateAdminClient();
        await StartWithEmptyAsync(admin, "ingest-poison");
        var envelope = $$"""{"channel":"{{_b}}-gen","tenant":"{{_a}}","id":"x-1","kind":"message","actor":{"id":"b-buyer"},"text":"brand B's customer"}""";
        await _app.Services.GetRequiredService<PoisonQueue>().SendAsync("ingest-poison", envelope, "tenant cannot be overridden", 1, Ct);

        var seenByAgency = await agency.GetFromJsonAsync<JsonElement>("/api/admin/queues", Ct);
        var seenByAdmin = await admin.GetFromJsonAsync<JsonElement>("/api/admin/queues", Ct);
        var requeue = await (await agency.PostAsJsonAsync("/api/admin/queues/ingest-poison/requeue", new { }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        static JsonElement Messages(JsonElement queues) => queues.EnumerateArray().Single(q => q.GetProperty("name").GetString() == "ingest-poison").GetProperty("messages");
        Assert.Equal(0, Messages(seenByAgency).GetArrayLength());
        var listed = Assert.Single(Messages(seenByAdmin).EnumerateArray());
        Assert.Equal([_a, _b], listed.GetProperty("tenants").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(0, requeue.GetProperty("requeued").GetArrayLength());
        Assert.Single(Messages(await admin.GetFromJsonAsync<JsonElement>("/api/admin/queues", Ct)).EnumerateArray());
    }
}
