using Triggers.Core.Contacts;

namespace Triggers.Core.Simulation.Memory;

/// <summary>Contact states in memory, with versions that behave like the table's ETags.</summary>
internal sealed class MemoryContacts : IContactStateStore
{
    private readonly Dictionary<(string, string, string), ContactState> _states = [];
    private long _version;

    public Task<ContactState?> GetAsync(string tenant, string channel, string contact, CancellationToken cancellationToken) =>
        Task.FromResult(_states.GetValueOrDefault((tenant, channel, contact)));

    public Task<ContactState?> TryWriteAsync(ContactState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var key = (state.Tenant, state.Channel, state.Contact);
        if (_states.GetValueOrDefault(key)?.Version != state.Version)
        {
            return Task.FromResult<ContactState?>(null);
        }

        var written = state with { Version = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        _states[key] = written;
        return Task.FromResult<ContactState?>(written);
    }
}
