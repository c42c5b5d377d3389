using System.Net.Http.Json;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Webhooks;

/// <summary>
/// What every platform's webhook tests share: a channel with a unique name, the real app configured with it against
/// the test run's Azurite, and the processed signals of that channel as the admin API lists them.
/// </summary>
public abstract class ChannelWebhookTests(AzuriteFixture azurite, string prefix) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected string Channel { get; } = prefix + Guid.NewGuid().ToString("N")[..12];

    private protected TriggersAppFactory App { get; private set; } = null!;

    /// <summary>The app's settings: the channel's platform, tenant and secrets.</summary>
    private protected abstract IReadOnlyDictionary<string, string?> Settings();

    public ValueTask InitializeAsync()
    {
        App = new TriggersAppFactory(Azurite, Settings());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<JsonElement> ListSignalsAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={Channel}", TestContext.Current.CancellationToken);
}
