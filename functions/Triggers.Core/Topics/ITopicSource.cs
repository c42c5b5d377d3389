namespace Triggers.Core.Topics;

/// <summary>Where operations staff keep their topic lexicons (table <c>Topics</c>).</summary>
public interface ITopicSource
{
    /// <summary>Every enabled topic; rows that cannot be read come back as problems, never as exceptions.</summary>
    Task<TopicSourceSnapshot> LoadAsync(CancellationToken cancellationToken);
}

/// <summary>One read of the topic table.</summary>
/// <param name="Definitions">Enabled, readable topics of every tenant.</param>
/// <param name="Problems">Rows left out, each with what is wrong and how to fix it.</param>
/// <param name="Tenants">Every tenant with at least one row (enabled, disabled or broken): these do not get the default topics.</param>
public sealed record TopicSourceSnapshot(
    IReadOnlyList<TopicDefinition> Definitions,
    IReadOnlyList<TopicProblem> Problems,
    IReadOnlyCollection<string> Tenants);

/// <summary>Why a topic row was left out: what is wrong, in which field, and how to fix it.</summary>
public sealed record TopicProblem(string Tenant, string Topic, string Problem);
