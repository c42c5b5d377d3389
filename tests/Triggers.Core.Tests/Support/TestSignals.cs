using Triggers.Core.Analysis;
using Triggers.Core.Rules;
using Triggers.Core.Signals;

namespace Triggers.Core.Tests.Support;

internal static class TestSignals
{
    public static readonly DateTimeOffset OccurredAt = new(2026, 11, 3, 10, 4, 5, TimeSpan.FromHours(8));

    public static Signal Message(string id = "sig-1", string text = "我要退款", string tenant = "default") => new()
    {
        Id = id,
        Channel = "wechat-main",
        Platform = "wechat",
        Tenant = tenant,
        Kind = SignalKinds.Message,
        Type = "text",
        Actor = new SignalActor("o-actor-1", "Ann"),
        Text = text,
        OccurredAt = OccurredAt,
        ReceivedAt = OccurredAt.AddSeconds(1),
        DedupeKey = "msg-" + id,
    };

    public static TextAnalysis Angry(params string[] topics) =>
        new("negative", new SentimentScores(0.05, 0.15, 0.8), topics, "test");

    public static RuleDefinition Rule(
        string id,
        string when = "true",
        string then = """[{"type": "message", "text": "hi"}]""",
        int priority = 0,
        string tenant = "default",
        bool enabled = true,
        string? cooldown = null,
        string? version = "1") =>
        new(tenant, id, enabled, priority, when, then, cooldown, Description: null, version);

    public static CompiledRule Compile(RuleDefinition definition)
    {
        var set = RuleSet.Compile([definition]);
        Assert.Empty(set.Problems);
        return Assert.Single(set.Rules);
    }
}
