using Triggers.Platforms.Tests.WeChat;
using static Triggers.Platforms.Tests.WeCom.WeComFixtures;
using V = Triggers.Platforms.Tests.WeCom.WeComVectors;

namespace Triggers.Platforms.Tests.WeCom;

/// <summary>Mutated envelopes and mutated but authentic messages: never an exception, never a 500.</summary>
public sealed class WeComFuzzTests
{
    private const string Contact =
        "<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime>" +
        "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[del_follow_user]]></ChangeType>" +
        "<UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID></xml>";

    private const string SuiteNotice =
        "<xml><SuiteId><![CDATA[wx5823bf96d3bd56c7]]></SuiteId><InfoType><![CDATA[change_external_contact]]></InfoType><TimeStamp>1403610513</TimeStamp>" +
        "<ChangeType><![CDATA[add_external_contact]]></ChangeType><ExternalUserID><![CDATA[wm1]]></ExternalUserID></xml>";

    [Fact]
    public void Authentic_mutated_messages_are_accepted_or_refused_with_4xx()
    {
        var seeds = new[] { V.PostMessage, Contact, SuiteNotice, """{"fromusername":"u","createtime":1,"msgtype":"text","content":"x","msgid":"1"}""" };
        foreach (var message in seeds.SelectMany((seed, i) => Mutations.Of(seed, 300, randomSeed: 200 + i)))
        {
            WeChatFuzzTests.AssertHandled(Adapter.Handle(SignedPost(message, json: message.Length % 2 == 0), Channel()), message);
        }
    }

    [Fact]
    public void Mutated_envelopes_and_echostr_queries_are_refused_with_4xx()
    {
        var channel = Channel(window: TwentyYears);
        foreach (var body in Mutations.Of(V.PostXmlBody, 300, randomSeed: 300).Concat(Mutations.Of(V.PostJsonBody, 300, randomSeed: 301)))
        {
            WeChatFuzzTests.AssertHandled(Adapter.Handle(Post(V.PostQuery, body), channel), body);
        }

        foreach (var echostr in Mutations.Of(V.VerifyEchoStr, 300, randomSeed: 302))
        {
            var query = Query($"msg_signature={V.VerifyMsgSignature}&timestamp={V.VerifyTimestamp}&nonce={V.VerifyNonce}&echostr=x");
            query["echostr"] = echostr;
            var outcome = Adapter.Handle(Request("GET", query, "", Now), channel);
            Assert.True(outcome is WebhookRejected { StatusCode: 400 or 401 or 403 } || (outcome is WebhookChallenge && echostr == V.VerifyEchoStr), echostr);
        }
    }

    [Fact]
    public void Json_envelope_with_a_lone_surrogate_escape_is_malformed_not_a_crash()
    {
        var rejected = Rejected(Adapter.Handle(Post(V.PostQuery, """{"tousername":"\uDC00","encrypt":"x"}"""), Channel()));

        Assert.Equal(400, rejected.StatusCode);
    }
}
