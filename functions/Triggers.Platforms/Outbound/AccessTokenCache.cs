using System.Collections.Concurrent;

namespace Triggers.Platforms.Outbound;

/// <summary>
/// Platform access tokens per credential, reused until shortly before they expire. Fetches are single-flight per
/// key: WeChat and WeCom rate-limit the token endpoints, and a burst of sends must not turn into a burst of fetches.
/// </summary>
public sealed class AccessTokenCache
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshBefore;
    private readonly ConcurrentDictionary<AccessTokenKey, Entry> _tokens = new();
    private readonly ConcurrentDictionary<AccessTokenKey, SemaphoreSlim> _gates = new();

    public AccessTokenCache(TimeProvider time, TimeSpan refreshBefore)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(refreshBefore, TimeSpan.Zero);
        _time = time;
        _refreshBefore = refreshBefore;
    }

    /// <summary>
    /// The cached token while it is fresh; otherwise one caller runs <paramref name="fetch"/> while the others for the
    /// same key wait and then share its token. A failed refresh falls back to the old token until it really expires.
    /// </summary>
    public async Task<TokenResult> GetAsync(AccessTokenKey key, Func<CancellationToken, Task<TokenResult>> fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        if (Fresh(key) is { } cached)
        {
            return cached;
        }

        var gate = _gates.GetOrAdd(key, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(key) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var result = await fetch(cancellationToken);
            var now = _time.GetUtcNow();
            if (result.IsIssued)
            {
                // Tokens that live shorter than the refresh margin would never count as fresh: refresh at half-life then.
                var margin = _refreshBefore < result.ExpiresIn / 2 ? _refreshBefore : result.ExpiresIn / 2;
                _tokens[key] = new Entry(result.Token, now + result.ExpiresIn, now + result.ExpiresIn - margin);
                return result;
            }

            return _tokens.TryGetValue(key, out var old) && now < old.ExpiresAt
                ? TokenResult.Issued(old.Token, old.ExpiresAt - now)
                : result;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets the key's token, whatever it is.</summary>
    public void Invalidate(AccessTokenKey key) => _tokens.TryRemove(key, out _);

    /// <summary>
    /// Forgets the key's token only if it is still <paramref name="rejectedToken"/>: when many sends see the same
    /// expired token, the first refetches and the rest must not throw its fresh token away.
    /// </summary>
    public void Invalidate(AccessTokenKey key, string rejectedToken)
    {
        if (_tokens.TryGetValue(key, out var entry) && string.Equals(entry.Token, rejectedToken, StringComparison.Ordinal))
        {
            _tokens.TryRemove(new KeyValuePair<AccessTokenKey, Entry>(key, entry));
        }
    }

    private TokenResult? Fresh(AccessTokenKey key)
    {
        var now = _time.GetUtcNow();
        return _tokens.TryGetValue(key, out var entry) && now < entry.RefreshAt
            ? TokenResult.Issued(entry.Token, entry.ExpiresAt - now)
            : null;
    }

    private sealed record Entry(string Token, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAt);
}
