using System.Text.Json.Nodes;
using Triggers.Platforms.Outbound;
using Triggers.Platforms.Tests.Outbound.Fake;
using Triggers.Testing;
using static Triggers.Platforms.Tests.Outbound.OutboundFixtures;
using static Triggers.Platforms.Tests.Outbound.Fake.FakePlatformServer;

namespace Triggers.Platforms.Tests.Outbound;

public sealed class WeChatCustomerServiceSenderTests
{
    [Fact]
    public async Task A_message_goes_out_as_a_stable_token_fetch_then_a_customer_service_text()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal([StableTokenPath, CustomSendPath], harness.Server.Requests.Select(r => r.Path));
        var token = harness.Server.Requests[0];
        Assert.Equal("POST", token.Method);
        Assert.Empty(token.Query);
        Assert.StartsWith("application/json", token.Header("Content-Type"), StringComparison.Ordinal);
        JsonAssert.Equal(
            new JsonObject { ["grant_type"] = "client_credential", ["appid"] = AppId, ["secret"] = AppSecret, ["force_refresh"] = false },
            token.Json);
        var send = harness.Server.Requests[1];
        Assert.Equal("POST", send.Method);
        Assert.Equal(new Dictionary<string, string> { ["access_token"] = "wechat-token-1" }, send.Query);
        JsonAssert.Equal(
            new JsonObject { ["touser"] = OpenId, ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = Text } },
            send.Json);
    }

    [Fact]
    public async Task Chinese_and_emoji_travel_as_literal_utf8_not_as_escapes()
    {
        await using var harness = await SenderHarness.StartAsync();

        await harness.SendAsync(Message(), WeChatChannel());

        var body = harness.Server.To(CustomSendPath).Single().Text;
        Assert.Contains("您好，包裹已补发 🎉\\n\\\"售后\\\"随时找我", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_is_fetched_once_and_reused_across_sends()
    {
        await using var harness = await SenderHarness.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(SendOutcome.Sent, (await harness.SendAsync(Message(id: $"tp-{i}"), WeChatChannel())).Outcome);
            harness.Clock.Advance(TimeSpan.FromMinutes(30));
        }

        Assert.Single(harness.Server.To(StableTokenPath));
        Assert.All(harness.Server.To(CustomSendPath), r => Assert.Equal("wechat-token-1", r.QueryValue("access_token")));
    }

    [Fact]
    public async Task The_token_is_refreshed_once_it_is_within_the_refresh_margin_of_its_expiry()
    {
        await using var harness = await SenderHarness.StartAsync();
        await harness.SendAsync(Message(), WeChatChannel());

        // expires_in 7200 s, refreshed 5 minutes early: at 6899 s the old token still serves, at 6901 s it does not.
        harness.Clock.Advance(TimeSpan.FromSeconds(6899));
        await harness.SendAsync(Message(), WeChatChannel());
        Assert.Single(harness.Server.To(StableTokenPath));

        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(2, harness.Server.To(StableTokenPath).Count);
        Assert.Equal(["wechat-token-1", "wechat-token-1", "wechat-token-2"], harness.Server.To(CustomSendPath).Select(r => r.QueryValue("access_token")));
    }

    [Fact]
    public async Task A_failed_early_refresh_keeps_using_the_old_token_while_it_is_still_valid()
    {
        await using var harness = await SenderHarness.StartAsync();
        await harness.SendAsync(Message(), WeChatChannel());
        harness.Clock.Advance(TimeSpan.FromSeconds(7000));
        harness.Server.Enqueue(StableTokenPath, FakeReply.Error(-1, "system error"));

        var result = await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(2, harness.Server.To(StableTokenPath).Count);
        Assert.Equal("wechat-token-1", harness.Server.To(CustomSendPath)[^1].QueryValue("access_token"));
    }

    [Fact]
    public async Task An_expired_token_is_fetched_again_and_the_message_sent_once_more_in_the_same_call()
    {
        await using var harness = await SenderHarness.StartAsync();
        await harness.SendAsync(Message(), WeChatChannel());
        harness.Server.ExpireIssuedTokens();

        var result = await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(
            [(StableTokenPath, null), (CustomSendPath, "wechat-token-1"), (CustomSendPath, "wechat-token-1"), (StableTokenPath, null), (CustomSendPath, "wechat-token-2")],
            harness.Server.Requests.Select(r => (r.Path, r.QueryValue("access_token"))));
    }

    [Theory]
    [InlineData(40001)]
    [InlineData(40014)]
    [InlineData(42001)]
    public async Task A_token_rejected_again_after_a_refetch_ends_in_retry_after_exactly_one_second_try(int errcode)
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(CustomSendPath, FakeReply.Error(errcode, "access_token expired"));
        harness.Server.Enqueue(CustomSendPath, FakeReply.Error(errcode, "access_token expired"));

        var result = await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Contains($"errcode {errcode}", result.Detail, StringComparison.Ordinal);
        Assert.Equal(2, harness.Server.To(StableTokenPath).Count);
        Assert.Equal(2, harness.Server.To(CustomSendPath).Count);
    }

    [Theory]
    [InlineData(45015, SendOutcome.Blocked, "platform-policy")]
    [InlineData(45047, SendOutcome.Blocked, "platform-policy")]
    [InlineData(43004, SendOutcome.Blocked, "consent")]
    [InlineData(40003, SendOutcome.Permanent, null)]
    [InlineData(48001, SendOutcome.Permanent, null)]
    [InlineData(-1, SendOutcome.Retry, null)]
    [InlineData(45009, SendOutcome.Retry, null)]
    [InlineData(44002, SendOutcome.Permanent, null)]
    public async Task Each_documented_errcode_maps_to_its_outcome_and_the_detail_quotes_it(int errcode, SendOutcome outcome, string? guardrail)
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(CustomSendPath, FakeReply.Error(errcode, "refused by the fake"));

        var result = await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(guardrail, result.Guardrail);
        Assert.Contains($"errcode {errcode}: refused by the fake", result.Detail, StringComparison.Ordinal);
        Assert.Single(harness.Server.To(CustomSendPath));
    }

    [Fact]
    public async Task Outside_the_48_hour_window_the_send_is_blocked_by_platform_policy_and_says_why()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(CustomSendPath, FakeReply.Error(45015, "response out of time limit or subscription is canceled"));

        var result = await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(new SendResult(SendOutcome.Blocked, result.Detail, "platform-policy"), result);
        Assert.Contains("48 hours", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_is_retried_later()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(CustomSendPath, new FakeReply(500, "<html>upstream failed</html>"));

        var result = await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Contains("HTTP 500", result.Detail, StringComparison.Ordinal);
        Assert.Null(result.RetryAfter);
    }

    [Fact]
    public async Task A_retry_after_header_on_a_throttled_reply_is_surfaced()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(CustomSendPath, new FakeReply(503, "{}", new Dictionary<string, string> { ["Retry-After"] = "120" }));

        var result = await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
    }

    [Fact]
    public async Task A_platform_that_does_not_answer_within_the_timeout_is_retried_later()
    {
        await using var harness = await SenderHarness.StartAsync(timeout: TimeSpan.FromMilliseconds(300));
        harness.Server.Enqueue(CustomSendPath, FakeReply.Error(0, "ok") with { Delay = TimeSpan.FromSeconds(10) });

        var result = await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Contains("did not answer within 0.3 s", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_that_is_not_json_is_retried_rather_than_taken_for_success()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(CustomSendPath, new FakeReply(200, "<html>captive portal</html>"));

        var result = await harness.SendAsync(Message(), WeChatChannel());

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Contains("captive portal", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_credentials_are_permanent_and_named_without_calling_wechat()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(Message(), WeChatChannel("AppId", "AppSecret"));

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.StartsWith("Channels:oa:AppId and Channels:oa:AppSecret missing", result.Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task A_wrong_app_secret_is_permanent_names_the_setting_and_never_shows_the_secret()
    {
        await using var harness = await SenderHarness.StartAsync();
        var channel = OutboundFixtures.Channel("oa", "wechat", [("AppId", AppId), ("AppSecret", "not-the-secret-0000")]);

        var result = await harness.SendAsync(Message(), channel);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Contains("errcode 40125", result.Detail, StringComparison.Ordinal);
        Assert.Contains("check Channels:oa:AppSecret", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret-0000", result.Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Server.To(CustomSendPath));
    }

    [Fact]
    public async Task Concurrent_sends_share_one_token_fetch()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.TokenDelay = TimeSpan.FromMilliseconds(300);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => harness.SendAsync(Message(id: $"tp-{i}"), WeChatChannel())));

        Assert.All(results, r => Assert.Equal(SendOutcome.Sent, r.Outcome));
        Assert.Single(harness.Server.To(StableTokenPath));
        Assert.Equal(12, harness.Server.To(CustomSendPath).Count);
    }

    [Fact]
    public async Task A_blank_text_is_permanent_before_any_call()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(Message(text: "  "), WeChatChannel());

        Assert.Equal(new SendResult(SendOutcome.Permanent, "touchpoint tp-0001 has no text to send"), result);
        Assert.Empty(harness.Server.Requests);
    }
}
