namespace Triggers.Core.People;

/// <summary>An account of a person, with what linked it (<see cref="LinkSources"/>), when and by whom.</summary>
public sealed record LinkedAccount(string Platform, string Id, string Source, DateTimeOffset LinkedAt, string By)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public AccountRef Account => new(Platform, Id);
}
