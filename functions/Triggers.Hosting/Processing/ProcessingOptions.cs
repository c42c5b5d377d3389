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

    /// <summary>How many signals of one group message are decided at once (one contact's always in order). Default 4.</summary>
    [Range(1, 64)]
    public int GroupParallelism { get; set; } = 4;

    /// <summary>Standalone poller: how long a received message stays hidden while it is processed.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Standalone poller: the longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How stale the cached rules may get before table <c>Rules</c> is read again (at most 15 s).</summary>
    public TimeSpan RulesRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}
