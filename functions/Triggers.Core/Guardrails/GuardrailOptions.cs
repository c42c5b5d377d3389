using System.Globalization;

namespace Triggers.Core.Guardrails;

/// <summary>
/// One tenant's guardrail settings. Defaults suit a Chinese consumer brand; call <see cref="Validate"/> at start-up so a
/// bad time zone or cap stops the app with the setting named, instead of surfacing on the first send.
/// </summary>
public sealed class GuardrailOptions
{
    /// <summary>IANA id of the tenant's zone: quiet hours and the caps' days and weeks are local to it.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>false turns quiet hours off for the tenant (a 24-hour service desk, or tests that must not depend on the hour).</summary>
    public bool QuietHoursEnabled { get; set; } = true;

    /// <summary>Local time the quiet window opens; the window may wrap midnight (22:00 to 08:00).</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(22, 0);

    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>A touch deferred by quiet hours goes out this much at most after the window ends, so they do not all land at 08:00.</summary>
    public TimeSpan QuietHoursSlack { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Touches per contact and channel (per person across linked accounts) a local day, people's included.</summary>
    public int PerDay { get; set; } = 3;

    /// <summary>Touches per contact and channel (per person across linked accounts) an ISO week, people's included.</summary>
    public int PerWeek { get; set; } = 10;

    /// <summary>The share of each cap kept for people: automation may use floor(cap × (1 − SlackShare)). In [0, 1).</summary>
    public double SlackShare { get; set; } = 0.1;

    public HumanPrecedenceMode HumanPrecedence { get; set; } = HumanPrecedenceMode.Cancel;

    /// <summary>In <see cref="HumanPrecedenceMode.Postpone"/> mode, how long after a person's message the automated touch waits.</summary>
    public TimeSpan PostponeBy { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A message that is exactly one of these (trimmed, any case) opts the contact out.</summary>
    public IList<string> OptOutKeywords { get; set; } = ["退订", "TD", "unsubscribe"];

    /// <summary>A message that is exactly one of these opts a contact who had opted out back in.</summary>
    public IList<string> OptInKeywords { get; set; } = ["订阅", "subscribe"];

    public int AutomatedPerDay => FrequencyCap.AutomationBudget(PerDay, SlackShare);

    public int AutomatedPerWeek => FrequencyCap.AutomationBudget(PerWeek, SlackShare);

    /// <exception cref="ArgumentException">The zone is unknown (see <see cref="Validate"/>).</exception>
    public TimeZoneInfo ResolveTimeZone() => TenantCalendar.Zone(TimeZone);

    /// <summary>How long the quiet window lasts, 0 when start equals end (TimeOnly subtraction goes round the clock).</summary>
    public TimeSpan QuietHoursLength => QuietHoursEnd - QuietHoursStart;

    /// <summary>Every problem, each naming the setting, its value and what to do; empty when the options can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(TimeZone))
        {
            problems.Add("TimeZone is empty: set an IANA time zone id such as Asia/Shanghai");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            problems.Add($"TimeZone \"{TimeZone}\" is not a time zone known on this machine: use an IANA id such as Asia/Shanghai");
        }

        if (QuietHoursEnabled)
        {
            ValidateQuietHours(problems);
        }

        ValidateCaps(problems);
        if (!Enum.IsDefined(HumanPrecedence))
        {
            problems.Add($"HumanPrecedence {(int)HumanPrecedence} is not a mode: use Cancel or Postpone");
        }

        if (PostponeBy <= TimeSpan.Zero)
        {
            problems.Add($"PostponeBy {PostponeBy:c} must be positive: it is how long after a person's message an automated touch waits");
        }

        ValidateKeywords(problems);
        return problems;
    }

    private void ValidateQuietHours(List<string> problems)
    {
        if (QuietHoursStart == QuietHoursEnd)
        {
            problems.Add(
                $"QuietHoursStart and QuietHoursEnd are both {Format(QuietHoursStart)}: a quiet window needs two different times, for example 22:00 and 08:00");
            return;
        }

        if (QuietHoursSlack < TimeSpan.Zero)
        {
            problems.Add($"QuietHoursSlack {QuietHoursSlack:c} is negative: it is how long after the quiet window a deferred touch may go out, for example 00:30:00");
        }
        else if (QuietHoursSlack >= TimeSpan.FromDays(1) - QuietHoursLength)
        {
            // Otherwise a deferred touch could land in the next night's quiet window.
            problems.Add(
                $"QuietHoursSlack {QuietHoursSlack:c} is not shorter than the time between {Format(QuietHoursEnd)} and {Format(QuietHoursStart)}: " +
                "deferred touches would fall into the next quiet window; shorten it");
        }
    }

    private void ValidateCaps(List<string> problems)
    {
        if (PerDay < 1)
        {
            problems.Add($"PerDay {PerDay} must be at least 1: it is how many touches a contact may get a day");
        }

        if (PerWeek < 1)
        {
            problems.Add($"PerWeek {PerWeek} must be at least 1: it is how many touches a contact may get a week");
        }

        if (double.IsNaN(SlackShare) || SlackShare < 0 || SlackShare >= 1)
        {
            problems.Add(
                $"SlackShare {SlackShare.ToString(CultureInfo.InvariantCulture)} is outside [0, 1): it is the share of each cap kept for people, for example 0.1");
            return;
        }

        if (PerDay >= 1 && AutomatedPerDay == 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"PerDay {PerDay} with SlackShare {SlackShare} leaves automation no touch a day (floor({PerDay} × {1 - SlackShare})): raise PerDay or lower SlackShare"));
        }

        if (PerWeek >= 1 && AutomatedPerWeek == 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"PerWeek {PerWeek} with SlackShare {SlackShare} leaves automation no touch a week (floor({PerWeek} × {1 - SlackShare})): raise PerWeek or lower SlackShare"));
        }
    }

    private void ValidateKeywords(List<string> problems)
    {
        foreach (var (name, list) in new[] { (nameof(OptOutKeywords), OptOutKeywords), (nameof(OptInKeywords), OptInKeywords) })
        {
            if (list is null)
            {
                problems.Add($"{name} is missing: list the keywords, or an empty list for none");
                continue;
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(list[i]))
                {
                    problems.Add($"{name}[{i}] is empty: a keyword must have text, or remove it");
                }
            }
        }

        if (OptOutKeywords is null || OptInKeywords is null)
        {
            return;
        }

        foreach (var both in OptOutKeywords.Where(k => OptInKeywords.Contains(k, StringComparer.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(k)))
        {
            problems.Add($"\"{both}\" is both an opt-out and an opt-in keyword: keep it in one of OptOutKeywords and OptInKeywords");
        }
    }

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
