using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>Forged, tampered or downgraded deliveries, using the official vectors as the genuine article.</summary>
public sealed class WeChatSignatureRejectionTests
{
    private static readonly ChannelSettings SafeChannel = Channel(V.Token, V.EncodingAesKey, V.AppId, TenYears);

    [Fact]
    public void One_character_change_to_msg_signature_is_unauthorised()
    {
        var query = V.SafeJsonQuery.Replace("msg_signature=046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", "msg_signature=046e02f8204d34f8ba5fa3b1db94908f3df2e9b4", StringComparison.Ordinal);

        var rejected = Rejected(Adapter.Handle(Post(query, V.SafeJsonBody), SafeChannel));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("msg_signature", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Upper_case_msg_signature_hex_is_still_accepted()
    {
        var query = V.SafeJsonQuery.Replace("046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", "046E02F8204D34F8BA5FA3B1DB94908F3DF2E9B3", StringComparison.Ordinal);

        Assert.IsType<WebhookAccepted>(Adapter.Handle(Post(query, V.SafeJsonBody), SafeChannel));
    }

    [Fact]
    public void Tampered_encrypt_field_is_unauthorised()
    {
        var body = V.SafeJsonBody.Replace("+qdx1OKCy", "+qdx1OKCz", StringComparison.Ordinal);

        Assert.Equal(401, Rejected(Adapter.Handle(Post(V.SafeJsonQuery, body), SafeChannel)).StatusCode);
    }

    [Fact]
    public void Encrypt_field_that_could_not_even_be_decrypted_is_refused_by_signature_before_decryption()
    {
        // Decrypting this would fail with a 400 (not Base64); a 401 shows the signature was checked first.
        var body = V.SafeJsonBody.Replace(V.SafeJsonEncrypt, "this is not base64!", StringComparison.Ordinal);

        var rejected = Rejected(Adapter.Handle(Post(V.SafeJsonQuery, body), SafeChannel));

        Assert.Equal(401, rejected.StatusCode);
        Assert.DoesNotContain("Base64", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypted_post_without_msg_signature_is_not_downgraded_to_the_plain_signature()
    {
        var query = V.SafeJsonQuery.Replace("&msg_signature=046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", "", StringComparison.Ordinal);

        var rejected = Rejected(Adapter.Handle(Post(query, V.SafeJsonBody), SafeChannel));

        Assert.Equal(401, rejected.StatusCode);
        Assert.StartsWith("missing query parameter msg_signature", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plaintext_post_to_a_safe_mode_channel_is_unauthorised()
    {
        var channel = Channel(V.Token, V.EncodingAesKey, V.AppId, TenYears);

        var rejected = Rejected(Adapter.Handle(Post(V.PlainPostQuery, V.PlainPostBody), channel));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("not encrypted", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypted_post_to_a_channel_without_encoding_aes_key_asks_to_configure_it()
    {
        var rejected = Rejected(Adapter.Handle(Post(V.SafeJsonQuery, V.SafeJsonBody), Channel(V.Token, window: TenYears)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("Channels:demo:EncodingAesKey", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_verification_with_a_wrong_token_is_unauthorised()
    {
        var rejected = Rejected(Adapter.Handle(Request("GET", Query(V.GetQuery), "", Now), Channel("BBBBB", window: TenYears)));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("Channels:demo:Token", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("BBBBB", rejected.Error, StringComparison.Ordinal);
    }
}
