using System.Text.Encodings.Web;
using System.Text.Json;
using Triggers.Core.Simulation;

namespace Triggers.Cli.Rules;

/// <summary>`rules simulate`: runs the simulator and prints its report as JSON. Reads only; writes nothing.</summary>
public static class SimulateRun
{
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <returns>0, or 1 when a signal line was skipped or a rule is broken.</returns>
    public static async Task<int> RunAsync(SimulationRules rules, SimulateSignals signals, string? tenant, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var problem in signals.Problems)
        {
            await errors.WriteLineAsync("signals " + problem);
        }

        var report = await RuleSimulator.RunAsync(rules, signals.Signals, tenant);
        await output.WriteLineAsync(Serialize(report));
        var broken = report.Results.Count(r => r.Problems.Count > 0);
        await errors.WriteLineAsync($"{report.Signals} signal(s), {report.Results.Count} rule(s), {broken} broken, {signals.Problems.Count} line(s) skipped");
        return broken == 0 && signals.Problems.Count == 0 ? 0 : 1;
    }

    public static string Serialize(SimulationReport report) => JsonSerializer.Serialize(report, Output);
}
