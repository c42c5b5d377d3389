namespace Triggers.Core.Contacts;

/// <summary>A contact's touches on a channel in one local day and in its ISO week, people's included.</summary>
public readonly record struct LedgerTally(int DayTotal, int DayAutomated, int WeekTotal, int WeekAutomated);
