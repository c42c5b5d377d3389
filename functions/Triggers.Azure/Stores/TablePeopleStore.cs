using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Triggers.Core.People;

namespace Triggers.Azure.Stores;

/// <summary>
/// Table <c>People</c>, one partition per tenant, so a link that moves accounts between persons is one entity-group
/// transaction: a person is RowKey <c>p|{personId}</c> with its accounts as JSON in <c>Accounts</c>; an account's link is
/// RowKey <c>a|{platform}|{actorId}</c> with <c>Person</c> (parts escaped with <see cref="KeyParts.Escape"/>).
/// </summary>
public sealed class TablePeopleStore(TableServiceClient tables) : IPeopleStore
{
    // Chinese ids and names stay as they are rather than \uXXXX: a person's row stays well inside the 32K-character limit.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TableClient _table = tables.GetTableClient(TableNames.People);

    public int MaxChange => 100;

    public async Task<bool> AnyAsync(string tenant, CancellationToken cancellationToken)
    {
        var partition = KeyParts.Escape(tenant);
        // A page may come back empty with a continuation token; only the end of the query says "none".
        await foreach (var page in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            if (page.Values.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    public async Task<AccountLink?> GetLinkAsync(string tenant, AccountRef account, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync(KeyParts.Escape(tenant), LinkKey(account), null, cancellationToken);
        return entity?.GetString("Person") is { } person ? new AccountLink(account, person, entity.ETag.ToString()) : null;
    }

    public async Task<Person?> GetPersonAsync(string tenant, string personId, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync(KeyParts.Escape(tenant), PersonKey(personId), null, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var accounts = JsonSerializer.Deserialize<List<LinkedAccount>>(entity.GetString("Accounts") ?? "[]", Json) ?? [];
        return new Person { Tenant = tenant, Id = personId, Accounts = accounts, Version = entity.ETag.ToString() };
    }

    public async Task<IReadOnlyList<UnlinkRecord>> ListUnlinksAsync(string tenant, AccountRef account, CancellationToken cancellationToken)
    {
        var (from, to) = UnlinkRange(account);
        var records = new List<UnlinkRecord>();
        await foreach (var e in _table.QueryAsync<TableEntity>(x => x.PartitionKey == KeyParts.Escape(tenant) && x.RowKey.CompareTo(from) >= 0 && x.RowKey.CompareTo(to) < 0, cancellationToken: cancellationToken))
        {
            records.Add(new UnlinkRecord(account, e.GetString("Person") ?? string.Empty, e.GetDateTimeOffset("At") ?? default, e.GetString("By") ?? "unknown"));
        }

        return records;
    }

    public async Task<bool> TryApplyAsync(PeopleChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.IsEmpty)
        {
            return true;
        }

        var partition = KeyParts.Escape(change.Tenant);
        var actions = new List<TableTransactionAction>(change.Count);
        foreach (var person in change.WritePersons)
        {
            actions.Add(Write(new TableEntity(partition, PersonKey(person.Id))
            {
                ["Kind"] = "person",
                ["Tenant"] = change.Tenant,
                ["Person"] = person.Id,
                ["Accounts"] = JsonSerializer.Serialize(person.Accounts, Json),
            }, person.Version));
        }

        foreach (var link in change.WriteLinks)
        {
            actions.Add(Write(new TableEntity(partition, LinkKey(link.Account))
            {
                ["Kind"] = "account",
                ["Tenant"] = change.Tenant,
                ["Platform"] = link.Account.Platform,
                ["Account"] = link.Account.Id,
                ["Person"] = link.Person,
            }, link.Version));
        }

        actions.AddRange(change.Unlinks.Select(u => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, UnlinkKey(u.Account, u.At))
        {
            ["Kind"] = "unlink",
            ["Tenant"] = change.Tenant,
            ["Platform"] = u.Account.Platform,
            ["Account"] = u.Account.Id,
            ["Person"] = u.FormerPerson,
            ["At"] = u.At,
            ["By"] = u.By,
        })));
        actions.AddRange(change.RemovePersons.Select(p => Delete(partition, PersonKey(p.Id), p.Version)));
        actions.AddRange(change.RemoveLinks.Select(l => Delete(partition, LinkKey(l.Account), l.Version)));
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is StorageStatus.Conflict or StorageStatus.PreconditionFailed or StorageStatus.NotFound)
        {
            return false;
        }
    }

    private static TableTransactionAction Write(TableEntity entity, string? version) => version is null
        ? new TableTransactionAction(TableTransactionActionType.Add, entity)
        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(version));

    private static TableTransactionAction Delete(string partition, string rowKey, string? version) =>
        new(TableTransactionActionType.Delete, new TableEntity(partition, rowKey), version is null ? ETag.All : new ETag(version));

    internal static string PersonKey(string personId) => KeyParts.Join("p", personId);

    internal static string LinkKey(AccountRef account) => KeyParts.Join("a", account.Platform, account.Id);

    /// <summary><c>u|{platform}|{actorId}|{newest first}</c>: an account's unlink records sort together, newest first.</summary>
    internal static string UnlinkKey(AccountRef account, DateTimeOffset at) => KeyParts.Join("u", account.Platform, account.Id, RowKeys.NewestFirst(at, Guid.NewGuid().ToString("N")[..8]));

    /// <summary>The row keys of an account's unlink records: from its prefix to just past it.</summary>
    internal static (string From, string To) UnlinkRange(AccountRef account)
    {
        var prefix = KeyParts.Join("u", account.Platform, account.Id) + "|";
        return (prefix, prefix[..^1] + "}");
    }
}
