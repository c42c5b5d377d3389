using System.Text;
using static Triggers.Platforms.Tests.Douyin.DouyinFixtures;
using S = Triggers.Platforms.Tests.Douyin.DouyinSamples;

namespace Triggers.Platforms.Tests.Douyin;

/// <summary>Methods, app identity and malformed (but correctly signed) bodies.</summary>
public sealed class DouyinRequestCheckTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    public void Methods_other_than_post_are_refused_with_405(string method)
    {
        var rejected = Rejected(Adapter.Handle(Post(S.VerifyWebhook, S.VerifyWebhookSignature, method: method), Channel()));

        Assert.Equal(405, rejected.StatusCode);
    }

    [Fact]
    public void Event_for_another_client_key_is_forbidden_and_names_the_setting()
    {
        var rejected = Rejected(Adapter.Handle(Post(S.ImReceiveMsg, S.ImReceiveMsgSignature), Channel(clientKey: "my-app")));

        Assert.Equal(403, rejected.StatusCode);
        Assert.Contains("'asdfavetgbvasf'", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("Channels:demo:ClientKey", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_for_the_configured_client_key_is_accepted()
    {
        Accepted(Adapter.Handle(Post(S.ImReceiveMsg, S.ImReceiveMsgSignature), Channel(appId: "asdfavetgbvasf")));
    }

    [Fact]
    public void Event_with_an_empty_client_key_is_accepted_because_douyin_samples_send_it_empty()
    {
        Accepted(Adapter.Handle(SignedPost(S.ItemCommentReply), Channel(appId: "asdfavetgbvasf")));
    }

    [Theory]
    [InlineData("", "body is empty")]
    [InlineData("{\"event\":", "body is not valid JSON at line 1")]
    [InlineData("[1,2]", "body is JSON but not an object (it is an array)")]
    [InlineData("{\"client_key\":\"a\"}", "body has no event field")]
    [InlineData("{\"event\":\"x\",\"content\":42}", "field content is a number")]
    [InlineData("{\"event\":\"x\",\"content\":\"not json\"}", "field content (a JSON string) is not valid JSON")]
    [InlineData("{\"event\":\"x\",\"content\":\"[1]\"}", "field content (a JSON string) is JSON but not an object")]
    [InlineData("{\"event\":\"x\",\"event\":\"y\"}", "body is not valid JSON")]
    [InlineData("{\"event\":\"im_receive_msg\",\"content\":{\"create_time\":\"soon\"}}", "content.create_time 'soon' is not a unix time")]
    [InlineData("{\"event\":\"im_receive_msg\",\"content\":{\"create_time\":-5}}", "content.create_time '-5' is not a unix time")]
    public void Signed_but_malformed_bodies_get_400_naming_what_is_wrong(string body, string expected)
    {
        var rejected = Rejected(Adapter.Handle(SignedPost(body), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains(expected, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Signed_body_that_is_not_utf8_gets_400()
    {
        byte[] body = [(byte)'{', 0xC3, 0x28, (byte)'}'];
        var headers = new Dictionary<string, string> { ["x-douyin-signature"] = Sign(Secret, body) };

        var rejected = Rejected(Adapter.Handle(Post(body, headers), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("not valid UTF-8", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_with_400_rather_than_recursed_into()
    {
        var body = "{\"event\":\"x\",\"content\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 101);

        Assert.Equal(400, Rejected(Adapter.Handle(SignedPost(body), Channel())).StatusCode);
    }

    [Fact]
    public void Header_names_are_matched_whatever_their_case_even_in_a_case_sensitive_dictionary()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["x-douyin-signature"] = S.ImReceiveMsgSignature, ["MSG-ID"] = "m-7" };

        var signal = Single(Adapter.Handle(Post(Encoding.UTF8.GetBytes(S.ImReceiveMsg), headers), Channel()));

        Assert.Equal("m-7", signal.Attributes["msgId"]);
    }
}
