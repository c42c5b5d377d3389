using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>Query parameters, replay window, method and size: refused before any message is read.</summary>
public sealed class WeChatRequestCheckTests
{
    [Fact]
    public void Url_verification_missing_nonce_and_echostr_names_both()
    {
        var query = Query("signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504");

        var rejected = Rejected(Adapter.Handle(Request("GET", query, "", Now), Channel(V.Token, window: TenYears)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal("missing query parameters nonce, echostr", rejected.Error);
    }

    [Fact]
    public void Plain_post_without_a_signature_is_unauthorised()
    {
        var rejected = Rejected(Adapter.Handle(Post("nonce=486452656&timestamp=", V.PlainPostBody), Channel(V.Token, window: TenYears)));

        Assert.Equal(401, rejected.StatusCode);
        Assert.StartsWith("missing query parameter signature", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Signed_plain_post_missing_timestamp_and_nonce_names_both()
    {
        var rejected = Rejected(Adapter.Handle(Post("signature=899cf89e464efb63f54ddac96b0a0a235f53aa78", V.PlainPostBody), Channel(V.Token, window: TenYears)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal("missing query parameters timestamp, nonce", rejected.Error);
    }

    [Fact]
    public void Timestamp_that_is_not_unix_seconds_is_malformed()
    {
        var rejected = Rejected(Adapter.Handle(Post("signature=00&timestamp=yesterday&nonce=1", V.PlainPostBody), Channel(V.Token)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("timestamp 'yesterday' is not unix seconds", rejected.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-299)]
    [InlineData(0)]
    [InlineData(299)]
    [InlineData(300)]
    public void Timestamps_within_five_minutes_either_way_are_accepted(int offsetSeconds)
    {
        var request = SignedPlainPost("token123", Sample("mp_parser__parse_text_message.xml"), Now.AddSeconds(offsetSeconds), Now);

        Assert.IsType<WebhookAccepted>(Adapter.Handle(request, Channel("token123")));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86_400)]
    public void Timestamps_beyond_five_minutes_either_way_are_replays(int offsetSeconds)
    {
        var request = SignedPlainPost("token123", Sample("mp_parser__parse_text_message.xml"), Now.AddSeconds(offsetSeconds), Now);

        var rejected = Rejected(Adapter.Handle(request, Channel("token123")));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("replay window", rejected.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public void Methods_other_than_get_and_post_are_not_allowed(string method)
    {
        var rejected = Rejected(Adapter.Handle(Request(method, Query(V.GetQuery), "", Now), Channel(V.Token, window: TenYears)));

        Assert.Equal(405, rejected.StatusCode);
    }

    [Fact]
    public void Unknown_encrypt_type_is_malformed()
    {
        var query = V.SafeJsonQuery.Replace("encrypt_type=aes", "encrypt_type=des", StringComparison.Ordinal);

        Assert.Equal(400, Rejected(Adapter.Handle(Post(query, V.SafeJsonBody), Channel(V.Token, V.EncodingAesKey, V.AppId, TenYears))).StatusCode);
    }

    [Fact]
    public void Oversized_body_is_refused_before_anything_else()
    {
        var body = "<xml>" + new string('a', 300 * 1024) + "</xml>";

        Assert.Equal(413, Rejected(Adapter.Handle(Post(V.PlainPostQuery, body), Channel(V.Token, window: TenYears))).StatusCode);
    }
}
