using System.Text.Json.Nodes;
using Triggers.Core.Coins;
using Triggers.Core.People;
using Triggers.Core.Signals;
using Triggers.Hosting.Channels;
using Triggers.Hosting.Rewards;

namespace Triggers.Hosting.Admin;

/// <summary>
/// A person's knowledge coins for operations staff: <c>GET /api/admin/contacts/{platform}:{actorId}/coins</c> (balances and
/// statement), <c>POST …/coins/deposit</c>, <c>POST …/coins/redeem</c>, and <c>GET /api/admin/rewards</c>. The wallet is the
/// person's: every linked account addresses the same one.
/// </summary>
public sealed partial class CoinsAdmin(
    CoinBank bank, ICoinStore store, RewardRedeemer redeemer, RewardStock stock, RewardCache rewards, PersonLinker people, ChannelRegistry channels, TimeProvider time, ILogger<CoinsAdmin> logger)
{
    private const string DepositShape = "send {\"amount\": 100, \"reason\": \"why\", \"idempotencyKey\": \"unique per deposit\", \"by\": \"who\"} (or \"xp\": 20 instead of amount)";
    private const string RedeemShape = "send {\"reward\": \"RowKey in table Rewards\", \"idempotencyKey\": \"unique per redemption\", \"by\": \"who\"}";

    /// <summary>Where the problem types of refused redemptions live; the last segment is what outside checks read.</summary>
    public const string ProblemTypeBase = "urn:triggers:problem:";

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
        var (amount, xp) = (Whole(body, "amount"), Whole(body, "xp"));
        if ((amount, xp) is (null, null) || (amount is not null && xp is not null) || amount <= 0 || xp <= 0)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest,
                $"send amount (knowledge coins) or xp (experience), one of them, as a positive whole number; use two keys for both: {DepositShape}.");
        }
        if (AdminResults.Text(body, "idempotencyKey") is not { } key)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, $"idempotencyKey is required, so a retried request deposits once: {DepositShape}.");
        }

        if (key.Length > 180)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, $"idempotencyKey must be at most 180 characters: {DepositShape}.");
        }

        var (by, badBy) = AdminResults.Author(request, AdminResults.Text(body, "by"));
        if (badBy is not null)
        {
            return badBy;
        }

        var operation = amount is { } coins
            ? new CoinOperation("admin-deposit:" + key, CoinKinds.Deposit, coins, 0, AdminResults.Text(body, "reason"), by)
            : new CoinOperation("admin-deposit:" + key, CoinKinds.Appreciation, 0, xp!.Value, AdminResults.Text(body, "reason"), by);
        if (operation.Problem() is { } bad)
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
            await people.FollowAsync(wallet.Tenant, wallet.Account, held, ct);
            Log.Deposited(logger, amount ?? 0, xp ?? 0, held, by, key);
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

    public async Task<IResult> RedeemAsync(HttpRequest request, string account)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await AdminResults.ReadJsonAsync(request);
        if (invalid is not null)
        {
            return invalid;
        }

        var ct = request.HttpContext.RequestAborted;
        var rewardId = AdminResults.Text(body, "reward");
        var key = AdminResults.Text(body, "idempotencyKey");
        var (by, badBy) = AdminResults.Author(request, AdminResults.Text(body, "by"));
        if (badBy is not null)
        {
            return badBy;
        }

        var bad = RedeemAttributes.Problem(rewardId) is { } badReward ? "reward " + badReward
            : key is null ? "idempotencyKey is required, so a retried request redeems once"
            : key.Length > 180 || key.Any(char.IsControl) ? "idempotencyKey must be at most 180 characters without control characters"
            : null;
        if (bad is not null)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, $"{bad}: {RedeemShape}.");
        }

        var (wallet, problem) = await WalletAsync(request, account, body, ct);
        if (wallet is null)
        {
            return problem!;
        }

        try
        {
            var redemption = await redeemer.RedeemAsync(
                wallet.Tenant, "admin:" + key, wallet.Id, rewardId!, await rewards.FindAsync(wallet.Tenant, rewardId!, ct), by, ct);
            Log.Redeemed(logger, rewardId!, redemption.Wallet, redemption.Outcome, by, key!);
            return redemption.Outcome switch
            {
                CoinOutcomes.Applied => Results.Ok(new
                {
                    wallet = redemption.Wallet, reward = redemption.Reward, balance = redemption.Entry!.CoinsAfter, xp = redemption.Entry.XpAfter, entry = redemption.Entry,
                }),
                Redemption.UnknownReward => Refused(StatusCodes.Status404NotFound, redemption),
                _ => Refused(StatusCodes.Status409Conflict, redemption),
            };
        }
        catch (CoinConflictException ex)
        {
            return AdminResults.Error(StatusCodes.Status409Conflict, ex.Message + ".");
        }
        catch (InvalidOperationException ex)
        {
            // The wallet or the stock kept changing under concurrent operations: the same key may be sent again.
            return AdminResults.Error(StatusCodes.Status409Conflict, ex.Message + ".");
        }
    }

    /// <summary><c>GET /api/admin/rewards?tenant=</c>: the tenant's rewards with the units still free, and its broken rows.</summary>
    public async Task<IResult> RewardsAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ct = request.HttpContext.RequestAborted;
        var (tenant, unknown) = AdminContacts.Tenant(channels, request, null);
        if (unknown is not null)
        {
            return unknown;
        }

        var (list, problems) = await rewards.ForTenantAsync(tenant, ct);
        var items = new List<object>(list.Count);
        foreach (var reward in list)
        {
            items.Add(new
            {
                id = reward.Id, title = reward.Title, cost = reward.Cost, stock = reward.Stock, remaining = await stock.RemainingAsync(tenant, reward, ct),
                enabled = reward.Enabled, validFrom = reward.ValidFrom, validUntil = reward.ValidUntil, available = reward.Unavailable(time.GetUtcNow()) is null,
            });
        }

        return Results.Ok(new { tenant, rewards = items, problems });
    }

    /// <summary>A refused redemption as problem details whose type ends in the outcome, with the balance it was judged on.</summary>
    private static IResult Refused(int status, Redemption redemption) => Results.Problem(
        detail: redemption.Detail + ".",
        statusCode: status,
        title: Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
        type: ProblemTypeBase + redemption.Outcome,
        extensions: new Dictionary<string, object?>
        {
            ["outcome"] = redemption.Outcome, ["reward"] = redemption.Reward, ["wallet"] = redemption.Wallet, ["balance"] = redemption.Entry?.CoinsAfter,
        });

    /// <summary>A whole number member of the body; null when absent, 0 when it is there but not a whole number (refused as not positive).</summary>
    private static long? Whole(JsonObject? body, string name) =>
        body?[name] is not { } node ? null : node is JsonValue value && value.TryGetValue(out long whole) ? whole : 0;

    private sealed record WalletOf(string Tenant, string Id, AccountRef Account);

    /// <summary>
    /// The wallet the account's person holds, or null and the problem with the account or tenant. For an account that
    /// belongs to a person, whatever its own wallet still holds (a move cut short by a race) goes to the person first, so
    /// every coin operation on the account also finishes any move left over.
    /// </summary>
    private async Task<(WalletOf? Wallet, IResult? Problem)> WalletAsync(HttpRequest request, string account, JsonObject? body, CancellationToken ct)
    {
        var (parsed, badAccount) = AdminContacts.PathAccount(account);
        var (tenant, unknown) = AdminContacts.Tenant(channels, request, body);
        if ((badAccount ?? unknown) is { } problem)
        {
            return (null, problem);
        }

        var person = (await people.FindAsync(tenant, parsed, ct)).Id;
        if (person != parsed.ToString())
        {
            try
            {
                await new WalletMerger(bank).MergeAsync(tenant, [parsed.ToString()], person, "link", ct);
            }
            catch (InvalidOperationException ex)
            {
                // The wallet kept changing under other operations: the next operation on the account moves it.
                Log.SweepDeferred(logger, parsed.ToString(), person, ex.Message);
            }
        }

        return (new WalletOf(tenant, person, parsed), null);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3408, Level = LogLevel.Information, Message = "A deposit of {Amount} coins and {Xp} xp to {Wallet} by an admin ({By}) answered, key {Key}")]
        public static partial void Deposited(ILogger logger, long amount, long xp, string wallet, string by, string key);

        [LoggerMessage(EventId = 3413, Level = LogLevel.Warning, Message = "What account {Account}'s own wallet holds was not yet moved to {Person}: {Reason}")]
        public static partial void SweepDeferred(ILogger logger, string account, string person, string reason);

        [LoggerMessage(EventId = 3409, Level = LogLevel.Information, Message = "A redemption of reward {Reward} from {Wallet} by an admin ({By}) answered {Outcome}, key {Key}")]
        public static partial void Redeemed(ILogger logger, string reward, string wallet, string outcome, string by, string key);
    }
}
