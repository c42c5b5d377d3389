using System.Text.Json;
using Triggers.Testing;

namespace Triggers.Cli.Tests.Contacts;

/// <summary>`contacts link | show | unlink`, run as the built executable against Azurite.</summary>
public sealed class ContactsCommandTests(AzuriteFixture azurite)
{
    private Task<(int Exit, string Out, string Err)> RunAsync(string arguments) =>
        CliProcess.RunAsync($"{arguments} --connection \"{azurite.ConnectionString}\"");

    [Fact]
    public async Task Link_then_show_from_either_account_then_unlink_gives_the_account_back_to_itself()
    {
        var tenant = azurite.UniqueName("cl");

        var (linkExit, linkOut, _) = await RunAsync($"contacts link wechat:o1 douyin:d1 --member M-7 --by ops-lee --tenant {tenant}");
        var (showExit, showOut, _) = await RunAsync($"contacts show douyin:d1 --tenant {tenant}");
        var (unlinkExit, _, _) = await RunAsync($"contacts unlink douyin:d1 --tenant {tenant}");
        var (_, afterOut, _) = await RunAsync($"contacts show douyin:d1 --tenant {tenant}");

        Assert.Equal((0, 0, 0), (linkExit, showExit, unlinkExit));
        Assert.True(JsonDocument.Parse(linkOut).RootElement.GetProperty("changed").GetBoolean());
        var shown = JsonDocument.Parse(showOut).RootElement;
        Assert.Equal("member:M-7", shown.GetProperty("id").GetString());
        Assert.Equal(2, shown.GetProperty("accounts").GetArrayLength());
        Assert.All(shown.GetProperty("accounts").EnumerateArray(), a => Assert.Equal("ops-lee", a.GetProperty("by").GetString()));
        Assert.Equal("douyin:d1", JsonDocument.Parse(afterOut).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_malformed_account_exits_2_with_how_to_write_it_and_links_nothing()
    {
        var tenant = azurite.UniqueName("cl");

        var (exit, output, errors) = await RunAsync($"contacts link wechat:o1 douyin --tenant {tenant}");
        var (_, shown, _) = await RunAsync($"contacts show wechat:o1 --tenant {tenant}");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("{platform}:{actorId}", errors, StringComparison.Ordinal);
        Assert.False(JsonDocument.Parse(shown).RootElement.GetProperty("linked").GetBoolean());
    }

    [Fact]
    public async Task Erase_finds_the_accounts_channels_from_their_signals_deletes_them_and_prints_a_record_that_names_no_one()
    {
        var tenant = azurite.UniqueName("ce");
        var ct = TestContext.Current.CancellationToken;
        var tables = azurite.Connection.CreateTableServiceClient();
        foreach (var name in Triggers.Azure.Stores.TableNames.All)
        {
            await tables.GetTableClient(name).CreateIfNotExistsAsync(ct);
        }

        await tables.GetTableClient("Signals").AddEntityAsync(new global::Azure.Data.Tables.TableEntity("shop-wx", "0001-s1")
        {
            ["Tenant"] = tenant, ["Platform"] = "wechat", ["ActorId"] = "o-erase", ["Text"] = "我的手机号是…",
        }, ct);
        await tables.GetTableClient("ContactStates").AddEntityAsync(new global::Azure.Data.Tables.TableEntity($"{tenant}|shop-wx", "o-erase") { ["OptedOut"] = false }, ct);
        await RunAsync($"contacts link wechat:o-erase douyin:d-erase --member M-erase --tenant {tenant}");

        var (exit, output, errors) = await RunAsync($"contacts erase douyin:d-erase --by dpo --tenant {tenant}");

        Assert.Equal(0, exit);
        var record = JsonDocument.Parse(output).RootElement;
        Assert.Equal((2, "dpo"), (record.GetProperty("accounts").GetInt32(), record.GetProperty("by").GetString()));
        Assert.Equal((1, 1, 3), (record.GetProperty("rows").GetProperty("Signals").GetInt32(), record.GetProperty("rows").GetProperty("ContactStates").GetInt32(), record.GetProperty("rows").GetProperty("People").GetInt32()));
        Assert.All(["o-erase", "d-erase", "M-erase"], id => Assert.DoesNotContain(id, output, StringComparison.Ordinal));
        Assert.Contains("erased 2 account(s)", errors, StringComparison.Ordinal);
        var (_, shown, _) = await RunAsync($"contacts show wechat:o-erase --tenant {tenant}");
        Assert.False(JsonDocument.Parse(shown).RootElement.GetProperty("linked").GetBoolean());
    }
}
