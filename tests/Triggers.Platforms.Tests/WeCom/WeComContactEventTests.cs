using Triggers.Core.Signals;
using Triggers.Platforms.Tests.WeChat;
using static Triggers.Platforms.Tests.WeCom.WeComFixtures;
using V = Triggers.Platforms.Tests.WeCom.WeComVectors;

namespace Triggers.Platforms.Tests.WeCom;

/// <summary>Customer contact changes (doc path 96361, sample of platforms.md §2.2), encrypted here and posted.</summary>
public sealed class WeComContactEventTests
{
    private const string AddContact = """
        <xml>
          <ToUserName><![CDATA[toUser]]></ToUserName>
          <FromUserName><![CDATA[sys]]></FromUserName>
          <CreateTime>1403610513</CreateTime>
          <MsgType><![CDATA[event]]></MsgType>
          <Event><![CDATA[change_external_contact]]></Event>
          <ChangeType><![CDATA[add_external_contact]]></ChangeType>
          <UserID><![CDATA[zhangsan]]></UserID>
          <ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID>
          <State><![CDATA[teststate]]></State>
          <WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode>
        </xml>
        """;

    private const string Random = "wecom-contact-01";

    /// <summary>AddContact encrypted for the vector CorpID with <see cref="Random"/>, computed with Python's cryptography package.</summary>
    private const string AddContactEncrypt =
        "JPh+iIVX6+id8rcBHDT5Vk1emHI9bRdFoDcqfiXpebsJ6Layinxw8Aaf6j5HoY+Lkqh23TXy0JA7+hWUSnUIPLm2BcdXg3FyekZV80naGl+dU8GNcW3cUQhKVbJRrMwfvRk3S1ChcjPmicp+/VXPmY9prZydejHMAiJ1yVHzz/indc6GI034zAlOgHto7IWSB6IIfUoZ5/1iIWJYAheKPYDearJKqKIwK8CfDTdMTuTd6eSUKWGWEygZzr/K6wsc5LSWHAxPbDmvbaoIa6Dvd+mJqLXv+qpXDSW66aOrBAMFgOV3sKL0nmT1SDGidpa6EcikfSLXcMY+4zNzL50MzGlSHKT142pOHlN2trN1GRPveYEB22353ybcc/0rG36uJ9iOpTK0nVgZInYlLEppISdFAttlJOcSqYDfWIYpAKmVPn1M6X/hJ9i2onr9sAtE/su+3X97TlZTdoxUraZe1xJgG+cuoLevl/Wk8LFsOiLAvZQsf5A3xqZbget8/GQlcXGuGkT9cccCCw5oV+monFpmlXjVqlhHCGje1gljn7ZtZCD2/lYGpnVuTE44RXr5HUtxLs5ML/n+mFfBsj82rxO9ecJK4M/ivU//EMVklPFteUmWl7KPfsr3PQ35UdL/+16u/3kpdyaZf3j9a5JaaXzOahNyeltzqO9oy6G8BUxt3KPGiK41dIvq6pk9oXti6EnYA6RzeKbp7PRtdFKN0Q==";

    [Fact]
    public void Sample_encrypts_in_the_test_to_the_independently_computed_ciphertext()
    {
        Assert.Equal(AddContactEncrypt, WxTestCrypto.Encrypt(V.EncodingAesKey, AddContact, V.CorpId, Random));
    }

    [Fact]
    public void Added_external_contact_is_contact_added_with_the_customer_as_actor_and_the_member_kept()
    {
        var signal = Receive(AddContact);

        Assert.Equal(SignalKinds.ContactAdded, signal.Kind);
        Assert.Equal("event/change_external_contact/add_external_contact", signal.Type);
        Assert.Equal("woAJ2GCAAAXtWyujaWJHDDGi0mAAAA", signal.Actor.Id);
        Assert.Equal("zhangsan", signal.Attributes["UserID"]);
        Assert.Equal("teststate", signal.Attributes["State"]);
        Assert.Equal("WELCOMECODE", signal.Attributes["WelcomeCode"]);
        Assert.Equal("add_external_contact", signal.Attributes["ChangeType"]);
        Assert.Null(signal.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1403610513), signal.OccurredAt);
        Assert.Equal("sys:1403610513:change_external_contact:add_external_contact:woAJ2GCAAAXtWyujaWJHDDGi0mAAAA:zhangsan", signal.DedupeKey);
        Assert.Equal(AddContact, signal.Raw);
    }

    [Theory]
    [InlineData("add_half_external_contact", SignalKinds.ContactAdded)]
    [InlineData("del_external_contact", SignalKinds.ContactRemoved)]
    [InlineData("del_follow_user", SignalKinds.ContactRemoved)]
    [InlineData("edit_external_contact", SignalKinds.Event)]
    [InlineData("transfer_fail", SignalKinds.Event)]
    [InlineData("msg_audit_approved", SignalKinds.Event)]
    public void Change_types_map_to_contact_kinds_or_stay_events_named_by_the_change(string changeType, string kind)
    {
        var signal = Receive(AddContact.Replace("add_external_contact", changeType, StringComparison.Ordinal));

        Assert.Equal(kind, signal.Kind);
        Assert.Equal($"event/change_external_contact/{changeType}", signal.Type);
        Assert.Equal("woAJ2GCAAAXtWyujaWJHDDGi0mAAAA", signal.Actor.Id);
    }

    [Fact]
    public void The_same_customer_added_by_two_members_in_one_second_is_two_signals()
    {
        var byZhangsan = Receive(AddContact);
        var byLisi = Receive(AddContact.Replace("zhangsan", "lisi", StringComparison.Ordinal));

        Assert.NotEqual(byZhangsan.Id, byLisi.Id);
        Assert.Equal(byZhangsan.Id, Receive(AddContact).Id);
    }

    [Fact]
    public void Added_contact_without_an_external_user_id_is_malformed()
    {
        var message = AddContact.Replace("  <ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID>\n", "", StringComparison.Ordinal);

        var rejected = Rejected(Adapter.Handle(SignedPost(message), Channel()));

        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal("change_external_contact add_external_contact has no ExternalUserID field", rejected.Error);
    }

    [Fact]
    public void Suite_instruction_callback_for_a_contact_change_is_contact_added_too()
    {
        const string suiteNotice =
            "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId><AuthCorpId><![CDATA[wxf8b4f85f3a794e77]]></AuthCorpId>" +
            "<InfoType><![CDATA[change_external_contact]]></InfoType><TimeStamp>1403610513</TimeStamp>" +
            "<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>" +
            "<ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID></xml>";
        var channel = Channel(corpId: null, suiteId: "ww4asffe99e54c0f4c");

        var signal = Assert.Single(Accepted(Adapter.Handle(SignedPost(suiteNotice, receiveId: "ww4asffe99e54c0f4c"), channel)).Signals);

        Assert.Equal(SignalKinds.ContactAdded, signal.Kind);
        Assert.Equal("info/change_external_contact/add_external_contact", signal.Type);
        Assert.Equal("woAJ2GCAAAXtWyujaWJHDDGi0mAAAA", signal.Actor.Id);
        Assert.Equal("wxf8b4f85f3a794e77", signal.Attributes["AuthCorpId"]);
    }

    [Fact]
    public void Suite_ticket_is_acknowledged_without_storing_the_credential()
    {
        const string ticket =
            "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId><InfoType><![CDATA[suite_ticket]]></InfoType>" +
            "<TimeStamp>1403610513</TimeStamp><SuiteTicket><![CDATA[asdfasfdasdfasdf]]></SuiteTicket></xml>";
        var channel = Channel(corpId: null, suiteId: "ww4asffe99e54c0f4c");

        var accepted = Accepted(Adapter.Handle(SignedPost(ticket, receiveId: "ww4asffe99e54c0f4c"), channel));

        Assert.Empty(accepted.Signals);
        Assert.Equal("success", accepted.Reply.Body);
    }

    private static Signal Receive(string message) =>
        Assert.Single(Accepted(Adapter.Handle(SignedPost(message, random: Random), Channel())).Signals);
}
