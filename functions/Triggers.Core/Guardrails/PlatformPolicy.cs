namespace Triggers.Core.Guardrails;

/// <summary>What one platform's terms allow automation to do (loaded from platform-policies.json, see <see cref="PlatformPolicies"/>).</summary>
public sealed record PlatformPolicy
{
    public required string Platform { get; init; }

    /// <summary>
    /// How long after the contact's last inbound message or action the <see cref="WindowTypes"/> may still reach them
    /// (WeChat: 48 hours); null when the platform has no such window.
    /// </summary>
    public TimeSpan? ContactWindow { get; init; }

    /// <summary>The action types the window applies to.</summary>
    public IReadOnlySet<string> WindowTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The window's <see cref="PolicyBasis"/> and a note for people.</summary>
    public string? WindowBasis { get; init; }

    public string? WindowNote { get; init; }

    public IReadOnlyList<PlatformBan> Bans { get; init; } = [];

    public bool NeedsWindow(string type) => ContactWindow is not null && WindowTypes.Contains(type);

    /// <summary>The ban on <paramref name="use"/>, or null when the platform allows it.</summary>
    public PlatformBan? BanOn(string use) => Bans.FirstOrDefault(b => string.Equals(b.Use, use, StringComparison.Ordinal));
}
