using Triggers.Core.Rules;

namespace Triggers.Core.Tests.Rules;

public sealed class HistoryDetectorTests
{
    private static readonly DateTimeOffset Detected = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);

    private static RuleDefinition Rule(string id, string version, string? changedBy = null, string when = "true") =>
        new("default", id, true, 5, when, "[]", "P1D", "d", version, changedBy);

    [Fact]
    public void A_new_version_records_the_previous_one_changed_at_the_new_timestamp_by_the_new_entitys_author()
    {
        var before = Rule("r", "2026-11-22T03:00:00.000Z", when: "false");
        var after = Rule("r", "2026-11-22T03:30:00.000Z", changedBy: "cli:alice");

        var entry = Assert.Single(HistoryDetector.Changes([before], [after], [], Detected));

        Assert.Equal(HistoryEntry.Changed, entry.Change);
        Assert.Equal("false", entry.When);
        Assert.Equal("2026-11-22T03:00:00.000Z", entry.Version);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 3, 30, 0, TimeSpan.Zero), entry.ChangedAt);
        Assert.Equal("cli:alice", entry.ChangedBy);
    }

    [Fact]
    public void A_removed_rule_is_recorded_at_detection_time_by_an_unknown_author()
    {
        var entry = Assert.Single(HistoryDetector.Changes([Rule("gone", "2026-11-22T03:00:00.000Z", "cli:bob")], [], [], Detected));

        Assert.Equal(HistoryEntry.Removed, entry.Change);
        Assert.Equal(Detected, entry.ChangedAt);
        Assert.Equal(HistoryEntry.UnknownAuthor, entry.ChangedBy);
    }

    [Fact]
    public void Unchanged_rules_new_rules_and_rules_that_became_unreadable_record_nothing()
    {
        var same = Rule("same", "2026-11-22T03:00:00.000Z");

        var changes = HistoryDetector.Changes(
            [same, Rule("unreadable", "2026-11-22T03:00:00.000Z")],
            [same, Rule("new", "2026-11-22T03:10:00.000Z")],
            [("default", "unreadable")],
            Detected);

        Assert.Empty(changes);
    }
}
