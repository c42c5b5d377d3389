using Triggers.Platforms.Outbound;
using Triggers.Testing;

namespace Triggers.Platforms.Tests.Outbound;

public sealed class AccessTokenCacheTests
{
    private static readonly AccessTokenKey Key = AccessTokenKey.For("wechat", "wx1", "secret-1");

    private readonly SteppedClock _clock = new(SenderHarness.Start);

    [Fact]
    public async Task Callers_arriving_during_a_fetch_wait_for_it_and_share_its_token()
    {
        var cache = new AccessTokenCache(_clock, TimeSpan.FromMinutes(5));
        var release = new TaskCompletionSource<TokenResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetches = 0;

        var callers = Enumerable.Range(0, 8)
            .Select(_ => cache.GetAsync(Key, _ => { Interlocked.Increment(ref fetches); return release.Task; }, SenderHarness.Cancel))
            .ToList();
        release.SetResult(TokenResult.Issued("token-a", TimeSpan.FromHours(2)));
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, fetches);
        Assert.All(results, r => Assert.Equal("token-a", r.Token));
    }

    [Fact]
    public async Task A_stale_invalidation_does_not_throw_away_a_newer_token()
    {
        var cache = new AccessTokenCache(_clock, TimeSpan.FromMinutes(5));
        await cache.GetAsync(Key, _ => Task.FromResult(TokenResult.Issued("token-a", TimeSpan.FromHours(2))), SenderHarness.Cancel);
        cache.Invalidate(Key, "token-a");
        await cache.GetAsync(Key, _ => Task.FromResult(TokenResult.Issued("token-b", TimeSpan.FromHours(2))), SenderHarness.Cancel);

        cache.Invalidate(Key, "token-a");
        var result = await cache.GetAsync(Key, _ => throw new InvalidOperationException("must not fetch"), SenderHarness.Cancel);

        Assert.Equal("token-b", result.Token);
    }

    [Fact]
    public async Task A_token_shorter_lived_than_the_refresh_margin_is_reused_until_half_its_life()
    {
        var cache = new AccessTokenCache(_clock, TimeSpan.FromMinutes(5));
        var fetches = 0;
        Task<TokenResult> Fetch(CancellationToken _) => Task.FromResult(TokenResult.Issued($"token-{++fetches}", TimeSpan.FromMinutes(4)));

        await cache.GetAsync(Key, Fetch, SenderHarness.Cancel);
        _clock.Advance(TimeSpan.FromSeconds(119));
        await cache.GetAsync(Key, Fetch, SenderHarness.Cancel);
        Assert.Equal(1, fetches);

        _clock.Advance(TimeSpan.FromSeconds(2));
        await cache.GetAsync(Key, Fetch, SenderHarness.Cancel);
        Assert.Equal(2, fetches);
    }

    [Fact]
    public async Task Once_the_old_token_has_expired_a_failed_fetch_is_returned()
    {
        var cache = new AccessTokenCache(_clock, TimeSpan.FromMinutes(5));
        await cache.GetAsync(Key, _ => Task.FromResult(TokenResult.Issued("token-a", TimeSpan.FromHours(2))), SenderHarness.Cancel);
        _clock.Advance(TimeSpan.FromHours(2));
        var failure = SendResult.Retry("busy");

        var result = await cache.GetAsync(Key, _ => Task.FromResult(TokenResult.Failed(failure)), SenderHarness.Cancel);

        Assert.False(result.IsIssued);
        Assert.Same(failure, result.Failure);
    }

    [Fact]
    public void A_rotated_secret_is_a_different_key_and_the_key_never_holds_the_secret()
    {
        var rotated = AccessTokenKey.For("wechat", "wx1", "secret-2");

        Assert.NotEqual(Key, rotated);
        Assert.Equal(Key, AccessTokenKey.For("wechat", "wx1", "secret-1"));
        Assert.DoesNotContain("secret-1", Key.ToString(), StringComparison.Ordinal);
    }
}
