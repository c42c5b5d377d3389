using System.Text.Json.Nodes;
using Triggers.Deploy.Tests.Infrastructure;

namespace Triggers.Deploy.Tests.Bicep;

/// <summary>The ARM expression reader the Bicep tests stand on reads what bicep writes, and writes it back unchanged.</summary>
public sealed class ArmExpressionTests(InfraFixture infra)
{
    [Theory]
    [InlineData("parameters('name')")]
    [InlineData("format('{0}/{1}', parameters('name'), 'default')")]
    [InlineData("split(split(reference('serviceBus').serviceBusEndpoint, '/')[2], ':')[0]")]
    [InlineData("reference('functionApp').outputs.uri.value")]
    [InlineData("variables('blobContainerNames')[copyIndex()]")]
    [InlineData("lambda('setting', string(lambdaVariables('setting').value))")]
    [InlineData("createObject('it''s', -1, 'b', true())")]
    [InlineData("__bicep.helper(1, 'x')")]
    public void An_expression_reads_back_to_the_same_text(string expression)
    {
        Assert.Equal(expression, ArmExpressionParser.Parse(expression).ToString());
    }

    [Fact]
    public void Brackets_make_an_expression_and_a_double_bracket_a_literal()
    {
        Assert.Equal("x", Assert.IsType<ArmCall>(ArmValue.Of(JsonValue.Create("[parameters('x')]"))).Args[0].StringValue);
        Assert.Equal("[not an expression]", ArmValue.Of(JsonValue.Create("[[not an expression]")).StringValue);
        Assert.Equal("it's", ArmExpressionParser.Parse("'it''s'").StringValue);
        Assert.Equal("plain", ArmValue.Of(JsonValue.Create("plain")).StringValue);
    }

    [Theory]
    [InlineData("parameters('x'")]
    [InlineData("'unterminated")]
    [InlineData("a.b")]
    [InlineData("f() g()")]
    public void A_malformed_expression_is_an_error_not_a_guess(string expression)
    {
        Assert.Throws<FormatException>(() => ArmExpressionParser.Parse(expression));
    }

    [Fact]
    public void Every_expression_bicep_wrote_into_the_templates_reads_back_to_exactly_its_text()
    {
        var expressions = infra.Templates
            .SelectMany(t => Strings(t.Json))
            .Where(s => s.StartsWith('[') && !s.StartsWith("[[", StringComparison.Ordinal) && s.EndsWith(']'))
            .ToList();

        Assert.NotEmpty(expressions);
        Assert.All(expressions, e => Assert.Equal(e, $"[{ArmExpressionParser.Parse(e[1..^1])}]"));
    }

    [Fact]
    public void A_resource_reads_the_same_through_its_name_resourceId_and_a_scope_path()
    {
        var template = new ArmTemplate(new JsonObject(), "test");
        var byName = new ResourceRef("Microsoft.Storage/storageAccounts/blobServices/containers", ArmTemplate.NameSegments(ArmExpressionParser.Parse("format('{0}/{1}/{2}', parameters('account'), 'default', parameters('container'))")));

        Assert.Equal(byName, template.RefOf(ArmExpressionParser.Parse("resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('account'), 'default', parameters('container'))")));
        Assert.Equal(byName, template.RefOf(ArmExpressionParser.Parse("format('Microsoft.Storage/storageAccounts/{0}/blobServices/default/containers/{1}', parameters('account'), parameters('container'))")));
        Assert.NotEqual(byName, template.RefOf(ArmExpressionParser.Parse("resourceId('Microsoft.Storage/storageAccounts', parameters('account'))")));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
