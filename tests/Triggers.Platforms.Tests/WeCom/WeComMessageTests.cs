using Triggers.Core.Signals;
using static Triggers.Platforms.Tests.WeCom.WeComFixtures;

namespace Triggers.Platforms.Tests.WeCom;

/// <summary>App messages and events from members, encrypted here and posted.</summary>
public sealed class WeComMessageTests
{
    // platforms.md §2.2 text message sample.
    private const string Text =
        "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime>" +
        "<MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>";

    private const string Image =
        "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime>" +
        "<MsgType>image</MsgType><PicUrl>https://example.invalid/p.jpg</PicUrl><MediaId>m1</MediaId><MsgId>1456453721</MsgId><AgentID>1000002</AgentID></xml>";

    private const string EnterAgent =
        "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime>" +
        "<MsgType>event</MsgType><Event>enter_agent</Event><EventKey></EventKey><AgentID>1000002</AgentID></xml>";

    private const string Corp = "ww1436e0e65a779aee";

    [Fact]
    public void Text_message_is_a_message_from_the_member_with_its_content()
    {
        var signal = Receive(Text);

        Assert.Equal(SignalKinds.Message, signal.Kind);
        Assert.Equal("text", signal.Type);
        Assert.Equal("你好", signal.Text);
        Assert.Equal("ChenJiaShun", signal.Actor.Id);
        Assert.Equal("1456453720", signal.DedupeKey);
        Assert.Equal("1000002", signal.Attributes["AgentID"]);
    }

    [Fact]
    public void Other_message_types_are_messages_with_a_marker()
    {
        var signal = Receive(Image);

        Assert.Equal(SignalKinds.Message, signal.Kind);
        Assert.Equal("image", signal.Type);
        Assert.Equal("[image]", signal.Text);
    }

    [Fact]
    public void Member_events_stay_events_and_dedupe_on_sender_time_and_event()
    {
        var signal = Receive(EnterAgent);

        Assert.Equal(SignalKinds.Event, signal.Kind);
        Assert.Equal("event/enter_agent", signal.Type);
        Assert.Equal("ChenJiaShun", signal.Actor.Id);
        Assert.Equal("ChenJiaShun:1476422779:enter_agent", signal.DedupeKey);
        Assert.Null(signal.Text);
    }

    [Fact]
    public void Json_envelope_with_a_json_message_is_read_by_its_lower_case_keys()
    {
        const string json = """{"tousername":"ww1436e0e65a779aee","fromusername":"ChenJiaShun","createtime":1476422779,"msgtype":"text","content":"你好","msgid":"1456453720","agentid":1000002}""";

        var signal = Assert.Single(Accepted(Adapter.Handle(SignedPost(json, receiveId: Corp, json: true), Channel(corpId: Corp))).Signals);

        Assert.Equal("你好", signal.Text);
        Assert.Equal("ChenJiaShun", signal.Actor.Id);
        Assert.Equal("json", signal.RawFormat);
    }

    [Fact]
    public void Message_without_create_time_is_malformed()
    {
        var rejected = Rejected(Adapter.Handle(SignedPost(Text.Replace("<CreateTime>1476422779</CreateTime>", "", StringComparison.Ordinal), receiveId: Corp), Channel(corpId: Corp)));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal("message has no CreateTime field", rejected.Error);
    }

    private static Signal Receive(string message) =>
        Assert.Single(Accepted(Adapter.Handle(SignedPost(message, receiveId: Corp), Channel(corpId: Corp))).Signals);
}
