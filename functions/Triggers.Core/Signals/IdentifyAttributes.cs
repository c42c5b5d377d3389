using Triggers.Core.People;

namespace Triggers.Core.Signals;

/// <summary>
/// The attributes of an <c>identify</c> signal: <c>member</c>, the brand member the sending account is, and <c>accounts</c>,
/// more accounts of that member, kept as <c>platform:id</c> lines (the envelope reads them from an array of objects).
/// </summary>
public static class IdentifyAttributes
{
    public const string Member = "member";
    public const string Accounts = "accounts";

    /// <summary>The member named, or null when the signal names none.</summary>
    public static string? MemberOf(Signal signal) =>
        signal.Attributes.TryGetValue(Member, out var member) && !string.IsNullOrWhiteSpace(member) ? member.Trim() : null;

    /// <summary>The sending account first, then every listed one.</summary>
    public static IReadOnlyList<AccountRef> AccountsOf(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var accounts = new List<AccountRef> { new(signal.Platform, signal.Actor.Id) };
        if (signal.Attributes.TryGetValue(Accounts, out var lines))
        {
            foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (AccountRef.TryParse(line, out var account, out _))
                {
                    accounts.Add(account);
                }
            }
        }

        return accounts;
    }
}
