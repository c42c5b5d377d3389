using Triggers.Core.Signals;
using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>
/// The kinds the brief fixes for Official Accounts: subscribe/unsubscribe are follow/unfollow, chat messages
/// are messages, and template-send and customer-service (kf) session events stay events with their name.
/// </summary>
public sealed class WeChatEventKindTests
{
    private const string Token = "kindsToken";
    private const string Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string AppId = "wx5823bf96d3bd56c7";

    // Session events as the OA customer-service (多客服) docs show them.
    private const string KfCreate =
        "<xml><ToUserName><![CDATA[touser]]></ToUserName><FromUserName><![CDATA[fromuser]]></FromUserName><CreateTime>1399197672</CreateTime>" +
        "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_create_session]]></Event><KfAccount><![CDATA[test1@test]]></KfAccount></xml>";

    private const string KfClose =
        "<xml><ToUserName><![CDATA[touser]]></ToUserName><FromUserName><![CDATA[fromuser]]></FromUserName><CreateTime>1399197672</CreateTime>" +
        "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_close_session]]></Event><KfAccount><![CDATA[test1@test]]></KfAccount></xml>";

    private const string KfSwitch =
        "<xml><ToUserName><![CDATA[touser]]></ToUserName><FromUserName><![CDATA[fromuser]]></FromUserName><CreateTime>1399197672</CreateTime>" +
        "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_switch_session]]></Event><FromKfAccount><![CDATA[test1@test]]></FromKfAccount>" +
        "<ToKfAccount><![CDATA[test2@test]]></ToKfAccount></xml>";

    private const string RecognisedVoice =
        "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oVoice]]></FromUserName><CreateTime>1700000000</CreateTime>" +
        "<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[media_id]]></MediaId><Format><![CDATA[amr]]></Format>" +
        "<Recognition><![CDATA[发货了吗]]></Recognition><MsgId>1234567890123457</MsgId></xml>";

    [Theory]
    [InlineData(KfCreate, "event/kf_create_session")]
    [InlineData(KfClose, "event/kf_close_session")]
    [InlineData(KfSwitch, "event/kf_switch_session")]
    public void Customer_service_session_events_stay_events_named_by_their_type(string xml, string type)
    {
        var signal = Receive(xml);

        Assert.Equal(SignalKinds.Event, signal.Kind);
        Assert.Equal(type, signal.Type);
        Assert.Equal("fromuser", signal.Actor.Id);
        Assert.Null(signal.Text);
    }

    [Fact]
    public void Session_events_keep_the_agent_account_and_two_events_in_one_second_are_distinct()
    {
        var created = Receive(KfCreate);
        var closed = Receive(KfClose);

        Assert.Equal("test1@test", created.Attributes["KfAccount"]);
        Assert.Equal("fromuser:1399197672:kf_create_session", created.DedupeKey);
        Assert.NotEqual(created.Id, closed.Id);
    }

    [Fact]
    public void Template_send_result_is_an_event_keeping_its_status()
    {
        var signal = Receive(Sample("mp_events__template_send_job_finish_event.xml"));

        Assert.Equal(SignalKinds.Event, signal.Kind);
        Assert.Equal("event/TEMPLATESENDJOBFINISH", signal.Type);
        Assert.Equal("success", signal.Attributes["Status"]);
    }

    [Fact]
    public void Voice_with_speech_recognition_becomes_a_message_with_the_recognised_text()
    {
        var signal = Receive(RecognisedVoice);

        Assert.Equal(SignalKinds.Message, signal.Kind);
        Assert.Equal("发货了吗", signal.Text);
    }

    [Theory]
    [InlineData("mp_parser__parse_subscribe_event.xml", SignalKinds.Follow)]
    [InlineData("mp_events__unsubscribe_event.xml", SignalKinds.Unfollow)]
    [InlineData("mp_parser__parse_text_message.xml", SignalKinds.Message)]
    [InlineData("mp_parser__parse_image_message.xml", SignalKinds.Message)]
    public void Encrypted_deliveries_map_to_the_same_kinds_as_plain_ones(string sample, string kind)
    {
        var encrypt = WxTestCrypto.Encrypt(Key, Sample(sample), AppId, "kinds-random-001");

        var outcome = Adapter.Handle(SignedEncryptedPost(Token, encrypt, Now, Now), Channel(Token, Key, AppId));

        var signal = Assert.Single(Accepted(outcome).Signals);
        Assert.Equal(kind, signal.Kind);
        Assert.Equal(Sample(sample), signal.Raw);
    }

    private static Signal Receive(string xml)
    {
        return Assert.Single(Accepted(Adapter.Handle(SignedPlainPost(Token, xml, Now, Now), Channel(Token))).Signals);
    }
}
