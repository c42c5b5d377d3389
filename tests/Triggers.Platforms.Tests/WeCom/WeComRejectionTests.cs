using System.Text;
using Triggers.Platforms.Tests.WeChat;
using static Triggers.Platforms.Tests.WeCom.WeComFixtures;
using V = Triggers.Platforms.Tests.WeCom.WeComVectors;

namespace Triggers.Platforms.Tests.WeCom;

/// <summary>Forged, tampered, stale, misaddressed and malformed WeCom calls.</summary>
public sealed class WeComRejectionTests
{
    private const string Text =
        "<xml><ToUserName>wx5823bf96d3bd56c7</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime>" +
        "<MsgType>text</MsgType><Content>hi</Content><MsgId>1</MsgId><AgentID>1</AgentID></xml>";

    private static readonly ChannelSettings WideWindow = Channel(window: TwentyYears);

    [Fact]
    public void Request_signed_with_another_token_is_unauthorised_and_names_the_setting()
    {
        var rejected = Rejected(Adapter.Handle(SignedPost(Text, token: "wrongToken"), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("msg_signature does not match the Encrypt field", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("Channels:corp:Token", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(V.Token, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void One_byte_changed_in_the_encrypt_field_is_unauthorised()
    {
        var body = V.PostXmlBody.Replace("RypEvHKD8", "RypEvHKD9", StringComparison.Ordinal);

        Assert.Equal(401, Rejected(Adapter.Handle(Post(V.PostQuery, body), WideWindow)).StatusCode);
    }

    [Fact]
    public void One_character_changed_in_msg_signature_is_unauthorised()
    {
        var query = V.PostQuery.Replace("msg_signature=4777", "msg_signature=5777", StringComparison.Ordinal);

        Assert.Equal(401, Rejected(Adapter.Handle(Post(query, V.PostXmlBody), WideWindow)).StatusCode);
    }

    [Fact]
    public void Tampered_echostr_is_unauthorised()
    {
        var query = V.VerifyQuery.Replace("echostr=P9n", "echostr=P8n", StringComparison.Ordinal);

        Assert.Equal(401, Rejected(Adapter.Handle(Get(query), WideWindow)).StatusCode);
    }

    [Fact]
    public void Missing_msg_signature_is_unauthorised_and_missing_nonce_is_malformed()
    {
        var unsigned = Rejected(Adapter.Handle(Post($"timestamp={V.PostTimestamp}&nonce={V.PostNonce}", V.PostXmlBody), WideWindow));
        var noNonce = Rejected(Adapter.Handle(Post($"msg_signature={V.PostMsgSignature}&timestamp={V.PostTimestamp}", V.PostXmlBody), WideWindow));
        var noEchostr = Rejected(Adapter.Handle(Get($"msg_signature={V.VerifyMsgSignature}&timestamp={V.VerifyTimestamp}&nonce={V.VerifyNonce}"), WideWindow));

        Assert.Equal(401, unsigned.StatusCode);
        Assert.Equal(400, noNonce.StatusCode);
        Assert.Equal("missing query parameter nonce", noNonce.Error);
        Assert.Equal("missing query parameter echostr", noEchostr.Error);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Timestamps_beyond_the_window_either_way_are_replays(int offsetSeconds)
    {
        var rejected = Rejected(Adapter.Handle(SignedPost(Text, signedAt: Now.AddSeconds(offsetSeconds)), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("replay window", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_encrypted_for_another_corp_is_forbidden_without_echoing_the_configured_one()
    {
        var rejected = Rejected(Adapter.Handle(SignedPost(Text, receiveId: "wwsomeoneelse"), Channel()));

        Assert.Equal(403, rejected.StatusCode);
        Assert.Contains("'wwsomeoneelse'", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("Channels:corp:CorpId", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(V.CorpId, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_verification_for_another_corp_is_forbidden()
    {
        Assert.Equal(403, Rejected(Adapter.Handle(Get(V.VerifyQuery), Channel(corpId: "wwsomeoneelse", window: TwentyYears))).StatusCode);
    }

    [Fact]
    public void With_a_suite_id_configured_a_message_for_the_corp_is_forbidden()
    {
        var channel = Channel(suiteId: "ww4asffe99e54c0f4c");

        var rejected = Rejected(Adapter.Handle(SignedPost(Text), channel));

        Assert.Equal(403, rejected.StatusCode);
        Assert.Contains("Channels:corp:SuiteId", rejected.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "body is empty")]
    [InlineData("<xml><ToUserName>x</ToUserName></xml>", "body has no Encrypt field")]
    [InlineData("<xml><Encrypt>a</Encrypt>", "body is not acceptable XML")]
    [InlineData("{\"encrypt\":", "body is not valid JSON")]
    [InlineData("encrypt=abc", "body is neither XML nor a JSON object")]
    public void Malformed_envelopes_are_refused_with_what_is_wrong(string body, string expected)
    {
        var rejected = Rejected(Adapter.Handle(Post(V.PostQuery, body), WideWindow));

        Assert.Equal(400, rejected.StatusCode);
        Assert.StartsWith(expected, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Authentic_envelope_whose_message_is_not_xml_or_json_is_malformed()
    {
        var rejected = Rejected(Adapter.Handle(SignedPost("hello"), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.StartsWith("decrypted message is neither XML nor a JSON object", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Envelope_with_a_doctype_is_refused()
    {
        var body = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>";

        var rejected = Rejected(Adapter.Handle(Post(V.PostQuery, body), WideWindow));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("DOCTYPE", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Methods_other_than_get_and_post_are_not_allowed()
    {
        var rejected = Rejected(Adapter.Handle(Request("PUT", Query(V.PostQuery), V.PostXmlBody, Now), WideWindow));

        Assert.Equal(405, rejected.StatusCode);
    }

    [Fact]
    public void Oversized_body_is_refused_before_anything_else()
    {
        var request = Post("", "") with { Body = Encoding.ASCII.GetBytes(new string(' ', 256 * 1024 + 1)) };

        Assert.Equal(413, Rejected(Adapter.Handle(request, Channel())).StatusCode);
    }

    [Fact]
    public void Authentic_message_encrypted_with_another_key_points_at_the_encoding_aes_key()
    {
        var encrypt = WxTestCrypto.Encrypt("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Text, V.CorpId, "wecom-test-rand9");

        var rejected = Rejected(Adapter.Handle(SignedEnvelope(encrypt, V.Token, Now), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("EncodingAesKey", rejected.Error, StringComparison.Ordinal);
    }
}
