using Triggers.Core.Touchpoints;

namespace Triggers.Core.Contacts;

/// <summary>What a signal changed about its contact.</summary>
/// <param name="State">The contact's state after the signal.</param>
/// <param name="ConsentChanged">Whether the contact opted out or back in with this signal.</param>
/// <param name="GaveWay">Planned touchpoints a person's message cancelled or postponed.</param>
public sealed record ContactObservation(ContactState State, bool ConsentChanged, IReadOnlyList<Touchpoint> GaveWay);
