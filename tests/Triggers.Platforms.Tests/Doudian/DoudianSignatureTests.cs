using System.Text;
using Triggers.Platforms.Doudian;
using static Triggers.Platforms.Tests.Doudian.DoudianFixtures;

namespace Triggers.Platforms.Tests.Doudian;

/// <summary>app-id, sign-method and event-sign = hex MD5(app key ‖ raw body ‖ app secret).</summary>
public sealed class DoudianSignatureTests
{
    [Fact]
    public void Signature_of_the_connectivity_test_matches_the_python_computed_vector()
    {
        Assert.Equal(ConnectivityTestSignature, DoudianSignature.Compute(AppKey, Encoding.UTF8.GetBytes(ConnectivityTest), AppSecret));
        Assert.Equal(ConnectivityTestSignature, Sign(Encoding.UTF8.GetBytes(ConnectivityTest)));
        Assert.Equal(TradePaidSignature, Sign(Encoding.UTF8.GetBytes(TradePaid)));
    }

    [Fact]
    public void Connectivity_test_is_acknowledged_with_the_exact_success_body_and_no_signal()
    {
        var accepted = Accepted(Adapter.Handle(Post(ConnectivityTest, ConnectivityTestSignature), Channel()));

        Assert.Empty(accepted.Signals);
        Assert.Equal(200, accepted.Reply.StatusCode);
        Assert.Equal("""{"code":0,"msg":"success"}""", accepted.Reply.Body);
        Assert.Equal("application/json", accepted.Reply.ContentType);
    }

    [Theory]
    [InlineData("md5")]
    [InlineData("MD5")]
    public void Explicit_md5_sign_method_is_accepted(string method)
    {
        Accepted(Adapter.Handle(Post(TradePaid, TradePaidSignature, signMethod: method), Channel()));
    }

    [Fact]
    public void Upper_case_event_sign_is_accepted()
    {
        Accepted(Adapter.Handle(Post(TradePaid, TradePaidSignature.ToUpperInvariant()), Channel()));
    }

    [Fact]
    public void Another_sign_method_is_refused_rather_than_guessed()
    {
        var rejected = Rejected(Adapter.Handle(Post(TradePaid, TradePaidSignature, signMethod: "hmac-sha256"), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("sign-method 'hmac-sha256' is not supported", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_app_secret_is_unauthorised_and_names_the_setting_without_echoing_it()
    {
        var rejected = Rejected(Adapter.Handle(Post(TradePaid, TradePaidSignature), Channel(appSecret: "not-the-secret")));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("Channels:shop:AppSecret", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void One_byte_changed_in_the_body_is_unauthorised()
    {
        var tampered = TradePaid.Replace("2990", "2991", StringComparison.Ordinal);

        Assert.Equal(401, Rejected(Adapter.Handle(Post(tampered, TradePaidSignature), Channel())).StatusCode);
    }

    [Fact]
    public void Missing_event_sign_is_unauthorised()
    {
        var rejected = Rejected(Adapter.Handle(Post(TradePaid, signature: null), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("missing header event-sign", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_app_id_is_unauthorised()
    {
        var rejected = Rejected(Adapter.Handle(Post(TradePaid, TradePaidSignature, appId: null), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("missing header app-id", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Push_for_another_app_is_forbidden_and_names_the_setting()
    {
        var body = Encoding.UTF8.GetBytes(TradePaid);
        var rejected = Rejected(Adapter.Handle(Post(TradePaid, Sign(body, appKey: "999"), appId: "999"), Channel()));

        Assert.Equal(403, rejected.StatusCode);
        Assert.Contains("'999'", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("Channels:shop:AppKey", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_is_checked_before_the_body_is_parsed()
    {
        Assert.Equal(401, Rejected(Adapter.Handle(Post("[{", "0123"), Channel())).StatusCode);
    }
}
