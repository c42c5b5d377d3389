using Triggers.Core.Identity;
using Triggers.Core.People;

namespace Triggers.Core.Erasure;

/// <summary>
/// An erased account is remembered only as a hash of the tenant and the account: enough to recognise an old signal of
/// it arriving again, not to read back who it was.
/// </summary>
public static class ErasureMarks
{
    public static string Of(string tenant, AccountRef account) => StableId.From("erased", tenant, account.ToString());
}
