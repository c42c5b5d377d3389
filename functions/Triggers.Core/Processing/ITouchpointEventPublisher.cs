using Triggers.Core.Touchpoints;

namespace Triggers.Core.Processing;

/// <summary>Publishes touchpoint events: to Service Bus topic <c>touchpoints</c> in Azure, to Storage queue <c>touchpoint-events</c> locally.</summary>
public interface ITouchpointEventPublisher
{
    /// <summary>Where the events go, for logs and health.</summary>
    string Destination { get; }

    /// <summary>Publishes all of them or throws; publishing the same event (same id) again must be harmless.</summary>
    Task PublishAsync(IReadOnlyList<TouchpointEvent> events, CancellationToken cancellationToken);
}
