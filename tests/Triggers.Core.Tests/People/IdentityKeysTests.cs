using System.Text;
using System.Text.Json;
using Triggers.Core.Envelopes;
using Triggers.Core.People;

namespace Triggers.Core.Tests.People;

public sealed class IdentityKeysTests
{
    private static readonly EnvelopeContext Salted = new("crm", "generic", "acme", new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero), "a-salt-of-sixteen-chars");

    private static EnvelopeResult Parse(string attributes, EnvelopeContext? context = null) => SignalEnvelope.Parse(
        Encoding.UTF8.GetBytes($$"""{"id":"o-1","kind":"order","actor":{"id":"buyer-1"},"text":null,"occurredAt":"2026-12-07T10:00:00+08:00","attributes":{{attributes}}}"""),
        context ?? Salted);

    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("0086 13800138000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("+44 (20) 7946 0958", "+442079460958")]
    public void Phone_numbers_written_differently_normalise_to_one_form(string written, string expected)
    {
        Assert.Equal(expected, IdentityKeys.Normalise(written, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1380013800a")]
    [InlineData("23800138000")]
    [InlineData("138+00138000")]
    public void Something_that_is_not_a_phone_number_is_refused_with_what_to_write(string written)
    {
        Assert.Null(IdentityKeys.Normalise(written, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void A_phone_number_on_an_order_is_replaced_by_its_salted_hash_in_the_attributes_and_the_raw_copy()
    {
        var signal = Assert.Single(Parse("""{"phone":"+86 138 0013 8000","orderId":"A1"}""").Signals);
        var again = Assert.Single(Parse("""{"phone":"13800138000"}""").Signals);
        var otherTenant = Assert.Single(Parse("""{"phone":"13800138000"}""", Salted with { Tenant = "other", PhoneSalt = "another-salt-of-16-ch" }).Signals);

        Assert.False(signal.Attributes.ContainsKey("phone"));
        Assert.Equal(32, signal.Attributes["phoneHash"].Length);
        Assert.Equal(signal.Attributes["phoneHash"], again.Attributes["phoneHash"]);
        Assert.NotEqual(signal.Attributes["phoneHash"], otherTenant.Attributes["phoneHash"]);
        Assert.DoesNotContain("138", signal.Raw, StringComparison.Ordinal);
        Assert.Equal("(hashed)", JsonDocument.Parse(signal.Raw!).RootElement.GetProperty("attributes").GetProperty("phone").GetString());
        Assert.Equal([new AccountRef("phone", signal.Attributes["phoneHash"])], IdentityKeys.Of(signal));
    }

    [Theory]
    [InlineData("""{"phone":"13800138000"}""", null, "$.attributes.phone", "has no Tenants:acme:PhoneSalt configured")]
    [InlineData("""{"phone":"call me"}""", "a-salt-of-sixteen-chars", "$.attributes.phone", "must be a phone number of digits")]
    [InlineData("""{"phoneHash":"0123456789abcdef0123456789abcdef"}""", "a-salt-of-sixteen-chars", "$.attributes.phoneHash", "send the number as phone instead")]
    [InlineData("""{"unionid":"o6_b mW"}""", "a-salt-of-sixteen-chars", "$.attributes.unionid", "without spaces")]
    public void A_phone_or_unionid_that_cannot_be_used_is_refused_at_its_path_and_nothing_is_accepted(string attributes, string? salt, string path, string expected)
    {
        var result = Parse(attributes, Salted with { PhoneSalt = salt });

        Assert.Empty(result.Signals);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phone_number_is_never_echoed_into_an_error_or_a_poison_copy()
    {
        var numeric = Parse("""{"phone":13800138000}""");
        var redacted = IdentityKeys.RedactPhones("""[{"attributes":{"phone":"+86 138 0013 8000","x":"1"}},{"attributes":{ "phone" : 13800138000 }}]""");

        Assert.DoesNotContain("13800138000", Assert.Single(numeric.Errors).Message, StringComparison.Ordinal);
        Assert.DoesNotContain("138", redacted, StringComparison.Ordinal);
        Assert.Contains("\"x\":\"1\"", redacted, StringComparison.Ordinal);
    }
}
