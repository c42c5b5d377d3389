using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>Broken bodies: each is a 400 that says what is wrong and where, and no signal comes out.</summary>
public sealed class WeChatMalformedBodyTests
{
    private const string Token = "safetyToken";

    [Fact]
    public void Mismatched_xml_tags_report_the_line_and_position()
    {
        var body = "<xml>\n<MsgType>text</xml>";

        var rejected = Rejected(Adapter.Handle(SignedPlainPost(Token, body, Now, Now), Channel(Token)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.StartsWith("body is not acceptable XML at line 2, position ", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_reports_where()
    {
        var rejected = Rejected(Adapter.Handle(SignedPlainPost(Token, "{\"MsgType\": }", Now, Now), Channel(Token)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.StartsWith("body is not valid JSON at line 1, byte ", rejected.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "body is empty")]
    [InlineData("MsgType=text", "body is neither XML nor a JSON object")]
    [InlineData("<xml><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>", "message has no FromUserName field")]
    [InlineData("{\"FromUserName\":\"u\",\"CreateTime\":\"soon\",\"MsgType\":\"text\"}", "message field CreateTime 'soon' is not unix seconds")]
    [InlineData("<xml><FromUserName>a</FromUserName><FromUserName>b</FromUserName></xml>", "body has the field FromUserName more than once")]
    [InlineData("{\"FromUserName\":\"a\",\"fromusername\":\"b\"}", "body has the field fromusername more than once")]
    public void Malformed_bodies_are_refused_with_what_is_wrong(string body, string expected)
    {
        var rejected = Rejected(Adapter.Handle(SignedPlainPost(Token, body, Now, Now), Channel(Token)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.StartsWith(expected, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_that_is_not_utf8_is_refused()
    {
        var request = SignedPlainPost(Token, "", Now, Now) with { Body = new byte[] { (byte)'<', 0xC3, 0x28, (byte)'>' } };

        var rejected = Rejected(Adapter.Handle(request, Channel(Token)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.StartsWith("body is not valid UTF-8", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypted_envelope_without_an_encrypt_field_is_malformed()
    {
        var body = "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName></xml>";

        var rejected = Rejected(Adapter.Handle(Post(V.SafeJsonQuery, body), Channel(V.Token, V.EncodingAesKey, V.AppId, TenYears)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.StartsWith("body has no Encrypt field", rejected.Error, StringComparison.Ordinal);
    }
}
