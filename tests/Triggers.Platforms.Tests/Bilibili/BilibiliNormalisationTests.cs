using Triggers.Core.Signals;
using static Triggers.Platforms.Tests.Bilibili.BilibiliFixtures;

namespace Triggers.Platforms.Tests.Bilibili;

public sealed class BilibiliNormalisationTests
{
    [Fact]
    public void A_danmaku_becomes_a_danmaku_signal_from_its_sender()
    {
        var accepted = Accepted(Adapter.Handle(Danmaku(), Channel()));

        var signal = Assert.Single(accepted.Signals);
        Assert.Equal(SignalKinds.Danmaku, signal.Kind);
        Assert.Equal("LIVE_OPEN_PLATFORM_DM", signal.Type);
        Assert.Equal(new SignalActor("3102384", "猫裙少年泽远喵"), signal.Actor);
        Assert.Equal("你们谁扔个小心心呗", signal.Text);
        Assert.Equal("eb805544-0cf2-4688-bca1-88299e5344bf", signal.DedupeKey);
        Assert.Equal(SignalIds.Create("acme", "bili", "eb805544-0cf2-4688-bca1-88299e5344bf"), signal.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1650717881), signal.OccurredAt);
        Assert.Equal(Now, signal.ReceivedAt);
        Assert.Equal("4639581", signal.Attributes["room_id"]);
        Assert.Equal("官方", signal.Attributes["fans_medal_name"]);
        Assert.Equal(DanmakuBody, signal.Raw);
        Assert.Equal("json", signal.RawFormat);
        Assert.Equal("bilibili", signal.Platform);
    }

    [Fact]
    public void The_reply_is_code_zero_json()
    {
        var accepted = Accepted(Adapter.Handle(Danmaku(), Channel()));

        Assert.Equal(new WebhookReply(200, """{"code":0}""", "application/json"), accepted.Reply);
    }

    [Fact]
    public void Open_id_is_preferred_over_uid_and_uid_zero_is_no_id()
    {
        var withBoth = Signed("""{"cmd":"LIVE_OPEN_PLATFORM_DM","data":{"msg":"hi","uid":0,"open_id":"o-1","msg_id":"m1"}}""");
        var zeroOnly = Signed("""{"cmd":"LIVE_OPEN_PLATFORM_LIKE","data":{"uid":0,"room_id":7,"msg_id":"m2"}}""");

        Assert.Equal("o-1", Assert.Single(Accepted(Adapter.Handle(withBoth, Channel())).Signals).Actor.Id);
        Assert.Equal("room:7", Assert.Single(Accepted(Adapter.Handle(zeroOnly, Channel())).Signals).Actor.Id);
    }

    [Fact]
    public void A_super_chat_is_an_event_that_keeps_its_message_as_text()
    {
        var request = Post(SuperChatBody, Headers(SuperChatMd5, "nonce-sc-1", SuperChatAuthorization));

        var signal = Assert.Single(Accepted(Adapter.Handle(request, Channel())).Signals);

        Assert.Equal(SignalKinds.Event, signal.Kind);
        Assert.Equal("LIVE_OPEN_PLATFORM_SUPER_CHAT", signal.Type);
        Assert.Equal("主播加油", signal.Text);
        Assert.Equal(new SignalActor("7b1f1f4c-2b55-4a4b-8b0e-52a26a77a2b9", "金主"), signal.Actor);
        Assert.Equal("30", signal.Attributes["rmb"]);
        Assert.Equal("sc-0001", signal.DedupeKey);
    }

    [Fact]
    public void A_guard_message_takes_its_user_from_user_info_and_without_msg_id_dedupes_on_the_nonce()
    {
        var request = Post(GuardBody, Headers(GuardMd5, "nonce-guard-1", GuardAuthorization));

        var signal = Assert.Single(Accepted(Adapter.Handle(request, Channel())).Signals);

        Assert.Equal(SignalKinds.Event, signal.Kind);
        Assert.Equal(new SignalActor("39b8fedb-60a5-4e29-ac75-b16955f7e632", "测试用户"), signal.Actor);
        Assert.Null(signal.Text);
        Assert.Equal("LIVE_OPEN_PLATFORM_GUARD:nonce:nonce-guard-1", signal.DedupeKey);
        Assert.Equal("3", signal.Attributes["guard_level"]);
        Assert.Equal("月", signal.Attributes["guard_unit"]);
    }

    [Theory]
    [InlineData("LIVE_OPEN_PLATFORM_SEND_GIFT")]
    [InlineData("LIVE_OPEN_PLATFORM_LIKE")]
    [InlineData("LIVE_OPEN_PLATFORM_LIVE_ROOM_ENTER")]
    [InlineData("LIVE_OPEN_PLATFORM_SOMETHING_NEW")]
    public void Other_commands_become_events_typed_with_the_command(string cmd)
    {
        var body = $$$"""{"cmd":"{{{cmd}}}","data":{"open_id":"o-9","uname":"观众","gift_name":"辣条","gift_num":3,"room_id":1,"msg_id":"x-1"}}""";

        var signal = Assert.Single(Accepted(Adapter.Handle(Signed(body), Channel())).Signals);

        Assert.Equal(SignalKinds.Event, signal.Kind);
        Assert.Equal(cmd, signal.Type);
        Assert.Equal("o-9", signal.Actor.Id);
        Assert.Null(signal.Text);
        Assert.Equal("辣条", signal.Attributes["gift_name"]);
    }

    [Fact]
    public void Without_a_timestamp_the_signal_occurs_when_received()
    {
        var signal = Assert.Single(Accepted(Adapter.Handle(Signed("""{"cmd":"LIVE_OPEN_PLATFORM_LIKE","data":{"open_id":"o"}}"""), Channel())).Signals);

        Assert.Equal(Now, signal.OccurredAt);
    }
}
