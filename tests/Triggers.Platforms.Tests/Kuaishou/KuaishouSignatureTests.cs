using System.Text;
using Triggers.Platforms.Kuaishou;
using static Triggers.Platforms.Tests.Kuaishou.KuaishouFixtures;

namespace Triggers.Platforms.Tests.Kuaishou;

/// <summary>kwaisign = hex MD5(raw body ‖ app secret), compared without regard to case.</summary>
public sealed class KuaishouSignatureTests
{
    [Fact]
    public void Signatures_match_the_python_computed_vectors()
    {
        Assert.Equal(TestEventSignature, KuaishouSignature.Compute(Encoding.UTF8.GetBytes(TestEvent), AppSecret));
        Assert.Equal(TestEventSignature, Sign(Encoding.UTF8.GetBytes(TestEvent)));
        Assert.Equal(LiveCommentSignature, Sign(Encoding.UTF8.GetBytes(LiveComment)));
    }

    [Fact]
    public void Upper_case_kwaisign_is_accepted()
    {
        Assert.IsType<WebhookChallenge>(Adapter.Handle(Post(TestEvent, TestEventSignature.ToUpperInvariant()), Channel()));
    }

    [Fact]
    public void Wrong_app_secret_is_unauthorised_and_names_the_setting_without_echoing_it()
    {
        var rejected = Rejected(Adapter.Handle(Post(LiveComment, LiveCommentSignature), Channel("wrong-secret")));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("Channels:ks:AppSecret", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void One_byte_changed_in_the_body_is_unauthorised()
    {
        var tampered = LiveComment.Replace("\"r9\"", "\"r8\"", StringComparison.Ordinal);

        Assert.Equal(401, Rejected(Adapter.Handle(Post(tampered, LiveCommentSignature), Channel())).StatusCode);
    }

    [Fact]
    public void Missing_kwaisign_is_unauthorised()
    {
        var rejected = Rejected(Adapter.Handle(Post(TestEvent, signature: null), Channel()));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("missing header kwaisign", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_is_checked_before_the_body_is_parsed()
    {
        Assert.Equal(401, Rejected(Adapter.Handle(Post("{\"event\":", "abc"), Channel())).StatusCode);
    }
}
