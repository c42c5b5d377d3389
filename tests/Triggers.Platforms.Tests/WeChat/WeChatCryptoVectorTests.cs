using System.Text;
using Triggers.Platforms.WeChat;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>platforms.md §1.7 at the crypto level: decrypt, re-encrypt with the documented random, and the reply envelope.</summary>
public sealed class WeChatCryptoVectorTests
{
    [Fact]
    public void Url_verification_vector_signs_the_documented_sorted_string()
    {
        Assert.Equal("f464b24fc39322e44b38aa78f5edd27bd1441696", WeChatSignature.Compute("AAAAA", "1714036504", "1514711492"));
        Assert.Equal(WeChatFixtures.Sha1OfSorted("15147114921714036504AAAAA"), WeChatSignature.Compute("AAAAA", "1714036504", "1514711492"));
    }

    [Fact]
    public void Safe_mode_json_vector_decrypts_to_167_bytes_and_the_trailing_app_id()
    {
        var plaintext = WeChatCrypto.Create(V.EncodingAesKey).Decrypt(V.SafeJsonEncrypt);

        Assert.Equal(V.SafeJsonMessage, plaintext.Message);
        Assert.Equal(167, Encoding.UTF8.GetByteCount(plaintext.Message));
        Assert.Equal("wxba5fad812f8e6fb9", plaintext.ReceiveId);
    }

    [Fact]
    public void Safe_mode_json_vector_is_reproduced_by_encrypting_with_its_random()
    {
        var encrypt = WeChatCrypto.Create(V.EncodingAesKey).Encrypt(V.SafeJsonMessage, V.AppId, Encoding.ASCII.GetBytes(V.SafeJsonRandom));

        Assert.Equal(V.SafeJsonEncrypt, encrypt);
        Assert.Equal(224, Convert.FromBase64String(encrypt).Length);
    }

    [Fact]
    public void Encrypted_reply_vector_gives_the_documented_encrypt_and_msg_signature()
    {
        var reply = WeChatEncryptedReply.Create(
            WeChatCrypto.Create(V.EncodingAesKey), V.Token, V.AppId, V.ReplyMessage, V.ReplyTimeStamp, V.ReplyNonce,
            Encoding.ASCII.GetBytes(V.ReplyRandom));

        Assert.Equal(V.ReplyEncrypt, reply.Encrypt);
        Assert.Equal(V.ReplyMsgSignature, reply.MsgSignature);
        Assert.Equal(64, Convert.FromBase64String(reply.Encrypt).Length);
    }

    [Fact]
    public void Encrypted_reply_vector_renders_the_documented_xml_and_json_envelopes()
    {
        var reply = new WeChatEncryptedReply(V.ReplyEncrypt, V.ReplyMsgSignature, V.ReplyTimeStamp, V.ReplyNonce);

        Assert.Equal(
            $"<xml><Encrypt><![CDATA[{V.ReplyEncrypt}]]></Encrypt><MsgSignature><![CDATA[{V.ReplyMsgSignature}]]></MsgSignature>" +
            "<TimeStamp>1713424427</TimeStamp><Nonce><![CDATA[415670741]]></Nonce></xml>",
            reply.ToXml());
        Assert.Equal(
            $$"""{"Encrypt":"{{V.ReplyEncrypt}}","MsgSignature":"{{V.ReplyMsgSignature}}","TimeStamp":1713424427,"Nonce":"415670741"}""",
            reply.ToJson());
    }

    [Fact]
    public void Third_party_xml_vector_is_reproduced_by_encrypting_with_its_random()
    {
        var encrypt = WeChatCrypto.Create(V.EncodingAesKey).Encrypt(V.SafeXmlMessage, V.ComponentAppId, Encoding.ASCII.GetBytes(V.SafeXmlRandom));

        Assert.Equal(V.SafeXmlEncrypt, encrypt);
    }
}
