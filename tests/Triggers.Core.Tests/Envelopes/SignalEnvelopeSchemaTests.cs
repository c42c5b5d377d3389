using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Triggers.Core.Envelopes;
using Triggers.Core.Signals;
using Triggers.Testing;

namespace Triggers.Core.Tests.Envelopes;

/// <summary>The published JSON Schema and the parser must describe the same shape.</summary>
public sealed class SignalEnvelopeSchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "schemas", "signal-envelope.schema.json")))!.AsObject();

    private static readonly JsonObject SignalSchema = Schema["$defs"]!["signal"]!.AsObject();

    private static readonly JsonObject Example = Schema["examples"]![0]!.AsObject();

    private static readonly EnvelopeContext ExampleContext = new(
        Example["channel"]!.GetValue<string>(), Example["platform"]!.GetValue<string>(), Example["tenant"]!.GetValue<string>(), DateTimeOffset.UnixEpoch);

    public static TheoryData<string> SchemaProperties => [.. Names(SignalSchema["properties"]!.AsObject())];

    [Fact]
    public void The_schema_is_draft_2020_12()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void The_example_uses_every_schema_property_and_the_parser_accepts_it()
    {
        Assert.Equal(Names(SignalSchema["properties"]!.AsObject()).Order(), Example.Select(p => p.Key).Order());

        var result = Parse(Example, ExampleContext);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [MemberData(nameof(SchemaProperties))]
    public void A_property_is_required_by_the_parser_exactly_when_the_schema_requires_it(string name)
    {
        var without = Example.DeepClone().AsObject();
        without.Remove(name);

        var result = Parse(without, ExampleContext);

        var required = Strings(SignalSchema["required"]!).Contains(name);
        Assert.Equal(required, result.Errors.Any(e => e.Path == "$." + name && e.Message.StartsWith("is required", StringComparison.Ordinal)));
        Assert.Equal(required, !result.IsValid);
    }

    [Fact]
    public void The_parser_names_exactly_the_schema_properties_as_the_accepted_ones()
    {
        var error = SingleUnknownPropertyError(EnvelopeSamples.With("notInSchema", "1"));

        Assert.Equal(Names(SignalSchema["properties"]!.AsObject()).Order(), AcceptedNames(error).Order());
    }

    [Fact]
    public void The_actor_schema_matches_the_parser()
    {
        var actorSchema = SignalSchema["properties"]!["actor"]!.AsObject();
        var error = SingleUnknownPropertyError(EnvelopeSamples.With("actor", """{"id":"c","notInSchema":1}"""));

        Assert.Equal(Names(actorSchema["properties"]!.AsObject()).Order(), AcceptedNames(error).Order());
        Assert.Equal(["id"], Strings(actorSchema["required"]!));
        Assert.Equal("$.actor.id", Assert.Single(EnvelopeSamples.Parse(EnvelopeSamples.With("actor", """{"name":"Ann"}""")).Errors).Path);
    }

    [Fact]
    public void The_kind_enum_is_the_fixed_vocabulary()
    {
        Assert.Equal(SignalKinds.All.Order(), Strings(SignalSchema["properties"]!["kind"]!["enum"]!).Order());
    }

    [Fact]
    public void The_limits_agree()
    {
        var id = SignalSchema["properties"]!["id"]!;
        var array = Schema["oneOf"]![1]!;

        Assert.Equal(1, id["minLength"]!.GetValue<int>());
        Assert.Equal(256, id["maxLength"]!.GetValue<int>());
        Assert.Equal(1, array["minItems"]!.GetValue<int>());
        Assert.Equal(SignalEnvelope.MaxBatch, array["maxItems"]!.GetValue<int>());
        Assert.False(SignalSchema["additionalProperties"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("2026-11-03T02:04:05Z")]
    [InlineData("2026-11-03T10:04:05+08:00")]
    [InlineData("2026-11-03T02:04:05.123456789Z")]
    [InlineData("2026-11-03T10:04:05")]
    [InlineData("2026-11-03 10:04:05Z")]
    [InlineData("2026-11-03T10:04:05+0800")]
    [InlineData("2026-11-03")]
    [InlineData("1793671445")]
    public void The_occurred_at_pattern_accepts_what_the_parser_accepts(string occurredAt)
    {
        var pattern = new Regex(SignalSchema["properties"]!["occurredAt"]!["pattern"]!.GetValue<string>(), RegexOptions.ECMAScript);

        var parsed = EnvelopeSamples.Parse(EnvelopeSamples.With("occurredAt", JsonSerializer.Serialize(occurredAt)));

        Assert.Equal(pattern.IsMatch(occurredAt), parsed.IsValid);
    }

    private static EnvelopeResult Parse(JsonObject item, EnvelopeContext context) =>
        SignalEnvelope.Parse(Encoding.UTF8.GetBytes(item.ToJsonString()), context);

    private static EnvelopeError SingleUnknownPropertyError(string json)
    {
        var error = Assert.Single(EnvelopeSamples.Parse(json).Errors);
        Assert.Contains("expected only ", error.Message, StringComparison.Ordinal);
        return error;
    }

    private static IEnumerable<string> AcceptedNames(EnvelopeError error) =>
        error.Message[(error.Message.IndexOf("expected only ", StringComparison.Ordinal) + "expected only ".Length)..].Split(", ");

    private static IEnumerable<string> Names(JsonObject properties) => properties.Select(p => p.Key);

    private static string[] Strings(JsonNode array) => [.. array.AsArray().Select(n => n!.GetValue<string>())];
}
