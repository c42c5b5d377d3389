using System.ComponentModel.DataAnnotations;

namespace Triggers.Hosting.Webhooks;

/// <summary>Settings under <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>How old (or how far ahead) a signed timestamp may be. Default 5 minutes; per channel as Channels:{name}:ReplayWindow.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest accepted request body; larger gets 413. Default 64 KiB: platform events are a few KiB.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long an accepted event's identity is remembered to drop redeliveries. Default 1 day (WeChat Shop retries for ~3.6 h).</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Budget for storing a signal before answering; platforms wait about 5 s.</summary>
    public TimeSpan IngestTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Once storage is found unreachable, how often it is probed (and the Retry-After webhooks get meanwhile, in whole
    /// seconds). Default 2 s.
    /// </summary>
    public TimeSpan OutageProbeInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How concurrent webhooks share their storage writes (group commit).</summary>
    public GroupCommitOptions GroupCommit { get; set; } = new();
}

/// <summary>Settings under <c>Webhooks:GroupCommit</c>.</summary>
public sealed class GroupCommitOptions
{
    /// <summary>
    /// Under load (another commit is in flight), how long a commit waits for more signals before it starts. A lone webhook
    /// never waits. Default 2 ms.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Most signals in one commit. Default 200.</summary>
    [Range(1, 1000)]
    public int MaxSignals { get; set; } = 200;

    /// <summary>Commits in flight at once. Default 2: one fills while the other writes.</summary>
    [Range(1, 16)]
    public int MaxConcurrent { get; set; } = 2;
}
