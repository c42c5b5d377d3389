namespace Triggers.Core.Contacts;

public interface IContactStateStore
{
    /// <summary>The stored state, or null when nothing is known about the contact on the channel.</summary>
    Task<ContactState?> GetAsync(string tenant, string channel, string contact, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the state if nobody changed it since it was read (a null <see cref="ContactState.Version"/> means "insert,
    /// it must not exist yet"); returns the state with its new version, or null when it lost the race.
    /// </summary>
    Task<ContactState?> TryWriteAsync(ContactState state, CancellationToken cancellationToken);
}
