using Triggers.Testing;

namespace Triggers.Azure.Tests.Emulator;

public sealed class AzuriteLauncherTests(AzuriteFixture azurite)
{
    [Fact]
    public void Connection_string_names_the_isolated_ports()
    {
        var launcher = azurite.Launcher;

        Assert.Contains($"TableEndpoint=http://127.0.0.1:{launcher.TablePort}/devstoreaccount1", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"QueueEndpoint=http://127.0.0.1:{launcher.QueuePort}/devstoreaccount1", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"BlobEndpoint=http://127.0.0.1:{launcher.BlobPort}/devstoreaccount1", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.NotEqual(10002, launcher.TablePort);
    }
}
