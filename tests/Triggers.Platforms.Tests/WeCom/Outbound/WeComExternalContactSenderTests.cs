using System.Text.Json.Nodes;
using Triggers.Platforms.Outbound;
using Triggers.Platforms.Tests.Outbound.Fake;
using Triggers.Testing;
using static Triggers.Platforms.Tests.Outbound.OutboundFixtures;
using static Triggers.Platforms.Tests.Outbound.Fake.FakePlatformServer;

namespace Triggers.Platforms.Tests.Outbound;

public sealed class WeComExternalContactSenderTests
{
    [Fact]
    public async Task A_customer_message_goes_out_as_a_gettoken_then_a_message_task_for_the_member()
    {
        await using var harness = await SenderHarness.StartAsync();

        await harness.SendAsync(Message(contact: ExternalUserId), WeComChannel());

        Assert.Equal([("GET", GetTokenPath), ("POST", MessageTemplatePath)], harness.Server.Requests.Select(r => (r.Method, r.Path)));
        Assert.Equal(new Dictionary<string, string> { ["corpid"] = CorpId, ["corpsecret"] = CorpSecret }, harness.Server.Requests[0].Query);
        var task = harness.Server.Requests[1];
        Assert.Equal(new Dictionary<string, string> { ["access_token"] = "wecom-token-1" }, task.Query);
        Assert.StartsWith("application/json", task.Header("Content-Type"), StringComparison.Ordinal);
        JsonAssert.Equal(
            new JsonObject
            {
                ["chat_type"] = "single",
                ["external_userid"] = new JsonArray(ExternalUserId),
                ["sender"] = Member,
                ["text"] = new JsonObject { ["content"] = Text },
            },
            task.Json);
    }

    [Fact]
    public async Task Sent_means_the_task_was_created_and_the_detail_says_the_member_must_confirm_it()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(Message(contact: ExternalUserId), WeComChannel());

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal("msgGCAAAXtWyujaWJHDDGi0mAAAA", result.ProviderMessageId);
        Assert.Equal(
            "task created (msgid msgGCAAAXtWyujaWJHDDGi0mAAAA): member zhangsan must confirm it in WeCom before the customer receives the message",
            result.Detail);
    }

    [Fact]
    public async Task A_contact_wecom_puts_in_the_fail_list_is_blocked_by_platform_policy()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(MessageTemplatePath, FakeReply.Json(new JsonObject
        {
            ["errcode"] = 0, ["errmsg"] = "ok", ["fail_list"] = new JsonArray(ExternalUserId), ["msgid"] = "msg-empty",
        }));

        var result = await harness.SendAsync(Message(contact: ExternalUserId), WeComChannel());

        Assert.Equal(SendOutcome.Blocked, result.Outcome);
        Assert.Equal("platform-policy", result.Guardrail);
        Assert.Contains("fail_list", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_wrong_secret_kind_is_permanent_and_points_at_the_customer_contact_secret()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(MessageTemplatePath, FakeReply.Error(48002, "api forbidden"));

        var result = await harness.SendAsync(Message(contact: ExternalUserId), WeComChannel());

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Contains("api forbidden: use the 客户联系 secret", result.Detail, StringComparison.Ordinal);
        Assert.Contains("Channels:corp:Secret", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_fetched_again_and_the_task_created_once_more_in_the_same_call()
    {
        await using var harness = await SenderHarness.StartAsync();
        await harness.SendAsync(Message(contact: ExternalUserId), WeComChannel());
        harness.Server.ExpireIssuedTokens();

        var result = await harness.SendAsync(Message(contact: ExternalUserId), WeComChannel());

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(2, harness.Server.To(GetTokenPath).Count);
        Assert.Equal(["wecom-token-1", "wecom-token-1", "wecom-token-2"], harness.Server.To(MessageTemplatePath).Select(r => r.QueryValue("access_token")));
    }

    [Theory]
    [InlineData(-1, SendOutcome.Retry)]
    [InlineData(45009, SendOutcome.Retry)]
    [InlineData(40096, SendOutcome.Permanent)]
    public async Task Busy_and_rate_limit_codes_are_retried_and_other_codes_are_permanent(int errcode, SendOutcome outcome)
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(MessageTemplatePath, FakeReply.Error(errcode, "refused by the fake"));

        var result = await harness.SendAsync(Message(contact: ExternalUserId), WeComChannel());

        Assert.Equal(outcome, result.Outcome);
        Assert.Contains($"errcode {errcode}", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_with_retry_after_is_retried_when_wecom_asks()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(MessageTemplatePath, new FakeReply(502, "bad gateway", new Dictionary<string, string> { ["Retry-After"] = "30" }));

        var result = await harness.SendAsync(Message(contact: ExternalUserId), WeComChannel());

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
    }

    [Fact]
    public async Task A_missing_sender_member_is_permanent_and_named_without_calling_wecom()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(Message(contact: ExternalUserId), WeComChannel("SenderUserId"));

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.StartsWith("Channels:corp:SenderUserId missing", result.Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task A_wrong_corp_secret_is_permanent_and_names_the_setting()
    {
        await using var harness = await SenderHarness.StartAsync();
        var channel = OutboundFixtures.Channel("corp", "wecom", [("CorpId", CorpId), ("Secret", "some-other-app-secret"), ("SenderUserId", Member)]);

        var result = await harness.SendAsync(Message(contact: ExternalUserId), channel);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Contains("check Channels:corp:Secret, the 客户联系 secret", result.Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Server.To(MessageTemplatePath));
    }

    [Fact]
    public async Task Wechat_and_wecom_tokens_are_cached_apart()
    {
        await using var harness = await SenderHarness.StartAsync();

        await harness.SendAsync(Message(), WeChatChannel());
        await harness.SendAsync(Message(contact: ExternalUserId), WeComChannel());
        await harness.SendAsync(Message(), WeChatChannel());

        Assert.Single(harness.Server.To(StableTokenPath));
        Assert.Single(harness.Server.To(GetTokenPath));
        Assert.Equal("wecom-token-2", harness.Server.To(MessageTemplatePath).Single().QueryValue("access_token"));
    }
}
