using System.Text;
using Triggers.Core.Processing;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Processing;

public sealed class SignalMessageTests
{
    [Fact]
    public void A_lone_signal_with_no_earlier_attempts_is_a_plain_signal_message()
    {
        var signal = TestSignals.Message("sig-1", "你好");

        var message = Assert.Single(SignalMessage.Pack([signal]));

        Assert.Equal(signal.Id, SignalMessage.Deserialize(message).Id);
        var group = SignalMessage.Read(message);
        Assert.False(group.Grouped);
        Assert.Equal(0, group.Attempts);
        Assert.Equal(signal.Id, Assert.Single(group.Items).Signal!.Id);
    }

    [Fact]
    public void Many_signals_share_one_message_in_their_order_and_a_lone_retry_remembers_its_attempts()
    {
        var signals = Enumerable.Range(0, 50).Select(i => TestSignals.Message($"sig-{i}", $"第{i}条")).ToList();

        var message = Assert.Single(SignalMessage.Pack(signals));
        var retry = Assert.Single(SignalMessage.Pack([signals[7]], attempts: 3));

        var group = SignalMessage.Read(message);
        Assert.True(group.Grouped);
        Assert.Equal(signals.Select(s => s.Id), group.Items.Select(i => i.Signal!.Id));
        var alone = SignalMessage.Read(retry);
        Assert.Equal(3, alone.Attempts);
        Assert.Equal("sig-7", Assert.Single(alone.Items).Signal!.Id);
    }

    [Fact]
    public void Signals_too_many_for_one_queue_message_are_split_over_several_each_within_the_size_limit_and_none_lost()
    {
        var text = new string('话', 3000);
        var signals = Enumerable.Range(0, 40).Select(i => TestSignals.Message($"big-{i}", text)).ToList();

        var messages = SignalMessage.Pack(signals);

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.InRange(Encoding.UTF8.GetByteCount(m), 1, SignalMessage.MaxJsonBytes));
        Assert.Equal(signals.Select(s => s.Id), messages.SelectMany(m => SignalMessage.Read(m).Items).Select(i => i.Signal!.Id));
    }

    [Fact]
    public void An_unreadable_signal_inside_a_group_is_reported_alone_with_its_own_json_and_the_others_are_read()
    {
        var good = SignalMessage.Serialize(TestSignals.Message("sig-1", "好"));
        var message = $$"""{"attempts":0,"signals":[{{good}},{"id":42},{{good.Replace("sig-1", "sig-2", StringComparison.Ordinal)}}]}""";

        var group = SignalMessage.Read(message);

        Assert.Equal(3, group.Items.Count);
        Assert.Equal("sig-1", group.Items[0].Signal!.Id);
        Assert.Null(group.Items[1].Signal);
        Assert.Equal("""{"id":42}""", group.Items[1].Json);
        Assert.Contains("not a valid signal", group.Items[1].Error, StringComparison.Ordinal);
        Assert.Equal("sig-2", group.Items[2].Signal!.Id);
    }

    [Theory]
    [InlineData("""{"attempts":0,"signals":[]}""", "non-empty array")]
    [InlineData("""{"attempts":-1,"signals":[{}]}""", "attempts")]
    [InlineData("""{"attempts":0,"signals":[""", "not valid JSON")]
    [InlineData("not json at all", "not a valid signal")]
    public void A_message_unreadable_as_a_whole_is_refused_with_what_is_wrong(string message, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SignalMessage.Read(message));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
