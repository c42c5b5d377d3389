using System.Globalization;
using System.Text.Json.Nodes;
using Triggers.Platforms.Generic;
using Triggers.Platforms.Outbound;
using Triggers.Platforms.Tests.Outbound.Fake;
using Triggers.Testing;
using static Triggers.Platforms.Tests.Outbound.OutboundFixtures;
using static Triggers.Platforms.Tests.Outbound.Fake.FakePlatformServer;

namespace Triggers.Platforms.Tests.Outbound;

public sealed class GenericWebhookSenderTests
{
    [Fact]
    public async Task The_touchpoint_is_posted_as_json_with_every_field_the_receiver_needs()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(Message(contact: "cust-42"), GenericChannel(harness.Server.HookUrl));

        Assert.Equal(new SendResult(SendOutcome.Sent, "delivered: the receiver at Channels:crm:OutboundUrl answered HTTP 204"), result);
        var post = Assert.Single(harness.Server.Requests);
        Assert.Equal(("POST", HookPath), (post.Method, post.Path));
        Assert.Equal("application/json; charset=utf-8", post.Header("Content-Type"));
        JsonAssert.Equal(
            new JsonObject
            {
                ["id"] = "tp-0001",
                ["tenant"] = "acme",
                ["channel"] = "crm",
                ["contact"] = "cust-42",
                ["type"] = "message",
                ["text"] = Text,
                ["template"] = "apology",
                ["ruleId"] = "rule-broken-parcel",
                ["signalId"] = "sig-42",
                ["dueAt"] = "2026-11-03T02:00:00.0000000+00:00",
                ["attempt"] = 2,
            },
            post.Json);
    }

    [Fact]
    public async Task Chinese_text_and_time_offsets_are_written_as_they_are_not_as_escapes()
    {
        await using var harness = await SenderHarness.StartAsync();

        await harness.SendAsync(Message(text: "您好，欢迎试驾！"), GenericChannel(harness.Server.HookUrl));

        var body = harness.Server.Requests.Single().Text;
        Assert.Contains("\"text\":\"您好，欢迎试驾！\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signature_verifies_with_the_inbound_generic_verifier()
    {
        await using var harness = await SenderHarness.StartAsync();

        await harness.SendAsync(Message(), GenericChannel(harness.Server.HookUrl));

        var post = harness.Server.Requests.Single();
        Assert.Equal(SenderHarness.Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), post.Header("X-Triggers-Timestamp"));
        Assert.Matches("^sha256=[0-9a-f]{64}$", post.Header("X-Triggers-Signature"));
        var inbound = new WebhookRequest("POST", new Dictionary<string, string>(), post.Headers, post.Body, harness.Clock.GetUtcNow());
        var channel = GenericChannel(harness.Server.HookUrl);
        Assert.Null(GenericVerifier.Verify(inbound, channel, GenericOptions.TryFrom(channel, out _)!));
    }

    [Fact]
    public async Task A_receiver_with_another_secret_would_reject_the_signature()
    {
        await using var harness = await SenderHarness.StartAsync();

        await harness.SendAsync(Message(), GenericChannel(harness.Server.HookUrl));

        var post = harness.Server.Requests.Single();
        Assert.False(GenericSignature.Matches(post.Header("X-Triggers-Signature")!, "another-secret-of-16+", post.Header("X-Triggers-Timestamp")!, post.Body));
    }

    [Fact]
    public async Task The_delivery_header_carries_the_touchpoint_id_so_the_receiver_can_drop_redeliveries()
    {
        await using var harness = await SenderHarness.StartAsync();

        var first = Message(id: "tp-7f3a");
        await harness.SendAsync(first, GenericChannel(harness.Server.HookUrl));
        await harness.SendAsync(first with { Touchpoint = first.Touchpoint with { Attempts = 3 } }, GenericChannel(harness.Server.HookUrl));

        Assert.All(harness.Server.Requests, r => Assert.Equal("tp-7f3a", r.Header("X-Triggers-Delivery")));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Timeouts_throttling_and_server_errors_are_retried(int status)
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(HookPath, new FakeReply(status, "try later"));

        var result = await harness.SendAsync(Message(), GenericChannel(harness.Server.HookUrl));

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Contains($"HTTP {status}", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task Other_client_errors_are_permanent_with_the_status_and_the_start_of_the_body(int status)
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.Enqueue(HookPath, new FakeReply(status, "{\"error\":\"unknown contact cust-42\"}\n" + new string('x', 500)));

        var result = await harness.SendAsync(Message(), GenericChannel(harness.Server.HookUrl));

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.StartsWith($"the receiver at Channels:crm:OutboundUrl answered HTTP {status}: {{\"error\":\"unknown contact cust-42\"}} xxx", result.Detail, StringComparison.Ordinal);
        Assert.EndsWith("…", result.Detail, StringComparison.Ordinal);
        Assert.True(result.Detail.Length < 300);
    }

    [Fact]
    public async Task A_retry_after_date_is_measured_on_the_injected_clock()
    {
        await using var harness = await SenderHarness.StartAsync();
        var at = SenderHarness.Start.AddSeconds(90).ToString("R", CultureInfo.InvariantCulture);
        harness.Server.Enqueue(HookPath, new FakeReply(429, string.Empty, new Dictionary<string, string> { ["Retry-After"] = at }));

        var result = await harness.SendAsync(Message(), GenericChannel(harness.Server.HookUrl));

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(90), result.RetryAfter);
    }

    [Fact]
    public async Task An_unreachable_receiver_is_retried_later()
    {
        await using var harness = await SenderHarness.StartAsync();
        var closed = harness.Server.HookUrl;
        await harness.Server.DisposeAsync();

        var result = await harness.SendAsync(Message(), GenericChannel(closed));

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Contains("could not be reached", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generic_channel_without_an_outbound_url_is_permanent_and_names_the_setting()
    {
        await using var harness = await SenderHarness.StartAsync();
        var channel = OutboundFixtures.Channel("crm", "generic", [("Secret", HookSecret)]);

        var result = await harness.SendAsync(Message(), channel);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.StartsWith("Channels:crm:OutboundUrl is missing", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/hooks/touchpoints")]
    [InlineData("ftp://example.com/hooks")]
    [InlineData("not a url")]
    public async Task An_outbound_url_that_is_not_absolute_http_is_permanent_without_echoing_it(string url)
    {
        await using var harness = await SenderHarness.StartAsync();
        var channel = OutboundFixtures.Channel("crm", "generic", [("Secret", HookSecret), ("OutboundUrl", url)]);

        var result = await harness.SendAsync(Message(), channel);

        Assert.Equal(new SendResult(SendOutcome.Permanent, "Channels:crm:OutboundUrl is not an absolute http or https URL"), result);
    }

    [Fact]
    public async Task A_short_signing_secret_is_permanent_and_names_the_setting()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(Message(), GenericChannel(harness.Server.HookUrl, secret: "tiny-secret"));

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.StartsWith("Channels:crm:Secret (or Channels:crm:OutboundSecret) is too short", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-secret", result.Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Server.Requests);
    }
}
