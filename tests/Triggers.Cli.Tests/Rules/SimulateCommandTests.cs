using System.Text.Json;

namespace Triggers.Cli.Tests.Rules;

/// <summary>`rules simulate`, run as the built executable over temporary files.</summary>
public sealed class SimulateCommandTests
{
    private static Task<(int Exit, string Out, string Err)> RunAsync(string arguments) => CliProcess.RunAsync(arguments);

    private static string Signal(string id, string actor, string label, string at) =>
        $$"""{"id":"{{id}}","channel":"demo","platform":"wechat","tenant":"default","kind":"message","type":"text","actor":{"id":"{{actor}}","name":null},"text":"x","occurredAt":"{{at}}","receivedAt":"{{at}}","processedAt":"{{at}}","sentiment":{"label":"{{label}}","positive":0,"neutral":0,"negative":1,"source":"test"},"topics":[]}""";

    [Fact]
    public async Task Simulate_prints_per_rule_matches_touchpoints_and_problems_and_reports_a_bad_signal_line_by_number()
    {
        var folder = Directory.CreateTempSubdirectory("rules-simulate");
        try
        {
            var rules = Path.Combine(folder.FullName, "rules.jsonl");
            var signals = Path.Combine(folder.FullName, "signals.jsonl");
            await File.WriteAllLinesAsync(rules, [
                """{"RowKey":"negative","Enabled":false,"When":{"==":[{"var":"sentiment.label"},"negative"]},"Then":[{"type":"handoff","text":"跟进"}],"Cooldown":"PT1H"}""",
                """{"RowKey":"broken","Enabled":true,"When":"{\"nope\":[]}","Then":"[{\"type\":\"alert\",\"text\":\"x\"}]"}""",
            ], TestContext.Current.CancellationToken);
            await File.WriteAllLinesAsync(signals, [
                Signal("s1", "A", "negative", "2026-11-22T02:00:00Z"),
                Signal("s2", "A", "negative", "2026-11-22T02:30:00Z"),
                "not json",
                Signal("s3", "B", "negative", "2026-11-22T02:40:00Z"),
                Signal("s4", "B", "neutral", "2026-11-22T02:50:00Z"),
            ], TestContext.Current.CancellationToken);

            var (exit, output, errors) = await RunAsync($"rules simulate --rules \"{rules}\" --signals \"{signals}\"");

            Assert.Equal(1, exit);
            Assert.Contains("signals line 3: ", errors, StringComparison.Ordinal);
            var report = JsonDocument.Parse(output).RootElement;
            Assert.Equal(4, report.GetProperty("signals").GetInt32());
            Assert.StartsWith("simulated", report.GetProperty("guardrails").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("recomputed", report.GetProperty("emotion").GetString(), StringComparison.Ordinal);
            var results = report.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
            var negative = results["negative"];
            Assert.True(negative.GetProperty("simulatedAsEnabled").GetBoolean());
            Assert.Equal((3, 1), (negative.GetProperty("matched").GetInt32(), negative.GetProperty("cooledDown").GetInt32()));
            Assert.Equal(["s1", "s3"], negative.GetProperty("touchpoints").EnumerateArray().Select(t => t.GetProperty("signalId").GetString()));
            Assert.Equal("handoff", negative.GetProperty("touchpoints")[0].GetProperty("type").GetString());
            Assert.Equal(0, results["broken"].GetProperty("matched").GetInt32());
            Assert.Contains("nope", results["broken"].GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Simulate_refuses_both_a_rule_file_and_live_rules_with_exit_code_2()
    {
        var (exit, _, errors) = await RunAsync("rules simulate --rules x.jsonl --live --signals y.jsonl");

        Assert.Equal(2, exit);
        Assert.Contains("--live", errors, StringComparison.Ordinal);
    }
}
