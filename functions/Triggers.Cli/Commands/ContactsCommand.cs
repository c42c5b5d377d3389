using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Triggers.Azure.Stores;
using Triggers.Cli.Rules;
using Triggers.Core.People;

namespace Triggers.Cli.Commands;

/// <summary>`contacts show | link | unlink | erase`: one person across platforms, for operators (docs/relationships.md).</summary>
public static class ContactsCommand
{
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var account = new Argument<string>("account") { Description = "An account as {platform}:{actorId}, for example wechat:oAbC123." };
        var accounts = new Argument<string[]>("accounts") { Description = "Two or more accounts as {platform}:{actorId} (one is enough with --member).", Arity = ArgumentArity.OneOrMore };
        var tenant = new Option<string>("--tenant") { Description = "The tenant (default: default).", DefaultValueFactory = _ => "default" };
        var member = new Option<string?>("--member") { Description = "Link the accounts to this brand member, as an identify signal would." };
        var by = new Option<string?>("--by") { Description = "Who links them (default: cli:<user>)." };
        var connection = new Option<string?>("--connection") { Description = "Storage connection string; default AzureWebJobsStorage from the environment, else UseDevelopmentStorage=true." };

        var show = new Command("show", "Print the person an account belongs to, with every linked account (JSON).") { account, tenant, connection };
        show.SetAction((parse, ct) => ShowAsync(parse.GetValue(account)!, parse.GetValue(tenant)!, parse.GetValue(connection), ct));

        var link = new Command("link", "Link accounts into one person (or to --member); linking what is linked changes nothing.") { accounts, member, by, tenant, connection };
        link.SetAction((parse, ct) => LinkAsync(parse.GetValue(accounts)!, parse.GetValue(member), parse.GetValue(by), parse.GetValue(tenant)!, parse.GetValue(connection), ct));

        var unlink = new Command("unlink", "Take an account out of its person: it is a person of its own again.") { account, tenant, connection };
        unlink.SetAction((parse, ct) => UnlinkAsync(parse.GetValue(account)!, parse.GetValue(tenant)!, parse.GetValue(connection), ct));

        var eraseBy = new Option<string?>("--by") { Description = "Who asked for the erasure (default: cli:<user>)." };
        var erase = new Command("erase", "Erase the person an account belongs to, across every table (PIPL/GDPR); prints the erasure's record.") { account, eraseBy, tenant, connection };
        erase.SetAction((parse, ct) => EraseAsync(parse.GetValue(account)!, parse.GetValue(eraseBy), parse.GetValue(tenant)!, parse.GetValue(connection), ct));

        return new Command("contacts", "Show, link, unlink and erase the platform accounts of a person (table People).") { show, link, unlink, erase };
    }

    private static async Task<int> ShowAsync(string text, string tenant, string? connection, CancellationToken ct)
    {
        if (!TryParse(text, out var parsed))
        {
            return 2;
        }

        var person = await (await LinkerAsync(connection, ct)).FindAsync(tenant, parsed, ct);
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(PersonView.From(person), Output));
        return 0;
    }

    private static async Task<int> LinkAsync(string[] texts, string? member, string? by, string tenant, string? connection, CancellationToken ct)
    {
        var accounts = new List<AccountRef>();
        foreach (var text in texts)
        {
            if (!TryParse(text, out var parsed))
            {
                return 2;
            }

            accounts.Add(parsed);
        }

        member = string.IsNullOrWhiteSpace(member) ? null : member.Trim();
        by = string.IsNullOrWhiteSpace(by) ? "cli:" + Environment.UserName : by.Trim();
        if (((member is null ? null : PersonLinker.MemberProblem(member)) ?? PersonLinker.ByProblem(by)) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return 2;
        }

        var outcome = await (await LinkerAsync(connection, ct)).LinkAsync(tenant, accounts, member, LinkSources.Admin, by, ct);
        if (outcome.Refusal is { } refusal)
        {
            await Console.Error.WriteLineAsync("not linked: " + refusal);
            return 1;
        }

        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { changed = outcome.Changed, person = PersonView.From(outcome.Person!) }, Output));
        return 0;
    }

    private static async Task<int> UnlinkAsync(string text, string tenant, string? connection, CancellationToken ct)
    {
        if (!TryParse(text, out var parsed))
        {
            return 2;
        }

        var outcome = await (await LinkerAsync(connection, ct)).UnlinkAsync(tenant, parsed, Rules.RuleImport.ChangedBy(), ct);
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { changed = outcome.Changed, person = PersonView.From(outcome.Person!) }, Output));
        return 0;
    }

    /// <summary>
    /// Erases as the admin API does. The CLI knows no channel configuration, so the account's channels are found from its
    /// signals (a scan of table Signals).
    /// </summary>
    private static async Task<int> EraseAsync(string text, string? by, string tenant, string? connection, CancellationToken ct)
    {
        if (!TryParse(text, out var parsed))
        {
            return 2;
        }

        by = string.IsNullOrWhiteSpace(by) ? "cli:" + Environment.UserName : by.Trim();
        if (PersonLinker.ByProblem(by) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return 2;
        }

        var tables = CliStorage.Resolve(connection).CreateTableServiceClient();
        foreach (var name in TableNames.All)
        {
            await tables.GetTableClient(name).CreateIfNotExistsAsync(ct);
        }

        var eraser = new Triggers.Core.Erasure.ContactEraser(
            await LinkerAsync(connection, ct), new TableContactEraser(tables, channelsOf: null), new TableErasureStore(tables), erased: null, TimeProvider.System);
        var record = await eraser.EraseAsync(tenant, parsed, by, ct);
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(record, Output));
        await Console.Error.WriteLineAsync($"erased {record.Accounts} account(s): {record.Rows.Values.Sum()} row(s) deleted");
        return 0;
    }

    private static bool TryParse(string text, out AccountRef account)
    {
        if (AccountRef.TryParse(text, out account, out var error))
        {
            return true;
        }

        Console.Error.WriteLine(error);
        return false;
    }

    private static async Task<PersonLinker> LinkerAsync(string? connection, CancellationToken ct)
    {
        var tables = CliStorage.Resolve(connection).CreateTableServiceClient();
        await tables.GetTableClient(TableNames.People).CreateIfNotExistsAsync(ct);
        await tables.GetTableClient(TableNames.Coins).CreateIfNotExistsAsync(ct);
        return new PersonLinker(new TablePeopleStore(tables), TimeProvider.System, new Triggers.Core.Coins.CoinBank(new TableCoinStore(tables), TimeProvider.System));
    }
}
