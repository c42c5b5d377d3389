using static Triggers.Platforms.Tests.Generic.GenericFixtures;

namespace Triggers.Platforms.Tests.Generic;

public sealed class GenericSettingsTests
{
    [Fact]
    public void A_channel_with_a_long_enough_secret_is_valid()
    {
        Assert.Empty(Adapter.ValidateSettings(Channel()));
    }

    [Fact]
    public void A_missing_secret_is_named_with_how_to_make_one()
    {
        var problem = Assert.Single(Adapter.ValidateSettings(Channel(secret: null)));

        Assert.StartsWith("Channels:crm:Secret is missing", problem, StringComparison.Ordinal);
        Assert.Contains("openssl rand -hex 32", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_secret_is_refused_without_echoing_it()
    {
        var problem = Assert.Single(Adapter.ValidateSettings(Channel(secret: "short-secret-15")));

        Assert.Contains("too short (15 characters)", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret-15", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_positive_replay_window_is_refused()
    {
        Assert.Contains(Adapter.ValidateSettings(Channel(window: TimeSpan.Zero)), p => p.StartsWith("Channels:crm:ReplayWindow", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misconfigured_channel_is_answered_with_500_not_processed()
    {
        var rejected = Rejected(Adapter.Handle(Post(SingleBody, Timestamp, "sha256=" + SingleSignature), Channel(secret: null)));

        Assert.Equal(500, rejected.StatusCode);
    }
}
