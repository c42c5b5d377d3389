using Triggers.Core.Touchpoints;

namespace Triggers.Core.Tests.Touchpoints;

public sealed class TouchpointIdsTests
{
    [Fact]
    public void An_id_is_the_first_16_bytes_of_SHA256_in_lower_hex()
    {
        // sha256("default\nrefund-care\nsig-1\n0"), first 32 hex digits, computed outside .NET.
        Assert.Equal("0c39b9f1c779ceb44ba4f446fc7770e6", TouchpointIds.Create("default", "refund-care", "sig-1", 0));
    }

    [Fact]
    public void The_same_inputs_always_give_the_same_id()
    {
        Assert.Equal(TouchpointIds.Create("t", "r", "s", 2), TouchpointIds.Create("t", "r", "s", 2));
    }

    [Fact]
    public void Ids_differ_for_each_action_rule_signal_and_tenant()
    {
        string[] ids =
        [
            TouchpointIds.Create("t", "r", "s", 0),
            TouchpointIds.Create("t", "r", "s", 1),
            TouchpointIds.Create("t", "r", "s", 10),
            TouchpointIds.Create("t", "r", "s2", 0),
            TouchpointIds.Create("t", "r2", "s", 0),
            TouchpointIds.Create("t2", "r", "s", 0),
        ];

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Fact]
    public void Empty_parts_and_negative_indices_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TouchpointIds.Create("", "r", "s", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TouchpointIds.Create("t", "r", "s", -1));
    }
}
