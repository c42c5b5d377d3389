using System.Text.Json.Nodes;
using Triggers.Core.Coins;
using Triggers.Core.People;
using Triggers.Hosting.Channels;

namespace Triggers.Hosting.Admin;

/// <summary>
/// A person's knowledge coins for operations staff: <c>GET /api/admin/contacts/{platform}:{actorId}/coins</c> (balances and
/// statement) and <c>POST …/coins/deposit</c>. The wallet is the person's: every linked account addresses the same one.
/// </summary>
public sealed partial class CoinsAdmin(CoinBank bank, ICoinStore store, PersonLinker people, ChannelRegistry channels, ILogger<CoinsAdmin> logger)
{
    private const string DepositShape = "send {\"amount\": 100, \"reason\": \"why\", \"idempotencyKey\": \"unique per deposit\", \"by\": \"who\"}";

    public async Task<IResult> GetAsync(HttpRequest request, string account)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ct = request.HttpContext.RequestAborted;
        var (wallet, problem) = await WalletAsync(request, account, null, ct);
        if (wallet is null)
        {
            return problem!;
        }

        var balances = await bank.BalanceAsync(wallet.Tenant, wallet.Id, ct);
        var entries = await store.ListEntriesAsync(wallet.Tenant, wallet.Id, ct);
        return Results.Ok(new { wallet = wallet.Id, balance = balances.Coins, xp = balances.Xp, entries });
    }

    public async Task<IResult> DepositAsync(HttpRequest request, string account)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await AdminResults.ReadJsonAsync(request);
        if (invalid is not null)
        {
            return invalid;
        }

        var ct = request.HttpContext.RequestAborted;
        if (body?["amount"] is not JsonValue amountValue || !amountValue.TryGetValue(out long amount) || amount <= 0)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, $"amount must be a positive whole number of coins: {DepositShape}.");
        }

        if (AdminResults.Text(body, "idempotencyKey") is not { } key)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, $"idempotencyKey is required, so a retried request deposits once: {DepositShape}.");
        }

        if (key.Length > 180)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, $"idempotencyKey must be at most 180 characters: {DepositShape}.");
        }

        var by = AdminResults.Text(body, "by") ?? "admin";
        var operation = new CoinOperation("admin-deposit:" + key, CoinKinds.Deposit, amount, 0, AdminResults.Text(body, "reason"), "admin:" + by);
        if ((operation.Problem() ?? PersonLinker.ByProblem(by)) is { } bad)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, $"{bad}: {DepositShape}.");
        }

        var (wallet, problem) = await WalletAsync(request, account, body, ct);
        if (wallet is null)
        {
            return problem!;
        }

        try
        {
            var (held, entry) = await bank.ApplyOnceAsync(wallet.Tenant, "admin:" + key, wallet.Id, operation, ct);
            Log.Deposited(logger, amount, held, by, key);
            return Results.Ok(new { wallet = held, balance = entry.CoinsAfter, xp = entry.XpAfter, entry });
        }
        catch (CoinConflictException ex)
        {
            return AdminResults.Error(StatusCodes.Status409Conflict, ex.Message + ".");
        }
        catch (InvalidOperationException ex)
        {
            // The wallet kept changing under concurrent operations: the same key may be sent again.
            return AdminResults.Error(StatusCodes.Status409Conflict, ex.Message + ".");
        }
    }

    private sealed record WalletOf(string Tenant, string Id);

    /// <summary>The wallet the account's person holds, or null and the problem with the account or tenant.</summary>
    private async Task<(WalletOf? Wallet, IResult? Problem)> WalletAsync(HttpRequest request, string account, JsonObject? body, CancellationToken ct)
    {
        var (parsed, badAccount) = AdminContacts.PathAccount(account);
        var (tenant, unknown) = AdminContacts.Tenant(channels, request, body);
        return (badAccount ?? unknown) is { } problem
            ? (null, problem)
            : (new WalletOf(tenant, (await people.FindAsync(tenant, parsed, ct)).Id), null);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3408, Level = LogLevel.Information, Message = "A deposit of {Amount} coins to {Wallet} by an admin ({By}) answered, key {Key}")]
        public static partial void Deposited(ILogger logger, long amount, string wallet, string by, string key);
    }
}
