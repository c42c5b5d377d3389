using Triggers.Platforms.Outbound;
using System.Globalization;
using System.Net.Http.Headers;
using Triggers.Platforms.Generic;
using Triggers.Platforms.Outbound.Http;

namespace Triggers.Platforms.Generic.Outbound;

/// <summary>
/// Relays a touchpoint to the brand's own system: <c>POST {OutboundUrl}</c>, signed exactly as inbound generic
/// webhooks are (<see cref="GenericSignature"/>), so one verifier serves both directions, and carrying the touchpoint
/// id as <c>X-Triggers-Delivery</c> so the receiver can drop a redelivery.
/// </summary>
internal sealed class GenericWebhookSender(PlatformHttp http) : ITouchpointSender
{
    public const string DeliveryHeader = "X-Triggers-Delivery";

    public async Task<SendResult> SendAsync(OutboundMessage message, ChannelSettings channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(channel);
        if (SettingsProblem(channel) is { } problem)
        {
            return SendResult.Permanent(problem);
        }

        var url = new Uri(channel.Secret(OutboundSettings.OutboundUrl)!);
        var what = $"the receiver at {channel.SettingPath(OutboundSettings.OutboundUrl)}";
        var body = OutboundPayload.Serialize(message, channel);
        var timestamp = http.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(GenericVerifier.TimestampHeader, timestamp);
        request.Headers.TryAddWithoutValidation(
            GenericVerifier.SignatureHeader,
            GenericSignature.Prefix + GenericSignature.Compute(SigningSecret(channel)!, timestamp, body));
        request.Headers.TryAddWithoutValidation(DeliveryHeader, message.Touchpoint.Id);

        var attempt = await http.SendAsync(request, what, cancellationToken);
        if (!attempt.Answered)
        {
            return attempt.Failure;
        }

        return attempt.Reply.StatusFailure(what) ?? new SendResult(SendOutcome.Sent, $"delivered: {what} answered HTTP {attempt.Reply.Status}");
    }

    public static string? SettingsProblem(ChannelSettings channel)
    {
        var problems = new List<string>();
        var url = channel.Secret(OutboundSettings.OutboundUrl);
        if (url is null)
        {
            problems.Add($"{channel.SettingPath(OutboundSettings.OutboundUrl)} is missing: set the absolute https URL your system receives touchpoints on");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            // The value is not echoed: a URL may carry a credential in its query.
            problems.Add($"{channel.SettingPath(OutboundSettings.OutboundUrl)} is not an absolute http or https URL");
        }

        var secret = SigningSecret(channel);
        if (secret is null || secret.Length < GenericOptions.MinSecretLength)
        {
            var setting = channel.Secret(OutboundSettings.OutboundSecret) is null
                ? $"{channel.SettingPath(ChannelSecrets.Secret)} (or {channel.SettingPath(OutboundSettings.OutboundSecret)})"
                : channel.SettingPath(OutboundSettings.OutboundSecret);
            problems.Add($"{setting} is {(secret is null ? "missing" : "too short")}: outbound webhooks are signed with it; use at least {GenericOptions.MinSecretLength} random characters, for example the output of `openssl rand -hex 32`");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>
    /// OutboundSecret when set, else Secret: a generic channel shares one secret both ways, while a platform channel
    /// relayed through OutboundUrl may hold a platform credential in Secret that the receiver should never need.
    /// </summary>
    private static string? SigningSecret(ChannelSettings channel) =>
        channel.Secret(OutboundSettings.OutboundSecret) ?? channel.Secret(ChannelSecrets.Secret);
}
