using System.ComponentModel.DataAnnotations;

namespace Triggers.Hosting.Touchpoints;

/// <summary>Settings under <c>Dispatch</c>: how due touchpoints are picked up and retried.</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    /// <summary>Standalone: how often due touchpoints are looked for (in Azure the DispatchTouchpoints timer runs every minute).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many due touchpoints are read at a time; a run keeps reading batches until none is due.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Sends per second per channel at most: the platform's or your relay's rate limit (WeChat and WeCom document
    /// theirs per account and API). A backlog drains at this rate.
    /// </summary>
    [Range(1, 10_000)]
    public int SendsPerSecond { get; set; } = 20;

    /// <summary>
    /// Touchpoints sent side by side (one contact's always one after another): a send waits on several storage round
    /// trips and the platform, so one at a time could not reach <see cref="SendsPerSecond"/>.
    /// </summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>Send attempts before a touchpoint is failed and dead-lettered to <c>touchpoints-poison</c>.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry back-off; doubled per attempt with seeded jitter, up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claimed (sending) touchpoint is reserved; a dispatcher that dies is taken over after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many of the contact's recent signals a hand-off shows.</summary>
    [Range(1, 50)]
    public int HandoffContextSignals { get; set; } = 5;

    public IEnumerable<string> Problems()
    {
        if (Interval < TimeSpan.FromSeconds(1) || Interval > TimeSpan.FromMinutes(10))
        {
            yield return "Dispatch:Interval must be between 00:00:01 and 00:10:00.";
        }

        if (RetryBase <= TimeSpan.Zero || RetryMax < RetryBase)
        {
            yield return "Dispatch:RetryBase must be positive and Dispatch:RetryMax at least RetryBase.";
        }

        if (Lease < TimeSpan.FromSeconds(10))
        {
            yield return "Dispatch:Lease must be at least 00:00:10 (longer than one send's timeout).";
        }
    }
}
