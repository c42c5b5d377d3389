using System.Text;
using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>Mutated but correctly signed (and encrypted) deliveries reach the parsers: never an exception, never a 500.</summary>
public sealed class WeChatFuzzTests
{
    private const string Token = "fuzzToken";
    private const string Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string AppId = "wx5823bf96d3bd56c7";

    [Theory]
    [InlineData("mp_parser__parse_text_message.xml")]
    [InlineData("mp_events__subscribe_scan_event.xml")]
    public void Signed_mutations_of_a_plain_message_are_accepted_or_refused_with_4xx(string sample)
    {
        foreach (var body in Mutations.Of(Sample(sample), 400, randomSeed: sample.Length))
        {
            var outcome = Adapter.Handle(SignedPlainPost(Token, body, Now, Now), Channel(Token));

            AssertHandled(outcome, body);
        }
    }

    [Fact]
    public void Encrypted_and_signed_mutations_of_json_and_xml_messages_are_accepted_or_refused_with_4xx()
    {
        var seeds = new[] { OfficialVectors.SafeJsonMessage, Sample("mp_parser__parse_text_message.xml") };
        foreach (var message in seeds.SelectMany((seed, i) => Mutations.Of(seed, 400, randomSeed: 100 + i)))
        {
            var encrypt = WxTestCrypto.Encrypt(Key, message, AppId, "fuzz-random-0001");

            AssertHandled(Adapter.Handle(SignedEncryptedPost(Token, encrypt, Now, Now), Channel(Token, Key, AppId)), message);
        }
    }

    [Fact]
    public void Json_with_a_lone_surrogate_escape_is_malformed_not_a_crash()
    {
        const string body = """{"ToUserName":"gh_1","FromUserName":"o\uD800","CreateTime":1700000000,"MsgType":"text","Content":"x"}""";

        var rejected = Rejected(Adapter.Handle(SignedPlainPost(Token, body, Now, Now), Channel(Token)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("lone UTF-16 surrogate", rejected.Error, StringComparison.Ordinal);
    }

    internal static void AssertHandled(WebhookOutcome outcome, string input)
    {
        var ok = outcome switch
        {
            WebhookAccepted accepted => accepted.Signals.All(s => s.Id.Length == 32 && s.Actor.Id.Length > 0),
            WebhookRejected rejected => rejected.StatusCode is 400 or 401 or 403 && rejected.Error.Length > 0,
            _ => false,
        };
        Assert.True(ok, $"unexpected {outcome} for input {Convert.ToBase64String(Encoding.UTF8.GetBytes(input))}");
    }
}
