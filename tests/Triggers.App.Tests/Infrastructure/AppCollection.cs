namespace Triggers.App.Tests.Infrastructure;

/// <summary>
/// Integration tests share one Azurite and the fixed queue names, and each app runs a queue poller, so
/// they run one app at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppCollection
{
    public const string Name = "app";
}
