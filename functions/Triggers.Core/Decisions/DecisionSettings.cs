using Triggers.Core.Emotion;
using Triggers.Core.Guardrails;

namespace Triggers.Core.Decisions;

/// <summary>The settings the decision pipeline decides with: each tenant's guardrails, the channels' platforms, emotion tuning.</summary>
public sealed record DecisionSettings
{
    /// <summary>The tenant's guardrail settings.</summary>
    public required Func<string, GuardrailOptions> Guardrails { get; init; }

    /// <summary>The platform of a configured channel, or null for a channel not configured here.</summary>
    public required Func<string, string?> PlatformOf { get; init; }

    /// <summary>The configured channels of a tenant on a platform, where a person's other accounts are counted (none by default).</summary>
    public Func<string, string, IReadOnlyList<string>> ChannelsOf { get; init; } = (_, _) => [];

    public required EmotionOptions Emotion { get; init; }

    /// <summary>The tenant's portfolio from table Portfolio (the defaults when it has no rows): <c>signal.quadrant</c>.</summary>
    public Func<string, CancellationToken, ValueTask<Portfolio.TenantPortfolio>> Portfolio { get; init; } = (_, _) => ValueTask.FromResult(Core.Portfolio.TenantPortfolio.Default);

    /// <summary>The tenant's last computed control lines (rules' <c>controls</c>), or null; read only for tenants whose rules name <c>controls.</c>.</summary>
    public Func<string, CancellationToken, ValueTask<Portfolio.ControlLineResult?>> Controls { get; init; } = (_, _) => ValueTask.FromResult<Portfolio.ControlLineResult?>(null);

    /// <summary>The tenant's promotions from table Promotions, for the promotion-conflict guardrail; none by default.</summary>
    public Func<string, CancellationToken, ValueTask<IReadOnlyList<Portfolio.Promotion>>> Promotions { get; init; } =
        (_, _) => ValueTask.FromResult<IReadOnlyList<Portfolio.Promotion>>([]);

    /// <summary>The tenant's scoring from table Scoring, or null when it scores no one (the default).</summary>
    public Func<string, CancellationToken, ValueTask<Trust.TenantScoring?>> Scoring { get; init; } = (_, _) => ValueTask.FromResult<Trust.TenantScoring?>(null);

    /// <summary>The tenant's reward by id as table Rewards has it (disabled ones too), or null; none by default.</summary>
    public Func<string, string, CancellationToken, ValueTask<Coins.Reward?>> Rewards { get; init; } = (_, _, _) => ValueTask.FromResult<Coins.Reward?>(null);

    /// <summary>The order the guardrails run in; only tests change it.</summary>
    public IReadOnlyList<GuardrailCheck> GuardrailOrder { get; init; } = GuardrailEvaluator.DefaultOrder;
}
