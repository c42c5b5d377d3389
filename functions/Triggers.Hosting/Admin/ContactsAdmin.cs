using System.Text.Json.Nodes;
using Triggers.Core.People;
using Triggers.Hosting.Channels;

namespace Triggers.Hosting.Admin;

/// <summary>
/// One person across platforms, for operations staff: <c>GET /api/admin/contacts/{platform}:{actorId}</c> shows the person an
/// account belongs to; <c>POST …/contacts/link</c> and <c>…/unlink</c> link accounts and take one back out. The tenant is
/// <c>?tenant=</c> or <c>"tenant"</c> in the body, <c>default</c> when absent, and must have a configured channel.
/// </summary>
public sealed partial class ContactsAdmin(
    PersonLinker people,
    PersonContacts persons,
    Core.Coins.CoinBank coins,
    Trust.PersonTrust trust,
    Core.Erasure.ContactEraser eraser,
    Core.Erasure.IErasureStore erasures,
    ChannelRegistry channels,
    ILogger<ContactsAdmin> logger)
{
    private const string LinkShape = "send {\"accounts\": [\"wechat:oAbC\", \"douyin:71523\"], \"member\": \"optional brand member id\", \"by\": \"who\", \"tenant\": \"optional\"}";

    /// <summary>
    /// <c>DELETE /api/admin/contacts/{platform}:{actorId}?tenant=&amp;by=</c>: erases the person on request (docs/relationships.md#erasure).
    /// The answer is the erasure's record: rows deleted per table and the ledger totals kept, never who.
    /// </summary>
    public async Task<IResult> EraseAsync(HttpRequest request, string account)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (parsed, badAccount) = AdminContacts.PathAccount(account);
        var (tenant, unknown) = AdminContacts.Tenant(channels, request, null);
        if ((badAccount ?? unknown) is { } problem)
        {
            return problem;
        }

        var (by, badBy) = AdminResults.Author(request, AdminResults.Query(request, "by") is { } who && !string.IsNullOrWhiteSpace(who) ? who : null);
        if (badBy is not null)
        {
            return badBy;
        }

        var record = await eraser.EraseAsync(tenant, parsed, by, request.HttpContext.RequestAborted);
        Log.Erased(logger, record.Id, record.Accounts, record.Rows.Values.Sum(), by);
        return Results.Ok(record);
    }

    /// <summary><c>GET /api/admin/erasures?tenant=&amp;limit=</c>: the tenant's erasures, newest first (when, by whom, how much; never who).</summary>
    public async Task<IResult> ErasuresAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (tenant, unknown) = AdminContacts.Tenant(channels, request, null);
        if (unknown is not null)
        {
            return unknown;
        }

        var limit = int.TryParse(AdminResults.Query(request, "limit"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 1000) : 100;
        return Results.Ok(await erasures.ListAsync(tenant, limit, request.HttpContext.RequestAborted));
    }

    public async Task<IResult> GetAsync(HttpRequest request, string account)
    {
        ArgumentNullException.ThrowIfNull(request);

        var (parsed, badAccount) = AdminContacts.PathAccount(account);
        if (badAccount is not null)
        {
            return badAccount;
        }

        var (tenant, unknown) = AdminContacts.Tenant(channels, request, null);
        if (unknown is not null)
        {
            return unknown;
        }

        var person = await people.FindAsync(tenant, parsed, request.HttpContext.RequestAborted);
        var wallet = await coins.BalanceAsync(tenant, person.Id, request.HttpContext.RequestAborted);
        var trusted = await trust.ViewAsync(person, request.HttpContext.RequestAborted);
        return Results.Ok(PersonView.From(person) with
        {
            Coins = new PersonView.CoinBalances(wallet.Coins, wallet.Xp),
            Trust = trusted is null
                ? new PersonView.TrustScore(null, new Dictionary<string, Core.Trust.TrustComponentView>(), $"tenant {tenant} has no rows in table Scoring, so no one is scored (docs/relationships.md#trust)")
                : new PersonView.TrustScore(trusted.Score, trusted.Components, null),
        });
    }

    public async Task<IResult> LinkAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await AdminResults.ReadJsonAsync(request);
        if (invalid is not null)
        {
            return invalid;
        }

        if (body?["accounts"] is not JsonArray items || items.Count == 0)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, $"accounts is required: {LinkShape}.");
        }

        var accounts = new List<AccountRef>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonValue value || !value.TryGetValue(out string? text))
            {
                return AdminResults.Error(StatusCodes.Status400BadRequest, $"accounts[{i}] must be a string such as \"wechat:oAbC\".");
            }

            if (!AccountRef.TryParse(text, out var account, out var error))
            {
                return AdminResults.Error(StatusCodes.Status400BadRequest, $"accounts[{i}]: {error}.");
            }

            accounts.Add(account);
        }

        var member = AdminResults.Text(body, "member");
        var (by, badBy) = AdminResults.Author(request, AdminResults.Text(body, "by"));
        if (badBy is not null)
        {
            return badBy;
        }

        var problem = member is null && accounts.Distinct().Count() < 2 ? "name at least two different accounts, or a member to link one account to"
            : member is not null && PersonLinker.MemberProblem(member) is { } badMember ? badMember
            : null;
        if (problem is not null)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, $"{problem}: {LinkShape}.");
        }

        var (tenant, unknown) = AdminContacts.Tenant(channels, request, body);
        if (unknown is not null)
        {
            return unknown;
        }

        try
        {
            var outcome = await people.LinkAsync(tenant, accounts, member, LinkSources.Admin, by, request.HttpContext.RequestAborted);
            if (outcome.Refusal is { } refusal)
            {
                return AdminResults.Error(StatusCodes.Status409Conflict, refusal + ".");
            }

            if (outcome.Changed)
            {
                persons.NoteLinked(tenant);
                Log.Linked(logger, string.Join(", ", accounts), outcome.Person!.Id, by);
            }

            return Results.Ok(new { changed = outcome.Changed, person = PersonView.From(outcome.Person!) });
        }
        catch (InvalidOperationException ex)
        {
            return AdminResults.Error(StatusCodes.Status409Conflict, ex.Message + ".");
        }
    }

    public async Task<IResult> UnlinkAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await AdminResults.ReadJsonAsync(request);
        if (invalid is not null)
        {
            return invalid;
        }

        if (AdminResults.Text(body, "account") is not { } text)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, "account is required: send {\"account\": \"wechat:oAbC\", \"by\": \"who\", \"tenant\": \"optional\"}.");
        }

        if (!AccountRef.TryParse(text, out var account, out var error))
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, $"account: {error}.");
        }

        var (by, badBy) = AdminResults.Author(request, AdminResults.Text(body, "by"));
        if (badBy is not null)
        {
            return badBy;
        }

        var (tenant, unknown) = AdminContacts.Tenant(channels, request, body);
        if (unknown is not null)
        {
            return unknown;
        }

        try
        {
            var outcome = await people.UnlinkAsync(tenant, account, by, request.HttpContext.RequestAborted);
            if (outcome.Changed)
            {
                Log.Unlinked(logger, text, by);
            }

            return Results.Ok(new { changed = outcome.Changed, person = PersonView.From(outcome.Person!) });
        }
        catch (InvalidOperationException ex)
        {
            return AdminResults.Error(StatusCodes.Status409Conflict, ex.Message + ".");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3411, Level = LogLevel.Information, Message = "Erasure {Id} by an admin ({By}): {Accounts} account(s), {Rows} row(s) deleted")]
        public static partial void Erased(ILogger logger, string id, int accounts, int rows, string by);

        [LoggerMessage(EventId = 3405, Level = LogLevel.Information, Message = "Accounts {Accounts} linked as {Person} by an admin ({By})")]
        public static partial void Linked(ILogger logger, string accounts, string person, string by);

        [LoggerMessage(EventId = 3406, Level = LogLevel.Information, Message = "Account {Account} unlinked by an admin ({By})")]
        public static partial void Unlinked(ILogger logger, string account, string by);
    }
}
