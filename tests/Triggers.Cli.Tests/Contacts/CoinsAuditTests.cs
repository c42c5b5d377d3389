using Azure.Data.Tables;
using Triggers.Azure.Stores;
using Triggers.Cli.Commands;
using Triggers.Core.Coins;
using Triggers.Testing;

namespace Triggers.Cli.Tests.Contacts;

/// <summary>`coins audit` against Azurite: clean after many operations, and a tampered wallet is named.</summary>
public sealed class CoinsAuditTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_audit_finds_no_mismatch_after_operations_and_names_a_wallet_edited_behind_the_banks_back()
    {
        var ct = TestContext.Current.CancellationToken;
        var tables = azurite.Connection.CreateTableServiceClient();
        await tables.GetTableClient(TableNames.Coins).CreateIfNotExistsAsync(ct);
        var store = new TableCoinStore(tables);
        var bank = new CoinBank(store, TimeProvider.System);
        var tenant = azurite.UniqueName("au");
        for (var i = 0; i < 30; i++)
        {
            await bank.ApplyAsync(tenant, "w" + (i % 3), new CoinOperation("d" + i, CoinKinds.Deposit, 10, 0, null, "test"), ct);
            await bank.ApplyAsync(tenant, "w" + (i % 3), new CoinOperation("r" + i, CoinKinds.Withdrawal, -15, 0, null, "test"), ct);
        }

        using var clean = new StringWriter();
        var cleanExit = await CoinsCommand.AuditAsync(tenant, azurite.ConnectionString, clean, ct);

        // Someone edits a balance in Storage Explorer (ids without key characters: the partition is written plainly).
        var table = tables.GetTableClient(TableNames.Coins);
        var wallet = (await table.GetEntityAsync<TableEntity>($"{tenant}|w1", "wallet", cancellationToken: ct)).Value;
        wallet["Coins"] = 999L;
        await table.UpdateEntityAsync(wallet, wallet.ETag, TableUpdateMode.Replace, ct);
        using var tampered = new StringWriter();
        var tamperedExit = await CoinsCommand.AuditAsync(tenant, azurite.ConnectionString, tampered, ct);

        Assert.Equal((0, string.Empty), (cleanExit, clean.ToString()));
        Assert.Equal(1, tamperedExit);
        Assert.StartsWith($"{tenant}: wallet w1: 999 coins stored, but its applied entries add up to", tampered.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_names_a_wallet_that_holds_coins_no_one_reads()
    {
        var ct = TestContext.Current.CancellationToken;
        var tables = azurite.Connection.CreateTableServiceClient();
        foreach (var name in new[] { TableNames.Coins, TableNames.People })
        {
            await tables.GetTableClient(name).CreateIfNotExistsAsync(ct);
        }

        var tenant = azurite.UniqueName("ao");
        var bank = new CoinBank(new TableCoinStore(tables), TimeProvider.System);
        await bank.ApplyAsync(tenant, "linked:wechat:gone", new CoinOperation("d1", CoinKinds.Deposit, 70, 0, null, "test"), ct);
        await bank.ApplyAsync(tenant, "douyin:alone", new CoinOperation("d1", CoinKinds.Deposit, 30, 0, null, "test"), ct);

        using var output = new StringWriter();
        var exit = await CoinsCommand.AuditAsync(tenant, azurite.ConnectionString, output, ct);

        Assert.Equal(1, exit);
        Assert.Equal($"{tenant}: wallet linked:wechat:gone holds 70 coins and 0 xp, but its person no longer exists; link its accounts again to move them{Environment.NewLine}", output.ToString());
    }
}
