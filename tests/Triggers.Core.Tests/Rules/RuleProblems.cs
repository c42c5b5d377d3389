using Triggers.Core.Rules;

namespace Triggers.Core.Tests.Rules;

internal static class RuleProblems
{
    /// <summary>Compiles one definition that must fail, and returns its problems (all tagged with its tenant and id).</summary>
    public static IReadOnlyList<string> Of(RuleDefinition definition, Func<string, bool>? isKnownChannel = null)
    {
        var set = RuleSet.Compile([definition], isKnownChannel);
        Assert.Empty(set.Rules);
        Assert.NotEmpty(set.Problems);
        Assert.All(set.Problems, p => Assert.Equal((definition.Tenant, definition.Id), (p.Tenant, p.RuleId)));
        return set.Problems.Select(p => p.Problem).ToList();
    }
}
