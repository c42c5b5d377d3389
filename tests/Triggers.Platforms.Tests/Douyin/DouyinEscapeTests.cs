using static Triggers.Platforms.Tests.Douyin.DouyinFixtures;

namespace Triggers.Platforms.Tests.Douyin;

/// <summary>JSON escapes that decode to text .NET cannot hold (lone surrogates) must be a 400, not an exception.</summary>
public sealed class DouyinEscapeTests
{
    [Theory]
    [InlineData("""{"event":"im_receive_msg\uD800","content":{}}""")]
    [InlineData("""{"event":"im_receive_msg","from_user_id":"\uDC00","content":{"text":"hi"}}""")]
    [InlineData("""{"event":"im_receive_msg","content":{"text":"\uD800x"}}""")]
    [InlineData("""{"event":"im_receive_msg","content":"{\"text\":\"\\uD800\"}"}""")]
    [InlineData("""{"event":"verify_webhook","content":{"challenge":"\uD800"}}""")]
    [InlineData("""{"event":"x","client_key":"\uD800","content":{}}""")]
    [InlineData("""{"event":"x","\uD800":1}""")]
    [InlineData("""{"event":"x","content":{"\uDFFF":{"a":"b"}}}""")]
    public void Lone_surrogate_escapes_are_refused_with_400(string body)
    {
        var outcome = Adapter.Handle(SignedPost(body), Channel(appId: "ck"));

        var rejected = Rejected(outcome);
        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("not valid UTF-16", rejected.Error, StringComparison.Ordinal);
    }
}
