using System.ComponentModel.DataAnnotations;

namespace Triggers.Hosting.Processing;

/// <summary>Settings under <c>Processing</c>.</summary>
public sealed class ProcessingOptions
{
    public const string SectionName = "Processing";

    /// <summary>Attempts before a signal goes to <c>signals-poison</c>. Matches host.json extensions.queues.maxDequeueCount.</summary>
    [Range(1, 20)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Standalone poller: how many messages to take per receive (1-32).</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>Standalone poller: how long a received message stays hidden while it is processed.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Standalone poller: the longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How stale the cached rules may get before table <c>Rules</c> is read again (at most 15 s).</summary>
    public TimeSpan RulesRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}
