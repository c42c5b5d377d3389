using static Triggers.Platforms.Tests.Doudian.DoudianFixtures;

namespace Triggers.Platforms.Tests.Doudian;

/// <summary>Signed pushes that cannot be read: refused whole with 400, no signal from any message.</summary>
public sealed class DoudianBatchRejectionTests
{
    [Theory]
    [InlineData("", "body is empty")]
    [InlineData("""{"tag":110}""", "body is an object, not the JSON array")]
    [InlineData("[]", "body is an empty array")]
    [InlineData("[1]", "message [0] is a number, not an object")]
    [InlineData("""[{"msg_id":"a","data":"{}"}]""", "message [0] has no tag")]
    [InlineData("""[{"tag":"paid","msg_id":"a","data":"{}"}]""", "message [0] tag 'paid' is not a non-negative whole number")]
    [InlineData("""[{"tag":-1,"msg_id":"a","data":"{}"}]""", "message [0] tag '-1'")]
    [InlineData("""[{"tag":1.5,"msg_id":"a","data":"{}"}]""", "message [0] tag '1.5'")]
    [InlineData("""[{"tag":110,"data":"{}"}]""", "message [0] has no msg_id (or msgId)")]
    [InlineData("""[{"tag":110,"msg_id":"a"}]""", "message [0] has no data")]
    [InlineData("""[{"tag":110,"msg_id":"a","data":"{oops"}]""", "message [0] data (a JSON string) is not valid JSON")]
    [InlineData("""[{"tag":110,"msg_id":"a","data":[1]}]""", "message [0] data is an array")]
    [InlineData("""[{"tag":110,"msg_id":"a","data":{"pay_time":"yesterday"}}]""", "message [0] data.pay_time 'yesterday' is not a unix time")]
    [InlineData("""[{"tag":110,"msg_id":"\uD83D","data":"{}"}]""", "body has a string at $[0].msg_id that is not valid UTF-16")]
    public void Malformed_push_gets_400_naming_the_message_and_field(string body, string expected)
    {
        var rejected = Rejected(Adapter.Handle(SignedPost(body), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains(expected, rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void One_bad_message_after_good_ones_refuses_the_whole_push()
    {
        var body = $$"""[{{RefundCreated}},{"tag":110,"msg_id":"ok","data":"{}"},{"tag":110,"data":"{}"}]""";

        var rejected = Rejected(Adapter.Handle(SignedPost(body), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("message [2] has no msg_id", rejected.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public void Methods_other_than_post_are_refused_with_405(string method)
    {
        Assert.Equal(405, Rejected(Adapter.Handle(Post(TradePaid, TradePaidSignature, method: method), Channel())).StatusCode);
    }
}
