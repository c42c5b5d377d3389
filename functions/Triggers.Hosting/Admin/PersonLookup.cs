using Triggers.Core.People;
using Triggers.Hosting.Channels;

namespace Triggers.Hosting.Admin;

/// <summary>
/// The persons of the contacts an admin listing shows, each looked up once, so touchpoints and hand-offs show every
/// linked account (docs/relationships.md). A tenant that links nobody costs nothing.
/// </summary>
public sealed class PersonLookup(PersonContacts persons, ChannelRegistry channels)
{
    /// <summary>Per (channel, contact): the person, or null when the contact is linked to nobody.</summary>
    public async Task<IReadOnlyDictionary<(string Channel, string Contact), PersonView?>> ForAsync(
        string tenant, IEnumerable<(string Channel, string Contact, string? Platform)> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var found = new Dictionary<(string, string), PersonView?>();
        foreach (var (channel, contact, platform) in contacts)
        {
            if (found.ContainsKey((channel, contact)) || (platform ?? channels.Find(channel)?.Platform) is not { } known)
            {
                continue;
            }

            found[(channel, contact)] = await persons.FindAsync(tenant, known, contact, cancellationToken) is { } person ? PersonView.From(person) : null;
        }

        return found;
    }
}
