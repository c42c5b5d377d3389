using static Triggers.Platforms.Tests.Kuaishou.KuaishouFixtures;

namespace Triggers.Platforms.Tests.Kuaishou;

/// <summary>The test event sent when the callback URL is saved (answer inferred: result 1 echoing the ids).</summary>
public sealed class KuaishouTestEventTests
{
    [Fact]
    public void Test_event_is_answered_with_result_1_and_its_message_id()
    {
        var challenge = Assert.IsType<WebhookChallenge>(Adapter.Handle(Post(TestEvent, TestEventSignature), Channel()));

        Assert.Equal("""{"result":1,"message_id":"m1"}""", challenge.Body);
        Assert.Equal("application/json", challenge.ContentType);
    }

    [Fact]
    public void Challenge_in_the_test_data_is_echoed_with_its_json_type()
    {
        var challenge = Assert.IsType<WebhookChallenge>(Adapter.Handle(
            SignedPost("""{"event":"test","message_id":"m2","data":"{\"challenge\":98765}"}"""), Channel()));

        Assert.Equal("""{"result":1,"message_id":"m2","challenge":98765}""", challenge.Body);
    }

    [Fact]
    public void Test_event_without_app_id_passes_a_channel_that_checks_the_app_id()
    {
        Assert.IsType<WebhookChallenge>(Adapter.Handle(Post(TestEvent, TestEventSignature), Channel(appId: AppId)));
    }

    [Fact]
    public void Test_event_signed_with_another_secret_is_unauthorised()
    {
        Assert.Equal(401, Rejected(Adapter.Handle(Post(TestEvent, TestEventSignature), Channel("other"))).StatusCode);
    }
}
