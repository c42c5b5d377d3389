namespace Triggers.Platforms.Outbound;

/// <summary>Checks shared by the platform senders, before any network call.</summary>
internal static class MessageChecks
{
    /// <summary>"Channels:x:AppId and Channels:x:AppSecret" for the missing ones; null when all are set.</summary>
    public static string? Missing(ChannelSettings channel, params string[] settings)
    {
        var missing = settings.Where(s => channel.Secret(s) is null).Select(channel.SettingPath).ToList();
        return missing.Count == 0 ? null : string.Join(" and ", missing);
    }

    /// <summary>Permanent for a settings problem, else for a message no platform would take; null when it may go.</summary>
    public static SendResult? Refusal(string? settingsProblem, OutboundMessage message, bool needsContact) =>
        settingsProblem is not null ? SendResult.Permanent(settingsProblem) : TextAndContact(message, needsContact);

    /// <summary>Platforms refuse blank text and unknown recipients with codes that read like other faults: say it plainly.</summary>
    public static SendResult? TextAndContact(OutboundMessage message, bool needsContact)
    {
        if (string.IsNullOrWhiteSpace(message.Text))
        {
            return SendResult.Permanent($"touchpoint {message.Touchpoint.Id} has no text to send");
        }

        return needsContact && string.IsNullOrWhiteSpace(message.Touchpoint.Contact)
            ? SendResult.Permanent($"touchpoint {message.Touchpoint.Id} has no contact to send to")
            : null;
    }
}
