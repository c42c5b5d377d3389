using Triggers.Platforms.Outbound;
using Triggers.Platforms.Tests.Outbound.Fake;
using static Triggers.Platforms.Tests.Outbound.OutboundFixtures;
using static Triggers.Platforms.Tests.Outbound.Fake.FakePlatformServer;

namespace Triggers.Platforms.Tests.Outbound;

/// <summary>The senders' HTTP client (SenderHttp): safe calls are retried, sends are not, and a failing host is paused.</summary>
public sealed class SenderResilienceTests
{
    [Fact]
    public async Task A_token_fetch_the_platform_answers_with_503_is_retried_at_once_and_the_message_still_goes_out()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(StableTokenPath, new FakeReply(503, "{}"));

        var result = await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal([StableTokenPath, StableTokenPath, CustomSendPath], harness.Server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_token_fetch_told_to_come_back_later_than_an_attempt_lasts_is_not_retried_here_and_the_wait_goes_back_to_the_dispatcher()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(StableTokenPath, new FakeReply(503, "{}", new Dictionary<string, string> { ["Retry-After"] = "120" }));

        var result = await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Single(harness.Server.To(StableTokenPath));
    }

    [Fact]
    public async Task A_WeCom_token_get_that_fails_is_retried_too()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(GetTokenPath, new FakeReply(502, "bad gateway"));

        var result = await harness.SendAsync(Message(contact: ExternalUserId), WeComChannel());

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(2, harness.Server.To(GetTokenPath).Count);
    }

    [Fact]
    public async Task A_send_that_fails_with_503_reaches_the_platform_once_because_WeChat_cannot_tell_a_repeat()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(CustomSendPath, new FakeReply(503, "{}"));

        var result = await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Single(harness.Server.To(CustomSendPath));
    }

    [Fact]
    public async Task A_host_that_keeps_failing_is_paused_and_sends_come_back_as_retry_without_reaching_it()
    {
        await using var harness = await SenderHarness.StartAsync();
        var channel = GenericChannel(harness.Server.HookUrl);
        for (var i = 0; i < 12; i++)
        {
            harness.Server.Enqueue(HookPath, new FakeReply(500, "down"));
        }

        var results = new List<SendResult>();
        for (var i = 0; i < 12; i++)
        {
            results.Add(await harness.SendAsync(Message(id: $"tp-{i}"), channel));
        }

        Assert.All(results, r => Assert.Equal(SendOutcome.Retry, r.Outcome));
        var paused = results.Where(r => r.Detail.Contains("paused", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(paused);
        Assert.All(paused, r => Assert.Equal(SenderHttp.BreakDuration, r.RetryAfter));
        Assert.Equal(12 - paused.Count, harness.Server.To(HookPath).Count);
    }
}
