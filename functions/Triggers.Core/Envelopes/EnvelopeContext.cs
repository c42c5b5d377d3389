namespace Triggers.Core.Envelopes;

/// <summary>
/// Where a batch of signal envelopes arrived: the channel it was posted to, its platform and tenant, and
/// the receive time. These come from the endpoint's configuration, never from the body.
/// </summary>
/// <param name="PhoneSalt">The tenant's salt for phone numbers (<c>Tenants:{tenant}:PhoneSalt</c>); null: phone numbers are refused.</param>
public sealed record EnvelopeContext(string Channel, string Platform, string Tenant, DateTimeOffset ReceivedAt, string? PhoneSalt = null);
