using Triggers.Core.Touchpoints;

namespace Triggers.Core.Contacts;

/// <summary>One entry of a contact's index of planned capped touchpoints (<see cref="ContactState.Planned"/>).</summary>
/// <param name="Id">The touchpoint's id.</param>
/// <param name="CountsAt">When it would go out: the caps count it in this instant's local day and week.</param>
/// <param name="PlannedAt">When it was planned: an entry whose touchpoint is not stored yet is trusted only for a while after this.</param>
public sealed record PlannedTouch(string Id, DateTimeOffset CountsAt, DateTimeOffset PlannedAt)
{
    /// <summary>The entry for a stored or just-judged touchpoint: it counts on the day it is next due (a retried one: its wake time), never before it was planned.</summary>
    public static PlannedTouch Of(Touchpoint touchpoint)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return new(touchpoint.Id, touchpoint.NextLookAt > touchpoint.PlannedAt ? touchpoint.NextLookAt : touchpoint.PlannedAt, touchpoint.PlannedAt);
    }
}
