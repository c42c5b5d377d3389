namespace Triggers.Platforms;

/// <summary>The HTTP answer a platform expects once its delivery has been accepted.</summary>
public sealed record WebhookReply(int StatusCode, string Body, string ContentType);
