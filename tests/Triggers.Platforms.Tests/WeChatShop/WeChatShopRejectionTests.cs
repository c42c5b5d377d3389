using System.Text;
using Triggers.Platforms.Tests.WeChat;
using static Triggers.Platforms.Tests.WeChatShop.ShopFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChatShop;

/// <summary>Forged, tampered, stale, misaddressed and malformed shop pushes.</summary>
public sealed class WeChatShopRejectionTests
{
    [Fact]
    public void Push_signed_with_another_token_is_unauthorised_and_names_the_setting()
    {
        var rejected = Rejected(Adapter.Handle(SignedPush(ShopSamples.OrderPay, token: "wrongToken"), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("Channels:shop:Token", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("WeChat Shop backend", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void One_byte_changed_in_the_encrypted_body_is_unauthorised()
    {
        var body = V.SafeJsonBody.Replace("+qdx1OKCy", "+qdx1OKCz", StringComparison.Ordinal);

        Assert.Equal(401, Rejected(Adapter.Handle(Post(V.SafeJsonQuery, body), Channel(window: TimeSpan.FromDays(3650)))).StatusCode);
    }

    [Fact]
    public void Push_without_msg_signature_is_unauthorised()
    {
        var query = V.SafeJsonQuery.Replace("&msg_signature=046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", "", StringComparison.Ordinal);

        var rejected = Rejected(Adapter.Handle(Post(query, V.SafeJsonBody), Channel(window: TimeSpan.FromDays(3650))));

        Assert.Equal(401, rejected.StatusCode);
        Assert.StartsWith("missing query parameter msg_signature", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_verification_without_echostr_is_malformed()
    {
        var rejected = Rejected(Adapter.Handle(Get("signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492"), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal("missing query parameter echostr", rejected.Error);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Timestamps_beyond_the_window_either_way_are_replays(int offsetSeconds)
    {
        var rejected = Rejected(Adapter.Handle(SignedPush(ShopSamples.OrderPay, signedAt: Now.AddSeconds(offsetSeconds)), Channel()));

        Assert.Equal(401, rejected.StatusCode);
    }

    [Fact]
    public void Push_encrypted_for_another_shop_is_forbidden_without_echoing_the_configured_app_id()
    {
        var rejected = Rejected(Adapter.Handle(SignedPush(ShopSamples.OrderPay, appId: "wxanothershop0001"), Channel()));

        Assert.Equal(403, rejected.StatusCode);
        Assert.Contains("'wxanothershop0001'", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(V.AppId, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Authentic_push_whose_message_is_xml_is_refused_as_json_only()
    {
        const string xml = "<xml><FromUserName>OPENID</FromUserName><CreateTime>1662480000</CreateTime><MsgType>event</MsgType><Event>x</Event></xml>";

        var rejected = Rejected(Adapter.Handle(SignedPush(xml), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.StartsWith("decrypted message is XML, but WeChat Shop pushes are JSON only", rejected.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "body is empty")]
    [InlineData("{\"ToUserName\":\"gh_*\"}", "body has no Encrypt field")]
    [InlineData("{\"Encrypt\":", "body is not valid JSON")]
    [InlineData("<xml><Encrypt>abc</Encrypt></xml>", "body is XML, but WeChat Shop pushes are JSON only")]
    public void Malformed_envelopes_are_refused_with_what_is_wrong(string body, string expected)
    {
        var rejected = Rejected(Adapter.Handle(Post(V.SafeJsonQuery, body), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.StartsWith(expected, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Authentic_push_with_broken_json_inside_is_malformed()
    {
        var rejected = Rejected(Adapter.Handle(SignedPush("{\"FromUserName\":"), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.StartsWith("decrypted message is not valid JSON", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Methods_other_than_get_and_post_are_not_allowed_and_oversized_bodies_are_refused()
    {
        var delete = WeChatFixtures.Request("DELETE", WeChatFixtures.Query(V.SafeJsonQuery), V.SafeJsonBody, Now);
        var huge = Post(V.SafeJsonQuery, "") with { Body = Encoding.ASCII.GetBytes(new string(' ', 256 * 1024 + 1)) };

        Assert.Equal(405, Rejected(Adapter.Handle(delete, Channel())).StatusCode);
        Assert.Equal(413, Rejected(Adapter.Handle(huge, Channel())).StatusCode);
    }
}
