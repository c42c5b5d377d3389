using static Triggers.Platforms.Tests.Douyin.DouyinFixtures;
using S = Triggers.Platforms.Tests.Douyin.DouyinSamples;

namespace Triggers.Platforms.Tests.Douyin;

/// <summary>verify_webhook: signed like any push, answered with the challenge in the same JSON type.</summary>
public sealed class DouyinChallengeTests
{
    [Fact]
    public void Doc_example_is_answered_with_the_same_number_as_json()
    {
        var challenge = Assert.IsType<WebhookChallenge>(Adapter.Handle(Post(S.VerifyWebhook, S.VerifyWebhookSignature), Channel()));

        Assert.Equal("""{"challenge":12345}""", challenge.Body);
        Assert.Equal("application/json", challenge.ContentType);
    }

    [Fact]
    public void String_challenge_is_answered_as_the_same_string()
    {
        var challenge = Assert.IsType<WebhookChallenge>(Adapter.Handle(
            SignedPost("""{"event":"verify_webhook","client_key":"","content":{"challenge":"a1b2"}}"""), Channel()));

        Assert.Equal("""{"challenge":"a1b2"}""", challenge.Body);
    }

    [Fact]
    public void Content_sent_as_a_json_string_is_parsed_a_second_time()
    {
        var challenge = Assert.IsType<WebhookChallenge>(Adapter.Handle(
            SignedPost("""{"event":"verify_webhook","client_key":"","content":"{ \"challenge\": 12345 }"}"""), Channel()));

        Assert.Equal("""{"challenge":12345}""", challenge.Body);
    }

    [Fact]
    public void Number_too_long_for_a_long_is_echoed_digit_for_digit()
    {
        var challenge = Assert.IsType<WebhookChallenge>(Adapter.Handle(
            SignedPost("""{"event":"verify_webhook","content":{"challenge":123456789012345678901234567890}}"""), Channel()));

        Assert.Equal("""{"challenge":123456789012345678901234567890}""", challenge.Body);
    }

    [Fact]
    public void Verification_is_refused_with_401_when_signed_with_another_secret()
    {
        var request = SignedPost(S.VerifyWebhook, secret: "someone_else");

        Assert.Equal(401, Rejected(Adapter.Handle(request, Channel())).StatusCode);
    }

    [Theory]
    [InlineData("""{"event":"verify_webhook","content":{}}""", "no content.challenge")]
    [InlineData("""{"event":"verify_webhook"}""", "no content.challenge")]
    [InlineData("""{"event":"verify_webhook","content":{"challenge":{"x":1}}}""", "content.challenge is an object")]
    [InlineData("""{"event":"verify_webhook","content":{"challenge":null}}""", "content.challenge is null")]
    public void Verification_without_a_usable_challenge_is_a_400_saying_what_is_missing(string body, string expected)
    {
        var rejected = Rejected(Adapter.Handle(SignedPost(body), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains(expected, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verification_for_another_client_key_is_forbidden_when_one_is_configured()
    {
        var rejected = Rejected(Adapter.Handle(Post(S.VerifyWebhook, S.VerifyWebhookSignature), Channel(appId: "xyz")));

        Assert.Equal(403, rejected.StatusCode);
        Assert.Contains("Channels:demo:AppId", rejected.Error, StringComparison.Ordinal);
    }
}
