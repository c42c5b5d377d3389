namespace Triggers.Core.People;

/// <summary>A person already looked up by the caller (null <see cref="Person"/>: the account is linked to nobody), so it is not read again.</summary>
public sealed record KnownPerson(string Tenant, AccountRef Account, Person? Person);
