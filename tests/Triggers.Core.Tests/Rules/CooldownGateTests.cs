using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Rules;

public sealed class CooldownGateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly CompiledRule Daily = TestSignals.Compile(TestSignals.Rule("daily", cooldown: "P1D"));

    [Fact]
    public async Task Two_signals_within_the_cooldown_pass_once_and_a_third_after_it_passes_again()
    {
        var store = new MemoryCooldownStore();
        var gate = new CooldownGate(store);
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await gate.TryPassAsync(Daily, "c1", "s1", T0, ct));
        Assert.False(await gate.TryPassAsync(Daily, "c1", "s2", T0.AddHours(5), ct));
        Assert.True(await gate.TryPassAsync(Daily, "c1", "s3", T0.AddDays(1).AddMinutes(1), ct));
        Assert.Equal(new CooldownEntry(T0.AddDays(1).AddMinutes(1), "s3"), store.Entries[("default", "daily", "c1")].Entry);
    }

    [Fact]
    public async Task A_redelivered_signal_passes_again_and_another_contact_is_not_affected()
    {
        var store = new MemoryCooldownStore();
        var gate = new CooldownGate(store);
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await gate.TryPassAsync(Daily, "c1", "s1", T0, ct));
        Assert.True(await gate.TryPassAsync(Daily, "c1", "s1", T0, ct));
        Assert.True(await gate.TryPassAsync(Daily, "c2", "s9", T0.AddMinutes(1), ct));
        Assert.Equal(2, store.Writes);
    }

    [Fact]
    public async Task When_another_worker_records_a_firing_first_the_gate_re_reads_and_blocks()
    {
        var store = new MemoryCooldownStore();
        // Between our read and our write, a worker handling signal s0 ten minutes earlier records its firing.
        store.BeforeNextWrite = () => store.Entries[("default", "daily", "c1")] = new CooldownRecord(new CooldownEntry(T0.AddMinutes(-10), "s0"), "v-other");

        var passed = await new CooldownGate(store).TryPassAsync(Daily, "c1", "s1", T0, TestContext.Current.CancellationToken);

        Assert.False(passed);
        Assert.Equal("s0", store.Entries[("default", "daily", "c1")].Entry.SignalId);
    }

    [Fact]
    public async Task A_rule_without_cooldown_never_touches_the_store()
    {
        var store = new MemoryCooldownStore();
        var rule = TestSignals.Compile(TestSignals.Rule("always"));

        Assert.True(await new CooldownGate(store).TryPassAsync(rule, "c1", "s1", T0, TestContext.Current.CancellationToken));
        Assert.Equal(0, store.Reads);
    }

    private sealed class MemoryCooldownStore : ICooldownStore
    {
        private int _version;

        public Dictionary<(string, string, string), CooldownRecord> Entries { get; } = [];

        public Action? BeforeNextWrite { get; set; }

        public int Reads { get; private set; }

        public int Writes { get; private set; }

        public Task<CooldownRecord?> GetAsync(string tenant, string ruleId, string contact, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult(Entries.GetValueOrDefault((tenant, ruleId, contact)));
        }

        public Task<bool> TryWriteAsync(string tenant, string ruleId, string contact, CooldownEntry entry, string? expectedVersion, CancellationToken cancellationToken)
        {
            var before = BeforeNextWrite;
            BeforeNextWrite = null;
            before?.Invoke();
            var current = Entries.GetValueOrDefault((tenant, ruleId, contact));
            if (current?.Version != expectedVersion)
            {
                return Task.FromResult(false);
            }

            Writes++;
            Entries[(tenant, ruleId, contact)] = new CooldownRecord(entry, "v" + ++_version);
            return Task.FromResult(true);
        }
    }
}
