using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Triggers.App.Tests.Infrastructure;
using Triggers.Azure.Stores;
using Triggers.Core.Analysis;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;
using Triggers.Testing;

namespace Triggers.App.Tests.Portfolio;

/// <summary>
/// The acceptance run for the control lines: a seeded generator writes 90 days of signals, orders, sent touches (messages,
/// coupons with face values, and tags that reach nobody) and coin redemptions on four platforms for two tenants into the
/// real tables; the lines the app computes must equal a computation written plainly here, without the production code,
/// to the cent and the thousandth.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ControlLinesGeneratorTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "generator-secret-0001";
    private static readonly string[] Platforms = ["douyin", "wechat", "xiaohongshu", "zhihu"];
    private static readonly Dictionary<string, (decimal Cost, decimal Fee, bool New)> Roles = new()
    {
        ["douyin"] = (1.2m, 0.05m, false), ["wechat"] = (0.3m, 0m, false), ["xiaohongshu"] = (2m, 0.03m, true), ["zhihu"] = (0.8m, 0m, true),
    };

    // The second tenant's name starts with the first's: reading one tenant's rows by key range must not take the other's.
    private static readonly string Base = "g" + Guid.NewGuid().ToString("N")[..10];
    private readonly string[] _tenants = [Base, Base + "-2"];
    private TriggersAppFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Channel(string tenant, string platform) => $"{tenant}-{platform}";

    public ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>();
        foreach (var tenant in _tenants)
        {
            foreach (var platform in Platforms)
            {
                // Relay channels (generic), one per platform: the signals say which platform they came from.
                foreach (var (key, value) in TriggersAppFactory.GenericChannel(Channel(tenant, platform), tenant, Secret))
                {
                    settings[key] = value;
                }
            }
        }

        _app = new TriggersAppFactory(azurite, settings);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed record Seen(string Platform, string Person, DateTimeOffset At, decimal Revenue);

    private sealed record Touched(string Id, string Platform, string Rule, string Type, string Person, DateTimeOffset At, decimal CouponValue);

    private sealed record Redeemed(string Person, DateTimeOffset At, long Coins, bool Applied);

    private static readonly decimal[] CoinValues = [0.02m, 0.05m];

    [Fact]
    public async Task Ninety_days_for_two_tenants_give_the_lines_an_independent_computation_gives_to_the_cent_and_the_thousandth()
    {
        using var client = _app.CreateAdminClient();
        var tables = TestStorage.Connection(azurite).CreateTableServiceClient();
        var now = TimeProvider.System.GetUtcNow();
        var portfolio = tables.GetTableClient("Portfolio");
        await portfolio.CreateIfNotExistsAsync(Ct);
        for (var index = 0; index < _tenants.Length; index++)
        {
            var tenant = _tenants[index];
            foreach (var (platform, role) in Roles)
            {
                await portfolio.UpsertEntityAsync(new TableEntity(tenant, platform)
                {
                    ["TouchCost"] = (double)role.Cost, ["FeeRate"] = (double)role.Fee, ["IsNew"] = role.New,
                }, TableUpdateMode.Replace, Ct);
            }

            await portfolio.UpsertEntityAsync(new TableEntity(tenant, "thresholds") { ["CoinValue"] = (double)CoinValues[index] }, TableUpdateMode.Replace, Ct);
            var (seen, touched, redeemed) = await GenerateAsync(tables, tenant, now, seed: 20261207 + index);
            var computed = await (await client.PostAsync($"/api/admin/control-lines/compute?tenant={tenant}", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

            var expected = Plainly(seen, touched, redeemed, CoinValues[index], computed.GetProperty("computedAt").GetDateTimeOffset());
            foreach (var platform in Platforms)
            {
                Assert.Equal(expected.Signals[platform], computed.GetProperty("concentration").GetProperty(platform).GetProperty("signals").GetDouble());
                Assert.Equal(expected.Revenue[platform], computed.GetProperty("concentration").GetProperty(platform).GetProperty("revenue").GetDouble());
                var roi = computed.GetProperty("roi").TryGetProperty(platform, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : (double?)null;
                Assert.Equal(expected.Roi[platform], roi);
            }

            Assert.Equal(expected.Innovation, computed.GetProperty("innovation").GetProperty("share").GetDouble());
            TestContext.Current.SendDiagnosticMessage($"{tenant}: {seen.Count} signals, {touched.Count} touches, {redeemed.Count(r => r.Applied)} redemptions; {computed.GetProperty("concentration")}; roi {computed.GetProperty("roi")}");
        }
    }

    /// <summary>
    /// Writes 90 days of signals (orders with amounts among them), sent touches and redemptions (through the coin bank, one
    /// of them refused for want of coins) through the stores, and returns what it wrote.
    /// </summary>
    private static async Task<(List<Seen> Seen, List<Touched> Touched, List<Redeemed> Redeemed)> GenerateAsync(TableServiceClient tables, string tenant, DateTimeOffset now, int seed)
    {
        var random = new Random(seed);
        var seen = new List<Seen>();
        var touched = new List<Touched>();
        var records = new List<ProcessedSignal>();
        var touchpoints = new TableTouchpointStore(tables);
        for (var i = 0; i < 360; i++)
        {
            var platform = Platforms[random.Next(100) switch { < 50 => 0, < 80 => 1, < 93 => 2, _ => 3 }];
            var person = $"p{random.Next(40)}";
            var at = now.AddMinutes(-random.Next(90 * 24 * 60));
            var order = random.Next(4) == 0;
            var revenue = order ? Math.Round((decimal)(random.Next(1000, 100000) / 100.0), 2) : 0m;
            seen.Add(new Seen(platform, $"{platform}:{person}", at, revenue));
            var signal = new Signal
            {
                Id = SignalIds.Create(tenant, Channel(tenant, platform), "g" + i), Channel = Channel(tenant, platform), Platform = platform, Tenant = tenant,
                Kind = order ? SignalKinds.Order : SignalKinds.Message, Actor = new SignalActor(person), Text = null, OccurredAt = at, ReceivedAt = at, DedupeKey = "g" + i,
                Attributes = order ? new Dictionary<string, string> { ["amount"] = revenue.ToString("0.00", CultureInfo.InvariantCulture) } : new Dictionary<string, string>(),
            };
            records.Add(new ProcessedSignal(signal, TextAnalysis.Neutral("generator"), at) { Decided = true });
        }

        await new TableProcessedSignalStore(tables).SaveManyAsync(records, Ct);
        for (var i = 0; i < 150; i++)
        {
            var platform = Platforms[random.Next(Platforms.Length)];
            var person = $"p{random.Next(40)}";
            var at = now.AddMinutes(-random.Next(90 * 24 * 60));
            var (rule, type, value) = random.Next(20) switch
            {
                < 6 => ("invite", "message", 0m),
                < 12 => ("care", "message", 0m),
                < 17 => ("thanks-coupon", "coupon", random.Next(5, 51) - (random.Next(2) * 0.1m)),
                _ => ("mark-fan", "tag", 0m),
            };
            var id = $"{tenant}-t{i}";
            touched.Add(new Touched(id, platform, rule, type, $"{platform}:{person}", at, value));
            await touchpoints.TryAddAsync(new Touchpoint
            {
                Id = id, Tenant = tenant, RuleId = rule, RuleVersion = "1", SignalId = "g", ActionIndex = 0, Type = type, Channel = Channel(tenant, platform),
                Contact = person, Status = TouchpointStatus.Sent, DueAt = at, PlannedAt = at, SentAt = at, Why = "generated", Platform = platform,
                CouponValue = type == "coupon" ? value : null,
            }, Ct);
        }

        // Redemptions through the bank, each wallet funded 91 days ago, in time order.
        var redeemed = new List<Redeemed>();
        var clock = new SteppedClock(now.AddDays(-91));
        var bank = new Triggers.Core.Coins.CoinBank(new TableCoinStore(tables), clock);
        var planned = Enumerable.Range(0, 80)
            .Select(i => (Wallet: $"{Platforms[random.Next(Platforms.Length)]}:p{random.Next(40)}", At: now.AddMinutes(-random.Next(90 * 24 * 60)), Coins: (long)random.Next(10, 501), Key: $"r{i}"))
            .Append((Wallet: "wechat:p0", At: now.AddHours(-1), Coins: 999_999L, Key: "too-much"))
            .OrderBy(r => r.At)
            .ToList();
        foreach (var wallet in planned.Select(r => r.Wallet).Distinct())
        {
            await bank.ApplyAsync(tenant, wallet, new Triggers.Core.Coins.CoinOperation("fund:" + wallet, Triggers.Core.Coins.CoinKinds.Deposit, 5_000, 0, "funding", "generator"), Ct);
        }

        // A touch just before the redemption that is refused: were refused ones counted, it would carry 999,999 coins.
        touched.Add(new Touched($"{tenant}-before-refusal", "wechat", "care", "message", "wechat:p0", now.AddHours(-2), 0m));
        await touchpoints.TryAddAsync(new Touchpoint
        {
            Id = $"{tenant}-before-refusal", Tenant = tenant, RuleId = "care", RuleVersion = "1", SignalId = "g", ActionIndex = 0, Type = "message", Channel = Channel(tenant, "wechat"),
            Contact = "p0", Status = TouchpointStatus.Sent, DueAt = now.AddHours(-2), PlannedAt = now.AddHours(-2), SentAt = now.AddHours(-2), Why = "generated", Platform = "wechat",
        }, Ct);

        // Under idempotency keys, as the redeem route does: the keys' own rows (in the tenant's #keys partition) are no entries.
        foreach (var (wallet, at, coins, key) in planned)
        {
            clock.Advance(at - clock.GetUtcNow());
            var (_, entry) = await bank.ApplyOnceAsync(tenant, key, wallet, new Triggers.Core.Coins.CoinOperation(key, Triggers.Core.Coins.CoinKinds.Withdrawal, -coins, 0, "redeemed", "generator"), Ct);
            redeemed.Add(new Redeemed(wallet, at, coins, entry.Applied));
        }

        Assert.Single(redeemed, r => !r.Applied);
        return (seen, touched, redeemed);
    }

    /// <summary>The lines computed plainly from what was written: the arithmetic docs/portfolio.md states, in loops.</summary>
    private static (Dictionary<string, double> Signals, Dictionary<string, double> Revenue, Dictionary<string, double?> Roi, double Innovation) Plainly(
        List<Seen> seen, List<Touched> all, List<Redeemed> redeemed, decimal coinValue, DateTimeOffset now)
    {
        // Tags reach nobody: they neither cost nor earn.
        var touched = all.Where(t => t.Type != "tag").ToList();
        var since = now.AddDays(-30);
        var window = seen.Where(s => s.At > since && s.At <= now).ToList();
        var totalRevenue = 0m;
        foreach (var s in window)
        {
            totalRevenue += s.Revenue;
        }

        var signals = new Dictionary<string, double>();
        var revenue = new Dictionary<string, double>();
        foreach (var platform in Platforms)
        {
            var count = 0;
            var sum = 0m;
            foreach (var s in window)
            {
                if (s.Platform == platform)
                {
                    count++;
                    sum += s.Revenue;
                }
            }

            signals[platform] = (double)Math.Round((decimal)count / window.Count, 3, MidpointRounding.AwayFromZero);
            revenue[platform] = totalRevenue == 0 ? 0 : (double)Math.Round(sum / totalRevenue, 3, MidpointRounding.AwayFromZero);
        }

        // Each order, and each applied redemption, to the person's latest touch at most 7 days before it.
        Touched? Last(string person, DateTimeOffset at)
        {
            Touched? last = null;
            foreach (var t in touched)
            {
                if (t.Person == person && t.At <= at && t.At >= at.AddDays(-7) && (last is null || t.At > last.At))
                {
                    last = t;
                }
            }

            return last;
        }

        var credited = new Dictionary<string, decimal>();
        foreach (var order in window.Where(s => s.Revenue > 0))
        {
            if (Last(order.Person, order.At) is { } last)
            {
                credited[last.Id] = credited.GetValueOrDefault(last.Id) + order.Revenue;
            }
        }

        var coins = new Dictionary<string, long>();
        foreach (var r in redeemed.Where(r => r.Applied && r.At > since && r.At <= now))
        {
            if (Last(r.Person, r.At) is { } last)
            {
                coins[last.Id] = coins.GetValueOrDefault(last.Id) + r.Coins;
            }
        }

        var roi = new Dictionary<string, double?>();
        var spend = 0m;
        var spendNew = 0m;
        foreach (var platform in Platforms)
        {
            var (cost, gained) = (0m, 0m);
            foreach (var t in touched.Where(t => t.Platform == platform && t.At > since && t.At <= now))
            {
                var attributed = credited.GetValueOrDefault(t.Id);
                cost += Roles[platform].Cost + t.CouponValue + (coinValue * coins.GetValueOrDefault(t.Id)) + (Roles[platform].Fee * attributed);
                gained += attributed;
            }

            roi[platform] = cost == 0 ? null : (double)Math.Round(gained / cost, 3, MidpointRounding.AwayFromZero);
            spend += cost;
            spendNew += Roles[platform].New ? cost : 0;
        }

        return (signals, revenue, roi, spend == 0 ? 0 : (double)Math.Round(spendNew / spend, 3, MidpointRounding.AwayFromZero));
    }
}
