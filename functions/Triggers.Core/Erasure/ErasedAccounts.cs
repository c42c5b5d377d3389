using System.Collections.Concurrent;
using Triggers.Core.People;

namespace Triggers.Core.Erasure;

/// <summary>
/// Whether a signal belongs to an erased account and happened before its erasure (a redelivery, a platform retry, a
/// replay), so it must not re-create what was erased. A signal after the erasure is the person coming back and counts
/// as new. A tenant that never erased anyone costs one read per <see cref="NoneErasedFor"/>, not one per signal.
/// </summary>
public sealed class ErasedAccounts(IErasureStore store, TimeProvider time)
{
    public static readonly TimeSpan NoneErasedFor = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _noneErasedUntil = new(StringComparer.Ordinal);

    public async Task<bool> BlocksAsync(string tenant, AccountRef account, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_noneErasedUntil.TryGetValue(tenant, out var until) && now < until)
        {
            return false;
        }

        if (!await store.AnyAsync(tenant, cancellationToken))
        {
            _noneErasedUntil[tenant] = now + NoneErasedFor;
            return false;
        }

        _noneErasedUntil.TryRemove(tenant, out _);
        return await store.ErasedAtAsync(tenant, ErasureMarks.Of(tenant, account), cancellationToken) is { } erasedAt && occurredAt <= erasedAt;
    }

    /// <summary>This instance erased in the tenant: every signal checks from now on.</summary>
    public void NoteErased(string tenant) => _noneErasedUntil.TryRemove(tenant, out _);
}
