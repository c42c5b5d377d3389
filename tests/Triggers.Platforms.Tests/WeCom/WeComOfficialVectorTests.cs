using Triggers.Core.Signals;
using static Triggers.Platforms.Tests.WeCom.WeComFixtures;
using V = Triggers.Platforms.Tests.WeCom.WeComVectors;

namespace Triggers.Platforms.Tests.WeCom;

/// <summary>platforms.md §2.4: the official VerifyURL and DecryptMsg vectors through the whole adapter.</summary>
public sealed class WeComOfficialVectorTests
{
    private static readonly ChannelSettings WideWindow = Channel(window: TwentyYears);

    [Fact]
    public void Url_verification_vector_is_answered_with_the_decrypted_echostr_as_bare_text()
    {
        var challenge = Assert.IsType<WebhookChallenge>(Adapter.Handle(Get(V.VerifyQuery), WideWindow));

        Assert.Equal("1616140317555161061", challenge.Body);
        Assert.Equal("text/plain", challenge.ContentType);
    }

    [Fact]
    public void Url_verification_echostr_whose_plus_signs_arrived_unencoded_is_still_verified()
    {
        // A '+' left unencoded by a proxy reaches the adapter as a space once the query is decoded.
        var query = Query($"msg_signature={V.VerifyMsgSignature}&timestamp={V.VerifyTimestamp}&nonce={V.VerifyNonce}&echostr=x");
        query["echostr"] = V.VerifyEchoStr.Replace('+', ' ');

        var challenge = Assert.IsType<WebhookChallenge>(Adapter.Handle(Request("GET", query, "", Now), WideWindow));

        Assert.Equal(V.VerifyPlaintext, challenge.Body);
    }

    [Fact]
    public void Decrypt_message_vector_becomes_the_hello_text_message_from_mycreate()
    {
        var accepted = Accepted(Adapter.Handle(Post(V.PostQuery, V.PostXmlBody), WideWindow));

        var signal = Assert.Single(accepted.Signals);
        Assert.Equal(SignalKinds.Message, signal.Kind);
        Assert.Equal("text", signal.Type);
        Assert.Equal("hello", signal.Text);
        Assert.Equal("mycreate", signal.Actor.Id);
        Assert.Equal("4561255354251345929", signal.DedupeKey);
        Assert.Equal(SignalIds.Create("acme", "corp", "4561255354251345929"), signal.Id);
        Assert.Equal("218", signal.Attributes["AgentID"]);
        Assert.Equal(V.CorpId, signal.Attributes["ToUserName"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1409659813), signal.OccurredAt);
        Assert.Equal(V.PostMessage, signal.Raw);
        Assert.Equal("xml", signal.RawFormat);
        Assert.Equal("wecom", signal.Platform);
        Assert.Equal(new WebhookReply(200, "success", "text/plain"), accepted.Reply);
    }

    [Fact]
    public void Decrypt_message_vector_in_the_json_envelope_is_accepted_too()
    {
        var signal = Assert.Single(Accepted(Adapter.Handle(Post(V.PostQuery, V.PostJsonBody), WideWindow)).Signals);

        Assert.Equal("hello", signal.Text);
        Assert.Equal("xml", signal.RawFormat);
    }

    [Fact]
    public void Official_vectors_received_today_with_a_five_minute_window_are_replays()
    {
        var channel = Channel(window: FiveMinutes);

        var get = Rejected(Adapter.Handle(Get(V.VerifyQuery), channel));
        var post = Rejected(Adapter.Handle(Post(V.PostQuery, V.PostXmlBody), channel));

        Assert.Equal(401, get.StatusCode);
        Assert.Equal(401, post.StatusCode);
        Assert.Contains("replay window", post.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_crypto_reproduces_both_official_vectors()
    {
        Assert.Equal(("c41b64491c2468d0", V.VerifyPlaintext, V.CorpId), Triggers.Platforms.Tests.WeChat.WxTestCrypto.Decrypt(V.EncodingAesKey, V.VerifyEchoStr));
        Assert.Equal(V.PostEncrypt, Triggers.Platforms.Tests.WeChat.WxTestCrypto.Encrypt(V.EncodingAesKey, V.PostMessage, V.CorpId, "0960688932c47ef1"));
        Assert.Equal(V.PostMsgSignature, Sha1OfSorted(V.Token, V.PostTimestamp, V.PostNonce, V.PostEncrypt));
        Assert.Equal(V.VerifyMsgSignature, Sha1OfSorted(V.Token, V.VerifyTimestamp, V.VerifyNonce, V.VerifyEchoStr));
    }
}
