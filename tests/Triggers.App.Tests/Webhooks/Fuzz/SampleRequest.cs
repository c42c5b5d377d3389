namespace Triggers.App.Tests.Webhooks.Fuzz;

/// <summary>One webhook request as bytes and strings, easy to mutate.</summary>
internal sealed record SampleRequest(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? ContentType);

/// <summary>
/// A valid signed request for one platform, built for a given channel name, and which of its parts are signed
/// (the parts a mutation must break).
/// </summary>
internal sealed record FuzzSample(
    string Name,
    IReadOnlyDictionary<string, string> Settings,
    Func<string, SampleRequest> Build,
    IReadOnlyList<string> SignedHeaders,
    IReadOnlyList<string> SignedQuery,
    bool BodySigned);
