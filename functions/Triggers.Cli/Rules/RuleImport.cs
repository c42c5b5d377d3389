using Triggers.Azure.Stores;
using Triggers.Core.Rules;

namespace Triggers.Cli.Rules;

/// <summary>
/// `rules import`: validates the whole file first and writes nothing if any rule is wrong; then writes each tenant's
/// rules in one all-or-nothing transaction.
/// </summary>
public static class RuleImport
{
    public static async Task<int> RunAsync(RuleFileContent content, TableRuleWriter writer, string changedBy, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var problems = RuleValidation.Validate(content);
        var tenants = content.Definitions.GroupBy(d => d.Tenant, StringComparer.Ordinal).ToList();
        var tooMany = tenants.Where(t => t.Count() > TableRuleWriter.MaxRulesPerTenant).ToList();
        foreach (var problem in problems)
        {
            await errors.WriteLineAsync(RuleValidation.Describe(problem));
        }

        foreach (var tenant in tooMany)
        {
            await errors.WriteLineAsync(
                $"tenant '{tenant.Key}' has {tenant.Count()} rules; one all-or-nothing import holds at most {TableRuleWriter.MaxRulesPerTenant}: split the file.");
        }

        if (problems.Count > 0 || tooMany.Count > 0)
        {
            await errors.WriteLineAsync($"nothing imported: {problems.Count} problem(s) in the file.");
            return 1;
        }

        await writer.EnsureTablesAsync(cancellationToken);
        var failed = 0;
        foreach (var tenant in tenants)
        {
            try
            {
                var result = await writer.ImportTenantAsync(tenant.Key, tenant.ToList(), changedBy, cancellationToken);
                await output.WriteLineAsync($"{result.Tenant}: {result.Added} added, {result.Replaced} replaced, {result.Unchanged} unchanged");
            }
            catch (global::Azure.RequestFailedException ex)
            {
                // The SDK's message carries the whole response; its first line says what failed.
                failed++;
                var reason = ex.Message.Split('\n', 2)[0].Trim();
                await errors.WriteLineAsync($"{tenant.Key}: nothing imported for this tenant: {reason} ({ex.Status} {ex.ErrorCode})");
            }
        }

        return failed == 0 ? 0 : 1;
    }

    public static string ChangedBy() => "cli:" + Environment.UserName;
}
