using System.Diagnostics.CodeAnalysis;

namespace Triggers.Platforms.Outbound;

/// <summary>An access token and how long it lives, or the send result that explains why there is none.</summary>
public sealed record TokenResult
{
    private TokenResult(string? token, TimeSpan expiresIn, SendResult? failure)
    {
        Token = token;
        ExpiresIn = expiresIn;
        Failure = failure;
    }

    public string? Token { get; }

    /// <summary>The lifetime left, as the platform stated it (or what remains of it for a cached token).</summary>
    public TimeSpan ExpiresIn { get; }

    public SendResult? Failure { get; }

    [MemberNotNullWhen(true, nameof(Token))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsIssued => Token is not null;

    public static TokenResult Issued(string token, TimeSpan expiresIn)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new TokenResult(token, expiresIn, null);
    }

    public static TokenResult Failed(SendResult failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new TokenResult(null, TimeSpan.Zero, failure);
    }
}
