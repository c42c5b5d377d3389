using System.Text;
using Triggers.Core.Signals;
using Triggers.Platforms.Douyin;
using static Triggers.Platforms.Tests.Douyin.DouyinFixtures;
using S = Triggers.Platforms.Tests.Douyin.DouyinSamples;

namespace Triggers.Platforms.Tests.Douyin;

/// <summary>X-Douyin-Signature = hex SHA1(client secret ‖ raw body), checked against Python-computed vectors.</summary>
public sealed class DouyinSignatureTests
{
    [Fact]
    public void Signature_of_the_doc_example_body_matches_the_python_computed_vector()
    {
        Assert.Equal(S.VerifyWebhookSignature, DouyinSignature.Compute(Secret, Encoding.UTF8.GetBytes(S.VerifyWebhook)));
    }

    [Fact]
    public void Independent_signer_agrees_with_the_python_computed_vectors()
    {
        Assert.Equal(S.VerifyWebhookSignature, Sign(Secret, Encoding.UTF8.GetBytes(S.VerifyWebhook)));
        Assert.Equal(S.ImReceiveMsgSignature, Sign(Secret, Encoding.UTF8.GetBytes(S.ImReceiveMsg)));
    }

    [Fact]
    public void Shared_life_service_sample_file_is_accepted_with_its_python_computed_signature()
    {
        var path = Path.Combine(SharedPayloads(), "life_trade_order_notify.json");
        Assert.SkipUnless(File.Exists(path), $"the shared payloads are not beside the repository ({path})");
        var body = File.ReadAllBytes(path);
        Assert.Equal(S.LifeTradeOrderNotify, Encoding.UTF8.GetString(body));

        var signal = Single(Adapter.Handle(Post(body, new Dictionary<string, string> { ["X-Douyin-Signature"] = S.LifeTradeOrderNotifySignature }), Channel()));

        Assert.Equal(SignalKinds.Order, signal.Kind);
        Assert.Equal("life_trade_order_notify", signal.Type);
        Assert.Equal("123", signal.Attributes["orderId"]);
        Assert.Equal("1", signal.Attributes["amount"]);
        Assert.Equal("pay_success", signal.Attributes["action"]);
    }

    [Fact]
    public void Upper_case_signature_hex_is_accepted()
    {
        var outcome = Adapter.Handle(Post(S.ImReceiveMsg, S.ImReceiveMsgSignature.ToUpperInvariant()), Channel());

        Assert.Equal(SignalKinds.Message, Single(outcome).Kind);
    }

    [Fact]
    public void Wrong_client_secret_is_unauthorised_and_names_the_setting_without_echoing_it()
    {
        var rejected = Rejected(Adapter.Handle(Post(S.ImReceiveMsg, S.ImReceiveMsgSignature), Channel("other_secret")));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("Channels:demo:ClientSecret", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("other_secret", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void One_byte_changed_in_the_body_is_unauthorised()
    {
        var tampered = S.ImReceiveMsg.Replace("捷途70", "捷途71", StringComparison.Ordinal);

        Assert.Equal(401, Rejected(Adapter.Handle(Post(tampered, S.ImReceiveMsgSignature), Channel())).StatusCode);
    }

    [Fact]
    public void Re_serialised_json_with_other_whitespace_is_unauthorised_because_the_raw_bytes_are_signed()
    {
        var spaced = S.VerifyWebhook.Replace(",", ", ", StringComparison.Ordinal);

        Assert.Equal(401, Rejected(Adapter.Handle(Post(spaced, S.VerifyWebhookSignature), Channel())).StatusCode);
    }

    [Fact]
    public void Missing_signature_header_is_unauthorised_even_for_url_verification()
    {
        var rejected = Rejected(Adapter.Handle(Post(S.VerifyWebhook, signature: null), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Equal("missing header X-Douyin-Signature; Douyin signs every push with the app's client secret", rejected.Error);
    }

    [Fact]
    public void Signature_is_checked_before_the_body_is_parsed()
    {
        // Parsing this would fail with a 400; a 401 shows nothing was read before the signature.
        Assert.Equal(401, Rejected(Adapter.Handle(Post("{not json", "00"), Channel())).StatusCode);
    }

    private static string SharedPayloads()
    {
        var root = typeof(DouyinSignatureTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        return Path.Combine(root, "..", "shared", "data", "payloads", "douyin");
    }
}
