namespace Triggers.Hosting.Touchpoints;

/// <summary>
/// Where touchpoint events go: Service Bus topic <c>touchpoints</c> when <c>ServiceBus:fullyQualifiedNamespace</c> is set
/// (with the Functions identity-connection keys <c>ServiceBus:credential</c> and <c>ServiceBus:clientId</c>), otherwise
/// Storage queue <c>touchpoint-events</c>.
/// </summary>
public sealed class TouchpointEventsOptions
{
    public const string SectionName = "ServiceBus";

    public string? FullyQualifiedNamespace { get; set; }

    public bool UsesServiceBus => !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);

    /// <summary>What is wrong with the settings, each naming its key; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (UsesServiceBus && Uri.CheckHostName(FullyQualifiedNamespace) != UriHostNameType.Dns)
        {
            yield return $"ServiceBus:fullyQualifiedNamespace '{FullyQualifiedNamespace}' must be a host name such as contoso.servicebus.windows.net (no scheme, port or path).";
        }
    }
}
