using Triggers.Testing;

namespace Triggers.App.Tests.Infrastructure;

/// <summary>
/// Integration tests that run app hosts. Every host polls the fixed queue names, so the hosts of one collection run one
/// at a time on that collection's own Azurite (a collection fixture, which the assembly's Azurite gives way to).
/// </summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "app";
}

/// <summary>
/// The longest app-host tests (a thousand sends across a restart, host crashes, a thousand decisions compared, the
/// console in a browser), on an Azurite of their own so they run beside <see cref="AppCollection"/> instead of after it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LongAppCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "app-long";
}
