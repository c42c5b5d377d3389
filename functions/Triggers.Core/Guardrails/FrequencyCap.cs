using System.Globalization;

namespace Triggers.Core.Guardrails;

/// <summary>
/// Per contact and channel, at most <see cref="GuardrailOptions.PerDay"/> touches a tenant-local day and
/// <see cref="GuardrailOptions.PerWeek"/> an ISO week, people and automation together; automation may use only
/// floor(cap × (1 − SlackShare)) of each, so a person can always still reach the contact.
/// </summary>
public static class FrequencyCap
{
    /// <summary>floor(cap × (1 − share)), in decimal so 10 × 0.9 is 9 and not 8.999…</summary>
    public static int AutomationBudget(int cap, double slackShare)
    {
        if (cap <= 0 || double.IsNaN(slackShare) || slackShare >= 1)
        {
            return 0;
        }

        var share = (decimal)Math.Max(0, slackShare);
        return (int)Math.Floor(cap * (1 - share));
    }

    /// <summary>Null when one more automated touch fits; otherwise which limit it would break, for people.</summary>
    /// <param name="includesThisTouch">The counts already hold the touch being judged (it was recorded before the check).</param>
    public static string? Check(GuardrailContext context, GuardrailOptions options, bool includesThisTouch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var self = includesThisTouch ? 1 : 0;
        var kept = string.Create(CultureInfo.InvariantCulture, $"{options.SlackShare * 100:0.#}% kept for people");
        if (context.DayAutomated - self >= options.AutomatedPerDay)
        {
            return $"automation already sent {context.DayAutomated - self} of its {options.AutomatedPerDay} touch(es) a day to this contact (PerDay {options.PerDay}, {kept})";
        }

        if (context.DayTotal - self >= options.PerDay)
        {
            return $"the contact already had {context.DayTotal - self} touch(es) today, the daily cap (PerDay {options.PerDay})";
        }

        if (context.WeekAutomated - self >= options.AutomatedPerWeek)
        {
            return $"automation already sent {context.WeekAutomated - self} of its {options.AutomatedPerWeek} touch(es) this week to this contact (PerWeek {options.PerWeek}, {kept})";
        }

        if (context.WeekTotal - self >= options.PerWeek)
        {
            return $"the contact already had {context.WeekTotal - self} touch(es) this week, the weekly cap (PerWeek {options.PerWeek})";
        }

        return null;
    }
}
