using Triggers.Core.Signals;
using static Triggers.Platforms.Tests.Generic.GenericFixtures;

namespace Triggers.Platforms.Tests.Generic;

public sealed class GenericAdapterTests
{
    [Fact]
    public void A_signed_single_object_becomes_one_signal_and_the_reply_counts_it()
    {
        var accepted = Accepted(Adapter.Handle(Post(SingleBody, Timestamp, "sha256=" + SingleSignature), Channel()));

        var signal = Assert.Single(accepted.Signals);
        Assert.Equal(SignalKinds.Message, signal.Kind);
        Assert.Equal(new SignalActor("cust-42", "Ann"), signal.Actor);
        Assert.Equal("The parcel arrived broken", signal.Text);
        Assert.Equal("generic", signal.Platform);
        Assert.Equal("crm", signal.Channel);
        Assert.Equal("acme", signal.Tenant);
        Assert.Equal(SignalIds.Create("acme", "crm", "crm-1"), signal.Id);
        Assert.Equal(Now, signal.ReceivedAt);
        Assert.Equal(SingleBody, signal.Raw);
        Assert.Equal(new WebhookReply(200, """{"accepted":1}""", "application/json"), accepted.Reply);
    }

    [Fact]
    public void A_signed_batch_becomes_one_signal_per_item()
    {
        var accepted = Accepted(Adapter.Handle(Post(BatchBody, Timestamp, "sha256=" + BatchSignature), Channel()));

        Assert.Equal([SignalKinds.Order, SignalKinds.Review], accepted.Signals.Select(s => s.Kind));
        Assert.Equal("A123", accepted.Signals[0].Attributes["orderId"]);
        Assert.Equal("""{"accepted":2}""", accepted.Reply.Body);
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_unauthorised_without_echoing_the_secret()
    {
        var rejected = Rejected(Adapter.Handle(Post(SingleBody, Timestamp, "sha256=" + WrongSecretSignature), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("Channels:crm:Secret", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_with_one_byte_changed_is_unauthorised()
    {
        var tampered = SingleBody.Replace("broken", "Broken", StringComparison.Ordinal);

        Assert.Equal(401, Rejected(Adapter.Handle(Post(tampered, Timestamp, "sha256=" + SingleSignature), Channel())).StatusCode);
    }

    [Fact]
    public void A_signature_without_the_sha256_prefix_is_unauthorised()
    {
        Assert.Equal(401, Rejected(Adapter.Handle(Post(SingleBody, Timestamp, SingleSignature), Channel())).StatusCode);
    }

    [Theory]
    [InlineData(null, "sha256=x", "X-Triggers-Timestamp")]
    [InlineData("1793671445", null, "X-Triggers-Signature")]
    [InlineData(null, null, "X-Triggers-Timestamp and X-Triggers-Signature")]
    [InlineData("1793671445", "  ", "X-Triggers-Signature")]
    public void Missing_headers_are_unauthorised_and_named(string? timestamp, string? signature, string named)
    {
        var rejected = Rejected(Adapter.Handle(Post(SingleBody, timestamp, signature), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains($"missing header {named};", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correctly_signed_but_stale_request_is_unauthorised()
    {
        var request = Post(SingleBody, Timestamp, "sha256=" + SingleSignature, receivedAt: SignedAt.AddMinutes(6));

        var rejected = Rejected(Adapter.Handle(request, Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("replay window", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timestamp_too_far_in_the_future_is_unauthorised()
    {
        var request = Post(SingleBody, Timestamp, "sha256=" + SingleSignature, receivedAt: SignedAt.AddMinutes(-6));

        Assert.Equal(401, Rejected(Adapter.Handle(request, Channel())).StatusCode);
    }

    [Fact]
    public void The_channel_replay_window_is_honoured()
    {
        var request = Post(SingleBody, Timestamp, "sha256=" + SingleSignature, receivedAt: SignedAt.AddMinutes(6));

        Accepted(Adapter.Handle(request, Channel(window: TimeSpan.FromMinutes(10))));
    }

    [Fact]
    public void A_millisecond_timestamp_gets_a_hint()
    {
        var request = Post(SingleBody, "1793671445000", SignatureHeader("1793671445000", SingleBody));

        var rejected = Rejected(Adapter.Handle(request, Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal("X-Triggers-Timestamp '1793671445000' looks like milliseconds; send unix seconds", rejected.Error);
    }

    [Fact]
    public void A_signed_timestamp_that_is_not_a_number_is_malformed()
    {
        var rejected = Rejected(Adapter.Handle(Post(SingleBody, "yesterday", SignatureHeader("yesterday", SingleBody)), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("not unix seconds", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_body_with_envelope_errors_is_malformed_and_lists_every_error_with_its_path()
    {
        const string body = """[{"id":"a","kind":"chat","actor":{"id":"c"},"text":"x","occurredAt":"2026-11-03T02:00:00Z"},{"id":"b","kind":"message","actor":{},"text":"x","occurredAt":"2026-11-03 02:00"}]""";

        var rejected = Rejected(Adapter.Handle(Signed(body, SignedAt), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.StartsWith("body has 3 errors", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("$[0].kind: expected one of", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("; $[1].actor.id: is required", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("; $[1].occurredAt: '2026-11-03 02:00' is not", rejected.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"id\":")]
    [InlineData("[]")]
    public void A_signed_body_that_is_not_an_envelope_is_malformed(string body)
    {
        var rejected = Rejected(Adapter.Handle(Signed(body, SignedAt), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.StartsWith("body has 1 error", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_cannot_claim_another_tenant()
    {
        var body = SingleBody.Replace("{\"id\"", "{\"tenant\":\"other\",\"id\"", StringComparison.Ordinal);

        var rejected = Rejected(Adapter.Handle(Signed(body, SignedAt), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("$.tenant: is 'other' but this endpoint's tenant is 'acme'", rejected.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    public void Methods_other_than_post_are_not_allowed(string method)
    {
        var request = Post(SingleBody, Timestamp, "sha256=" + SingleSignature, method: method);

        Assert.Equal(405, Rejected(Adapter.Handle(request, Channel())).StatusCode);
    }
}
