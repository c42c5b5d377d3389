using Triggers.Core.Signals;
using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>wechatpy's sample payloads, signed here with a known token, through the whole adapter.</summary>
public sealed class WeChatSampleNormalisationTests
{
    private const string Token = "wechatpyToken";

    [Theory]
    [InlineData("mp_parser__parse_text_message.xml", SignalKinds.Message, "text", "this is a test")]
    [InlineData("mp_parser__parse_image_message.xml", SignalKinds.Message, "image", "[image]")]
    [InlineData("mp_parser__parse_voice_message.xml", SignalKinds.Message, "voice", "[voice]")]
    [InlineData("mp_parser__parse_video_message.xml", SignalKinds.Message, "video", "[video]")]
    [InlineData("mp_parser__parse_location_message.xml", SignalKinds.Message, "location", "[location] 位置信息")]
    [InlineData("mp_parser__parse_link_message.xml", SignalKinds.Message, "link", "[link] 公众平台官网链接")]
    [InlineData("mp_parser__parse_subscribe_event.xml", SignalKinds.Follow, "event/subscribe", null)]
    [InlineData("mp_events__subscribe_scan_event.xml", SignalKinds.Follow, "event/subscribe", null)]
    [InlineData("mp_events__unsubscribe_event.xml", SignalKinds.Unfollow, "event/unsubscribe", null)]
    [InlineData("mp_parser__parse_click_event.xml", SignalKinds.Event, "event/CLICK", null)]
    [InlineData("mp_events__scan_event.xml", SignalKinds.Event, "event/SCAN", null)]
    [InlineData("mp_parser__parse_view_event.xml", SignalKinds.Event, "event/VIEW", null)]
    [InlineData("mp_events__location_event.xml", SignalKinds.Event, "event/LOCATION", null)]
    [InlineData("mp_events__template_send_job_finish_event.xml", SignalKinds.Event, "event/TEMPLATESENDJOBFINISH", null)]
    [InlineData("mp_parser__parse_unknown_message.xml", SignalKinds.Event, "notsure", null)]
    public void Sample_normalises_to_the_expected_kind_type_and_text(string sample, string kind, string type, string? text)
    {
        var signal = Receive(sample);

        Assert.Equal(kind, signal.Kind);
        Assert.Equal(type, signal.Type);
        Assert.Equal(text, signal.Text);
        Assert.Equal("xml", signal.RawFormat);
        Assert.Equal(Sample(sample), signal.Raw);
    }

    [Fact]
    public void Text_message_keeps_sender_time_message_id_and_account()
    {
        var signal = Receive("mp_parser__parse_text_message.xml");

        Assert.Equal("fromUser", signal.Actor.Id);
        Assert.Equal(new DateTimeOffset(2012, 9, 28, 11, 31, 0, TimeSpan.Zero), signal.OccurredAt);
        Assert.Equal("1234567890123456", signal.DedupeKey);
        Assert.Equal(SignalIds.Create("acme", "demo", "1234567890123456"), signal.Id);
        Assert.Equal("toUser", signal.Attributes["ToUserName"]);
        Assert.Equal("1234567890123456", signal.Attributes["MsgId"]);
        Assert.False(signal.Attributes.ContainsKey("Event"));
    }

    [Fact]
    public void Subscribe_from_a_parametric_qr_code_keeps_the_scene_key_and_dedupes_on_sender_time_and_event()
    {
        var signal = Receive("mp_events__subscribe_scan_event.xml");

        Assert.Equal("FromUser", signal.Actor.Id);
        Assert.Equal("qrscene_123123", signal.Attributes["EventKey"]);
        Assert.Equal("subscribe", signal.Attributes["Event"]);
        Assert.Equal("FromUser:123456789:subscribe", signal.DedupeKey);
        Assert.Equal(new DateTimeOffset(1973, 11, 29, 21, 33, 9, TimeSpan.Zero), signal.OccurredAt);
    }

    [Fact]
    public void Event_carrying_a_message_id_dedupes_on_it()
    {
        Assert.Equal("200163836", Receive("mp_events__template_send_job_finish_event.xml").DedupeKey);
    }

    [Fact]
    public void The_same_delivery_twice_is_the_same_signal_and_another_channel_is_not()
    {
        var first = Receive("mp_parser__parse_click_event.xml");
        var retry = Receive("mp_parser__parse_click_event.xml");
        var elsewhere = Accepted(Adapter.Handle(
            SignedPlainPost(Token, Sample("mp_parser__parse_click_event.xml"), Now, Now),
            Channel(Token) with { Name = "other" })).Signals[0];

        Assert.Equal(first.Id, retry.Id);
        Assert.NotEqual(first.Id, elsewhere.Id);
    }

    private static Signal Receive(string sample)
    {
        var outcome = Adapter.Handle(SignedPlainPost(Token, Sample(sample), Now.AddSeconds(-3), Now), Channel(Token));
        return Assert.Single(Accepted(outcome).Signals);
    }
}
