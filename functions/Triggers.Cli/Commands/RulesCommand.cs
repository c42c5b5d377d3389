using System.CommandLine;
using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Cli.Rules;
using Triggers.Core.Rules;
using Triggers.Core.Simulation;

namespace Triggers.Cli.Commands;

/// <summary>`rules validate | export | import | simulate`: table Rules for operators (docs/rules.md).</summary>
public static class RulesCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Rule entities: a JSON array, one object, or JSON lines." };
        var tenant = new Option<string?>("--tenant") { Description = "Only this tenant (export), or the tenant of rules without PartitionKey (validate, import)." };
        var connection = new Option<string?>("--connection") { Description = "Storage connection string; default AzureWebJobsStorage from the environment, else UseDevelopmentStorage=true." };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of stdout." };

        var validate = new Command("validate", "Check rule entities in a file; prints each problem with its rule id and exits 1 if any.") { file, tenant };
        validate.SetAction(parse => Validate(parse.GetValue(file)!, parse.GetValue(tenant)));

        var export = new Command("export", "Write table Rules as JSON lines.") { tenant, output, connection };
        export.SetAction((parse, ct) => ExportAsync(parse.GetValue(tenant), parse.GetValue(output), parse.GetValue(connection), ct));

        var import = new Command("import", "Validate a rule file, then write each tenant's rules all-or-nothing (ChangedBy = cli:<user>).") { file, tenant, connection };
        import.SetAction((parse, ct) => ImportAsync(parse.GetValue(file)!, parse.GetValue(tenant), parse.GetValue(connection), ct));

        var rulesFile = new Option<FileInfo?>("--rules") { Description = "A draft: rule entities in a file (as for validate); disabled rules are simulated as if enabled." };
        var live = new Option<bool>("--live") { Description = "Simulate the enabled rules in table Rules instead of a file." };
        var signals = new Option<FileInfo>("--signals") { Description = "Recorded signals as JSON lines in the admin API's signal shape.", Required = true };
        var simulate = new Command("simulate", "Report what rules would have done with recorded signals (JSON on stdout); writes nothing.") { rulesFile, live, tenant, signals, connection };
        simulate.SetAction((parse, ct) => SimulateAsync(parse.GetValue(rulesFile), parse.GetValue(live), parse.GetValue(tenant), parse.GetValue(signals)!, parse.GetValue(connection), ct));

        return new Command("rules", "Validate, export, import and simulate the rules in table Rules.") { validate, export, import, simulate };
    }

    private static int Validate(FileInfo file, string? tenant)
    {
        var problems = RuleValidation.Validate(RuleFile.Read(file.FullName, tenant));
        foreach (var problem in problems)
        {
            Console.Out.WriteLine(RuleValidation.Describe(problem));
        }

        Console.Error.WriteLine(problems.Count == 0 ? "no problems" : $"{problems.Count} problem(s)");
        return problems.Count == 0 ? 0 : 1;
    }

    private static async Task<int> ExportAsync(string? tenant, FileInfo? output, string? connection, CancellationToken ct)
    {
        var snapshot = await Writer(connection).ReadAsync(tenant, ct);
        foreach (var problem in snapshot.Problems)
        {
            await Console.Error.WriteLineAsync("not exported: " + RuleValidation.Describe(problem));
        }

        if (output is null)
        {
            await RuleExport.WriteAsync(Console.Out, snapshot.Definitions);
        }
        else
        {
            await using var writer = new StreamWriter(output.FullName);
            await RuleExport.WriteAsync(writer, snapshot.Definitions);
        }

        return snapshot.Problems.Count == 0 ? 0 : 1;
    }

    private static Task<int> ImportAsync(FileInfo file, string? tenant, string? connection, CancellationToken ct) =>
        RuleImport.RunAsync(RuleFile.Read(file.FullName, tenant), Writer(connection), RuleImport.ChangedBy(), Console.Out, Console.Error, ct);

    private static async Task<int> SimulateAsync(FileInfo? file, bool live, string? tenant, FileInfo signals, string? connection, CancellationToken ct)
    {
        if ((file is null) == !live)
        {
            await Console.Error.WriteLineAsync("give either --rules <file> (a draft) or --live (table Rules), not both or neither");
            return 2;
        }

        SimulationRules rules;
        if (file is not null)
        {
            var content = RuleFile.Read(file.FullName, tenant);
            rules = SimulationRules.Draft(content.Definitions, readProblems: content.Problems);
        }
        else
        {
            var snapshot = await Writer(connection).ReadAsync(tenant, ct);
            var set = RuleSet.Compile(snapshot.Definitions);
            rules = SimulationRules.Live(set, [.. snapshot.Problems, .. set.Problems]);
        }

        var recorded = SimulateSignalReader.Parse(await File.ReadAllTextAsync(signals.FullName, ct));
        return await SimulateRun.RunAsync(rules, recorded, tenant, Console.Out, Console.Error);
    }

    private static TableRuleWriter Writer(string? connection)
    {
        var tables = CliStorage.Resolve(connection).CreateTableServiceClient();
        return new TableRuleWriter(tables, new TableRuleHistoryStore(tables), TimeProvider.System);
    }
}
