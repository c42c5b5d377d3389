using System.Text;
using Triggers.Core.Envelopes;
using static Triggers.Core.Tests.Envelopes.EnvelopeSamples;

namespace Triggers.Core.Tests.Envelopes;

public sealed class SignalEnvelopeErrorTests
{
    [Theory]
    [InlineData("id")]
    [InlineData("kind")]
    [InlineData("actor")]
    [InlineData("text")]
    [InlineData("occurredAt")]
    public void A_missing_required_property_is_reported_at_its_path(string name)
    {
        var error = SingleError(Without(name));

        Assert.Equal("$." + name, error.Path);
        Assert.StartsWith("is required: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_property_is_named_with_a_hint()
    {
        var error = SingleError(With("Type", "\"x\""));

        Assert.Equal("$.Type", error.Path);
        Assert.Contains("did you mean 'type'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_lists_the_accepted_ones()
    {
        var error = SingleError(With("contact", "\"x\""));

        Assert.Equal("$.contact", error.Path);
        Assert.Contains("id, kind, actor, text, occurredAt, type, attributes, channel, platform, tenant", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "42", "got the number 42")]
    [InlineData("id", "\"\"", "got a string of 0 characters")]
    [InlineData("kind", "\"chat\"", "got 'chat'")]
    [InlineData("kind", "null", "got null")]
    [InlineData("actor", "\"cust-42\"", "got a string")]
    [InlineData("text", "{}", "got an object")]
    [InlineData("type", "true", "got true")]
    [InlineData("attributes", "[]", "got an array")]
    public void A_value_of_the_wrong_type_says_what_was_expected(string name, string valueJson, string got)
    {
        var error = SingleError(With(name, valueJson));

        Assert.Equal("$." + name, error.Path);
        Assert.StartsWith("expected ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(got, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "is required for a redeem signal")]
    [InlineData("""{"reward": "  "}""", "is required for a redeem signal")]
    [InlineData("""{"reward": "a\u0001b"}""", "without control characters")]
    public void A_redeem_signal_must_name_its_reward(string attributes, string expected)
    {
        var error = SingleError(With("kind", "\"redeem\"").TrimEnd('}') + ",\"attributes\":" + attributes + "}");

        Assert.Equal("$.attributes.reward", error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_over_256_characters_is_refused()
    {
        var error = SingleError(With("id", $"\"{new string('x', 257)}\""));

        Assert.Equal("$.id", error.Path);
        Assert.Contains("257 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kind_must_be_one_of_the_fixed_vocabulary()
    {
        var error = SingleError(With("kind", "\"Message\""));

        Assert.Contains("agent_message, comment, contact_added", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("{\"name\":\"Ann\"}")]
    public void Actor_id_must_be_a_non_empty_string(string actorIdJson)
    {
        var actor = actorIdJson.StartsWith('{') ? actorIdJson : $"{{\"id\":{actorIdJson}}}";

        var error = SingleError(With("actor", actor));

        Assert.Equal("$.actor.id", error.Path);
    }

    [Fact]
    public void Actor_rejects_unknown_properties()
    {
        Assert.Equal("$.actor.nick", SingleError(With("actor", """{"id":"c","nick":"x"}""")).Path);
    }

    [Theory]
    [InlineData("2026-11-03T10:04:05")]
    [InlineData("2026-11-03 10:04:05Z")]
    [InlineData("2026-11-03")]
    [InlineData("2026-11-03T10:04Z")]
    [InlineData("2026-11-03t10:04:05z")]
    [InlineData("2026-11-03T10:04:05+0800")]
    [InlineData("2026-11-03T10:04:05+08")]
    [InlineData("2026-02-30T10:04:05Z")]
    [InlineData("2026-11-03T10:04:05+15:00")]
    [InlineData("1793671445")]
    [InlineData("Tue, 03 Nov 2026 02:04:05 GMT")]
    [InlineData("2026-11-03T10:04:05Z\n")]
    [InlineData("２０２６-11-03T10:04:05Z")]
    public void Occurred_at_without_an_offset_or_in_another_format_is_refused(string occurredAt)
    {
        var error = SingleError(With("occurredAt", System.Text.Json.JsonSerializer.Serialize(occurredAt)));

        Assert.Equal("$.occurredAt", error.Path);
        Assert.Contains("ISO-8601 date-time with an offset or Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Occurred_at_as_a_unix_number_is_refused()
    {
        var error = SingleError(With("occurredAt", "1793671445"));

        Assert.Equal("$.occurredAt", error.Path);
        Assert.EndsWith("got the number 1793671445", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("channel", "\"other\"", "this endpoint's channel is 'crm'")]
    [InlineData("platform", "\"wechat\"", "this endpoint's platform is 'generic'")]
    [InlineData("tenant", "\"someone-else\"", "this endpoint's tenant is 'acme'")]
    [InlineData("tenant", "\"ACME\"", "this endpoint's tenant is 'acme'")]
    [InlineData("tenant", "null", "expected the string 'acme' or no tenant at all")]
    public void Channel_platform_and_tenant_cannot_be_overridden(string name, string valueJson, string expected)
    {
        var error = SingleError(With(name, valueJson));

        Assert.Equal("$." + name, error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribute_values_must_be_strings_and_each_bad_one_is_named()
    {
        var result = Parse(With("attributes", """{"orderId":"A1","amount":99,"paid":true,"":"x"}"""));

        Assert.Empty(result.Signals);
        Assert.Equal(["$.attributes.amount", "$.attributes.paid", "$.attributes['']"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void A_repeated_property_is_refused_rather_than_one_copy_silently_winning()
    {
        var json = Minimal.Replace("\"text\":\"hello\"", "\"text\":\"hello\",\"text\":\"bye\"", StringComparison.Ordinal);

        Assert.Equal("$.text", SingleError(json).Path);
    }

    [Fact]
    public void Every_error_in_every_item_is_reported_with_its_index()
    {
        var bad = """{"id":"x","kind":"nope","actor":{"id":""},"text":1,"occurredAt":"yesterday","extra":true}""";

        var result = Parse(Array(Item(0), Item(1), bad));

        Assert.Empty(result.Signals);
        Assert.Equal(
            ["$[2].extra", "$[2].kind", "$[2].actor.id", "$[2].text", "$[2].occurredAt"],
            result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void One_bad_item_means_no_signals_at_all()
    {
        var result = Parse(Array(Item(0), Item(1), Without("text")));

        Assert.False(result.IsValid);
        Assert.Empty(result.Signals);
        Assert.Equal("$[2].text", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Two_items_with_the_same_id_are_refused()
    {
        var error = SingleError(Array(Item(0), Item(1), Item(0)));

        Assert.Equal("$[2].id", error.Path);
        Assert.Contains("$[0]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "array is empty")]
    [InlineData("\"hello\"", "got a string")]
    [InlineData("null", "got null")]
    [InlineData("", "body is empty")]
    [InlineData("  \r\n", "body is empty")]
    [InlineData("{\"id\":", "body is not valid JSON at line 1")]
    [InlineData("{} {}", "body is not valid JSON")]
    public void A_body_that_is_not_an_object_or_array_of_objects_is_refused_at_the_root(string body, string expected)
    {
        var error = SingleError(body);

        Assert.Equal("$", error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_over_the_maximum_is_refused_whole()
    {
        var error = SingleError(Array(Enumerable.Range(0, 101).Select(Item).ToArray()));

        Assert.Equal("$", error.Path);
        Assert.Contains("101 items", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_array_item_that_is_not_an_object_is_named()
    {
        var error = SingleError(Array(Item(0), "[1]"));

        Assert.Equal("$[1]", error.Path);
        Assert.Equal("expected a signal object, got an array", error.Message);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_its_offset()
    {
        var bytes = Encoding.UTF8.GetBytes(Minimal);
        bytes[Minimal.IndexOf("hello", StringComparison.Ordinal)] = 0xFF;

        var error = Assert.Single(SignalEnvelope.Parse(bytes, Context).Errors);

        Assert.Equal("$", error.Path);
        Assert.Contains($"offset {Minimal.IndexOf("hello", StringComparison.Ordinal)}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unpaired_surrogate_escape_is_refused_not_thrown()
    {
        var error = SingleError(Minimal.Replace("\"hello\"", "\"\\ud800\"", StringComparison.Ordinal));

        Assert.Equal("$.text", error.Path);
        Assert.Contains("not valid text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unpaired_surrogate_in_a_property_name_is_refused_not_thrown()
    {
        var error = SingleError(Minimal.Replace("{\"id\"", "{\"\\udc00\":1,\"id\"", StringComparison.Ordinal));

        Assert.Equal("$", error.Path);
        Assert.Contains("property name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Odd_property_names_are_quoted_and_shortened_in_paths()
    {
        var error = SingleError(With("it's " + new string('x', 100), "1"));

        Assert.StartsWith("$['it\\'s xxx", error.Path, StringComparison.Ordinal);
        Assert.EndsWith("…']", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Thousands_of_errors_are_capped_with_a_count_of_the_rest()
    {
        var extra = string.Concat(Enumerable.Range(0, 500).Select(i => $",\"x{i}\":0"));

        var result = Parse(Minimal.TrimEnd('}') + extra + "}");

        Assert.Equal(101, result.Errors.Count);
        Assert.Equal(new EnvelopeError("$", "400 more errors were found but not listed; fix the ones above and send again"), result.Errors[^1]);
    }

    [Fact]
    public void Errors_print_as_path_colon_message()
    {
        Assert.Equal("$[2].actor.id: is required", new EnvelopeError("$[2].actor.id", "is required").ToString());
    }
}
