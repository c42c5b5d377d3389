using static Triggers.Platforms.Tests.Bilibili.BilibiliFixtures;

namespace Triggers.Platforms.Tests.Bilibili;

/// <summary>Forged, tampered, stale or incomplete callbacks, with the signed danmaku sample as the genuine article.</summary>
public sealed class BilibiliRequestCheckTests
{
    [Fact]
    public void The_genuine_sample_is_accepted()
    {
        Accepted(Adapter.Handle(Danmaku(), Channel()));
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_unauthorised_without_echoing_the_secret()
    {
        var request = Post(DanmakuBody, Headers(DanmakuMd5, "nonce-dm-1", DanmakuWrongSecretAuthorization));

        var rejected = Rejected(Adapter.Handle(request, Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("Channels:bili:AppSecret", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(AppSecret, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Upper_case_hex_in_authorization_is_accepted()
    {
        var request = Post(DanmakuBody, Headers(DanmakuMd5, "nonce-dm-1", DanmakuAuthorization.ToUpperInvariant()));

        Accepted(Adapter.Handle(request, Channel()));
    }

    [Fact]
    public void A_body_with_one_byte_changed_is_unauthorised_by_the_content_md5()
    {
        var tampered = DanmakuBody.Replace("\"room_id\":4639581", "\"room_id\":4639582", StringComparison.Ordinal);

        var rejected = Rejected(Adapter.Handle(Post(tampered, Headers(DanmakuMd5, "nonce-dm-1", DanmakuAuthorization)), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("x-bili-content-md5", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_signed_header_is_unauthorised()
    {
        var request = Post(DanmakuBody, Headers(DanmakuMd5, "nonce-dm-2", DanmakuAuthorization));

        Assert.Equal(401, Rejected(Adapter.Handle(request, Channel())).StatusCode);
    }

    [Fact]
    public void A_genuine_request_replayed_after_the_window_is_unauthorised()
    {
        var rejected = Rejected(Adapter.Handle(Danmaku(receivedAt: Now.AddMinutes(10)), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("replay window", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correctly_signed_request_for_another_access_key_is_forbidden()
    {
        var request = Post(DanmakuBody, Headers(DanmakuMd5, "nonce-dm-1", DanmakuOtherKeyAuthorization, accessKeyId: "akid-other"));

        var rejected = Rejected(Adapter.Handle(request, Channel()));

        Assert.Equal(403, rejected.StatusCode);
        Assert.Contains("Channels:bili:AppKey", rejected.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("x-bili-content-md5")]
    [InlineData("x-bili-timestamp")]
    [InlineData("x-bili-signature-nonce")]
    public void A_missing_header_is_unauthorised_and_named(string header)
    {
        var headers = Headers(DanmakuMd5, "nonce-dm-1", DanmakuAuthorization);
        headers.Remove(header);

        var rejected = Rejected(Adapter.Handle(Post(DanmakuBody, headers), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains($"missing header {header};", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_signature_method_is_refused()
    {
        var headers = Headers(DanmakuMd5, "nonce-dm-1", DanmakuAuthorization);
        headers["x-bili-signature-method"] = "HMAC-SHA1";

        var rejected = Rejected(Adapter.Handle(Post(DanmakuBody, headers), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("expected HMAC-SHA256", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_timestamp_that_is_not_a_number_is_malformed()
    {
        Assert.Equal(400, Rejected(Adapter.Handle(Signed(DanmakuBody, timestamp: "soon"), Channel())).StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    public void Methods_other_than_post_are_not_allowed(string method)
    {
        var request = Post(DanmakuBody, Headers(DanmakuMd5, "nonce-dm-1", DanmakuAuthorization), method: method);

        Assert.Equal(405, Rejected(Adapter.Handle(request, Channel())).StatusCode);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"data\":{}}", "no cmd string")]
    [InlineData("{\"cmd\":\"LIVE_OPEN_PLATFORM_DM\",\"data\":\"x\"}", "data is missing or not an object")]
    [InlineData("{\"cmd\":\"LIVE_OPEN_PLATFORM_DM\",\"data\":{\"uid\":1}}", "needs msg and the sender")]
    [InlineData("{\"cmd\":\"LIVE_OPEN_PLATFORM_DM\",\"data\":{\"msg\":\"hi\"}}", "needs msg and the sender")]
    [InlineData("{\"cmd\":\"LIVE_OPEN_PLATFORM_LIKE\",\"data\":{\"timestamp\":\"noon\"}}", "data.timestamp 'noon' is not unix seconds")]
    [InlineData("{\"cmd\":\"X\",\"data\":{\"a\":1,\"a\":2}}", "data.a appears more than once")]
    public void A_signed_but_malformed_body_is_refused_with_what_is_wrong(string body, string expected)
    {
        var rejected = Rejected(Adapter.Handle(Signed(body), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains(expected, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_name_each_missing_secret()
    {
        var problems = Adapter.ValidateSettings(Channel(appKey: null, appSecret: null));

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Channels:bili:AppKey is missing", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Channels:bili:AppSecret is missing", problems[1], StringComparison.Ordinal);
        Assert.Empty(Adapter.ValidateSettings(Channel()));
    }
}
