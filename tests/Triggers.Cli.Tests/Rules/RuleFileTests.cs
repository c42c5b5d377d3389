using Triggers.Cli.Rules;

namespace Triggers.Cli.Tests.Rules;

public sealed class RuleFileTests
{
    [Fact]
    public void Json_lines_with_table_names_or_short_names_and_json_valued_conditions_read_as_table_strings()
    {
        var content = RuleFile.Parse("""
            {"PartitionKey":"shop","RowKey":"a","Enabled":true,"Priority":5,"When":"{\"==\":[1,1]}","Then":"[]","Cooldown":"P1D"}

            {"tenant":"shop","id":"b","Enabled":"false","Priority":"7","When":{"==":[1,1]},"Then":[{"type":"alert","text":"x"}]}
            """);

        Assert.Empty(content.Problems);
        Assert.Equal(["a", "b"], content.Definitions.Select(d => d.Id));
        Assert.Equal("P1D", content.Definitions[0].Cooldown);
        Assert.False(content.Definitions[1].Enabled);
        Assert.Equal(7, content.Definitions[1].Priority);
        Assert.Equal("""{"==":[1,1]}""", content.Definitions[1].When);
        Assert.Equal("""[{"type":"alert","text":"x"}]""", content.Definitions[1].Then);
    }

    [Fact]
    public void A_rule_without_a_tenant_takes_the_given_one_and_an_array_file_reads_too()
    {
        var content = RuleFile.Parse("""[{"RowKey":"a","Enabled":true,"When":"true","Then":"[]"}]""", defaultTenant: "t9");

        Assert.Equal("t9", Assert.Single(content.Definitions).Tenant);
    }

    [Fact]
    public void Validation_names_each_broken_rule_and_its_problem_including_disabled_and_unreadable_ones()
    {
        var content = RuleFile.Parse("""
            {"RowKey":"good","Enabled":true,"When":"{\"==\":[{\"var\":\"signal.kind\"},\"follow\"]}","Then":"[{\"type\":\"message\",\"text\":\"hi\"}]"}
            {"RowKey":"bad-op","Enabled":false,"When":"{\"nosuchop\":[1]}","Then":"[{\"type\":\"message\",\"text\":\"hi\"}]"}
            {"RowKey":"bad-priority","Enabled":true,"Priority":"high"}
            not json
            """);

        var problems = RuleValidation.Validate(content);

        Assert.Equal(["(line 4)", "bad-priority", "bad-op"], problems.Select(p => p.RuleId));
        Assert.Contains("nosuchop", problems[2].Problem, StringComparison.Ordinal);
        Assert.Contains("Priority", problems[1].Problem, StringComparison.Ordinal);
    }
}
