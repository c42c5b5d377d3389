namespace Triggers.Core.People;

/// <summary>
/// That an account was taken out of a person, when and by whom: kept in table <c>People</c> beside the links (the link
/// itself is gone), shown on the account's timeline, and erased with the account.
/// </summary>
public sealed record UnlinkRecord(AccountRef Account, string FormerPerson, DateTimeOffset At, string By);
