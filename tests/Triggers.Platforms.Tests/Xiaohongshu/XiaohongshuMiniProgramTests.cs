using Triggers.Core.Signals;
using static Triggers.Platforms.Tests.Xiaohongshu.XiaohongshuFixtures;

namespace Triggers.Platforms.Tests.Xiaohongshu;

/// <summary>The mini-program / 专业号 push, on the assumption (inferred) that it is WXBizMsgCrypt as its docs describe.</summary>
public sealed class XiaohongshuMiniProgramTests
{
    [Fact]
    public void Url_verification_echoes_the_echostr()
    {
        var query = new Dictionary<string, string> { ["signature"] = Signature, ["timestamp"] = Timestamp, ["nonce"] = Nonce, ["echostr"] = "echo-2026" };

        var challenge = Assert.IsType<WebhookChallenge>(Adapter.Handle(Request("GET", query, NoHeaders(), ""), Channel()));

        Assert.Equal("echo-2026", challenge.Body);
    }

    [Fact]
    public void Url_verification_with_a_wrong_token_is_unauthorised()
    {
        var query = new Dictionary<string, string> { ["signature"] = Signature, ["timestamp"] = Timestamp, ["nonce"] = Nonce, ["echostr"] = "e" };

        var rejected = Rejected(Adapter.Handle(Request("GET", query, NoHeaders(), ""), Channel(overrides: ("Token", "otherToken"))));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("Channels:xhs:Token", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_encrypted_text_message_becomes_a_message_signal_and_is_answered_success()
    {
        var accepted = Accepted(Adapter.Handle(MiniProgramPost(), Channel()));

        var signal = Assert.Single(accepted.Signals);
        Assert.Equal("xiaohongshu", signal.Platform);
        Assert.Equal(SignalKinds.Message, signal.Kind);
        Assert.Equal("xhs_user_openid_1", signal.Actor.Id);
        Assert.Equal("请问还有货吗", signal.Text);
        Assert.Equal("900001", signal.DedupeKey);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1793671440), signal.OccurredAt);
        Assert.Equal(PlainMessage, signal.Raw);
        Assert.Equal(new WebhookReply(200, "success", "text/plain"), accepted.Reply);
    }

    [Fact]
    public void A_tampered_encrypt_field_is_unauthorised()
    {
        var body = EncryptedBody(Encrypt.Replace("Q3st", "Q3su", StringComparison.Ordinal));

        Assert.Equal(401, Rejected(Adapter.Handle(Request("POST", MiniProgramQuery(), NoHeaders(), body), Channel())).StatusCode);
    }

    [Fact]
    public void A_wrong_token_is_unauthorised()
    {
        Assert.Equal(401, Rejected(Adapter.Handle(MiniProgramPost(), Channel(overrides: ("Token", "otherToken")))).StatusCode);
    }

    [Fact]
    public void A_message_encrypted_for_another_app_is_forbidden()
    {
        var request = Request("POST", MiniProgramQuery(MsgSignatureForOtherApp), NoHeaders(), EncryptedBody(EncryptForOtherApp));

        var rejected = Rejected(Adapter.Handle(request, Channel()));

        Assert.Equal(403, rejected.StatusCode);
        Assert.Contains("Channels:xhs:AppId", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stale_push_is_unauthorised()
    {
        Assert.Equal(401, Rejected(Adapter.Handle(MiniProgramPost(receivedAt: Now.AddMinutes(6)), Channel())).StatusCode);
    }

    [Fact]
    public void A_post_with_only_the_plain_signature_is_not_trusted_because_it_does_not_cover_the_body()
    {
        var query = MiniProgramQuery();
        query.Remove("msg_signature");

        var rejected = Rejected(Adapter.Handle(Request("POST", query, NoHeaders(), """{"FromUserName":"x"}"""), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("msg_signature", rejected.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "no Encrypt field")]
    [InlineData("not json", "neither XML nor a JSON object")]
    public void A_body_without_ciphertext_is_malformed(string body, string expected)
    {
        var rejected = Rejected(Adapter.Handle(Request("POST", MiniProgramQuery(), NoHeaders(), body), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains(expected, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mini_program_push_to_an_e_commerce_only_channel_says_what_to_configure()
    {
        var rejected = Rejected(Adapter.Handle(MiniProgramPost(), Channel(miniProgram: false)));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("Channels:xhs:EncodingAesKey", rejected.Error, StringComparison.Ordinal);
    }
}
