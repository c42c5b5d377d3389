using Triggers.Core.Contacts;

namespace Triggers.Core.Guardrails;

/// <summary>What the guardrails decide on for one touchpoint, read by the caller from its stores.</summary>
public sealed record GuardrailContext
{
    public required DateTimeOffset Now { get; init; }

    /// <summary>The contact's state on the touchpoint's channel; null when nothing is known yet.</summary>
    public ContactState? Contact { get; init; }

    /// <summary>
    /// The states of the person's other accounts (docs/relationships.md), on every channel of their platforms: their
    /// consent and touches count for this one. Empty for an account linked to nobody.
    /// </summary>
    public IReadOnlyList<ContactState> Others { get; init; } = [];

    /// <summary>
    /// Touches the contact got on the channel in the tenant-local day and ISO week the touch would go out in (its due time
    /// when planning, now when dispatching; see <see cref="TenantCalendar"/>), people's included. They do not include
    /// the touch being judged unless <see cref="CountsIncludeThisTouch"/> says so.
    /// </summary>
    public int DayTotal { get; init; }

    public int DayAutomated { get; init; }

    public int WeekTotal { get; init; }

    public int WeekAutomated { get; init; }

    /// <summary>Set when the touch was recorded in the ledger before the check (reserve, re-count, then judge).</summary>
    public bool CountsIncludeThisTouch { get; init; }

    /// <summary>The policy of the touchpoint's platform (<see cref="PlatformPolicies.For"/>).</summary>
    public required PlatformPolicy Policy { get; init; }

    public required GuardrailStage Stage { get; init; }

    /// <summary>The tenant's promotions (table Promotions), for the promotion-conflict guardrail; none by default.</summary>
    public IReadOnlyList<Portfolio.Promotion> Promotions { get; init; } = [];

    /// <summary>How much deeper than a running promotion elsewhere a coupon may go (Portfolio's UndercutMargin).</summary>
    public double UndercutMargin { get; init; } = Portfolio.PortfolioSettings.Default.UndercutMargin;
}
