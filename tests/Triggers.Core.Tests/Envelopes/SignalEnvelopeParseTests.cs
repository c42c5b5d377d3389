using System.Text;
using System.Text.Json;
using Triggers.Core.Envelopes;
using Triggers.Core.Signals;
using static Triggers.Core.Tests.Envelopes.EnvelopeSamples;

namespace Triggers.Core.Tests.Envelopes;

public sealed class SignalEnvelopeParseTests
{
    [Fact]
    public void A_single_object_becomes_one_signal_with_the_context_and_the_body_fields()
    {
        var result = Parse(Minimal);

        Assert.True(result.IsValid);
        var signal = Assert.Single(result.Signals);
        Assert.Equal("crm", signal.Channel);
        Assert.Equal("generic", signal.Platform);
        Assert.Equal("acme", signal.Tenant);
        Assert.Equal(SignalKinds.Message, signal.Kind);
        Assert.Null(signal.Type);
        Assert.Equal(new SignalActor("cust-42"), signal.Actor);
        Assert.Equal("hello", signal.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 10, 4, 5, TimeSpan.FromHours(8)), signal.OccurredAt);
        Assert.Equal(ReceivedAt, signal.ReceivedAt);
        Assert.Equal("evt-1", signal.DedupeKey);
        Assert.Equal(Minimal, signal.Raw);
        Assert.Equal("json", signal.RawFormat);
        Assert.Empty(signal.Attributes);
    }

    [Fact]
    public void The_signal_id_is_derived_from_tenant_channel_and_the_body_id()
    {
        var signal = Assert.Single(Parse(Minimal).Signals);

        Assert.Equal(SignalIds.Create("acme", "crm", "evt-1"), signal.Id);
    }

    [Fact]
    public void Optional_fields_are_carried_over()
    {
        const string json = """
            {"id":"evt-9","kind":"order","actor":{"id":"cust-7","name":"Ann"},"text":"","occurredAt":"2026-11-03T02:04:05.250Z",
             "type":"order.paid","attributes":{"orderId":"A123","amount":"99.00"},"channel":"crm","platform":"generic","tenant":"acme"}
            """;

        var signal = Assert.Single(Parse(json).Signals);

        Assert.Equal(new SignalActor("cust-7", "Ann"), signal.Actor);
        Assert.Equal(string.Empty, signal.Text);
        Assert.Equal("order.paid", signal.Type);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 2, 4, 5, 250, TimeSpan.Zero), signal.OccurredAt);
        Assert.Equal(new Dictionary<string, string> { ["orderId"] = "A123", ["amount"] = "99.00" }, signal.Attributes);
    }

    [Fact]
    public void Null_text_type_name_and_attributes_mean_none()
    {
        var json = """{"id":"e","kind":"follow","actor":{"id":"c","name":null},"text":null,"occurredAt":"2026-11-03T02:04:05Z","type":null,"attributes":null}""";

        var signal = Assert.Single(Parse(json).Signals);

        Assert.Null(signal.Text);
        Assert.Null(signal.Type);
        Assert.Null(signal.Actor.Name);
        Assert.Empty(signal.Attributes);
    }

    [Fact]
    public void An_array_becomes_signals_in_order_each_with_its_own_raw_text()
    {
        var result = Parse(Array(Item(1), Item(2), Item(3)));

        Assert.Equal(["evt-1", "evt-2", "evt-3"], result.Signals.Select(s => s.DedupeKey));
        Assert.Equal(Item(2), result.Signals[1].Raw);
    }

    [Fact]
    public void A_batch_of_exactly_the_maximum_is_accepted()
    {
        var items = Enumerable.Range(0, SignalEnvelope.MaxBatch).Select(Item).ToArray();

        Assert.Equal(100, Parse(Array(items)).Signals.Count);
    }

    [Theory]
    [InlineData("2026-11-03T02:04:05Z", 0)]
    [InlineData("2026-11-03T10:04:05+08:00", 8)]
    [InlineData("2026-11-02T21:04:05-05:00", -5)]
    [InlineData("2026-11-03T02:04:05.123456789Z", 0)]
    public void Date_times_with_an_offset_or_z_are_accepted(string occurredAt, int offsetHours)
    {
        var signal = Assert.Single(Parse(With("occurredAt", $"\"{occurredAt}\"")).Signals);

        Assert.Equal(TimeSpan.FromHours(offsetHours), signal.OccurredAt.Offset);
        Assert.Equal(1793671445, signal.OccurredAt.ToUnixTimeSeconds()); // 2026-11-03T02:04:05Z
    }

    [Fact]
    public void A_leading_byte_order_mark_and_surrounding_whitespace_are_ignored()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("\n " + Minimal + " \r\n")).ToArray();

        Assert.Single(SignalEnvelope.Parse(bytes, Context).Signals);
    }

    [Fact]
    public void The_element_overload_reads_an_element_of_a_larger_document()
    {
        using var document = JsonDocument.Parse($$"""{"messages":{{Array(Item(1), Item(2))}}}""");

        var result = SignalEnvelope.Parse(document.RootElement.GetProperty("messages"), Context);

        Assert.Equal(2, result.Signals.Count);
    }

    [Fact]
    public void Non_ascii_text_survives_unchanged()
    {
        var signal = Assert.Single(Parse(With("text", "\"快递坏了，我要退款 😡\"")).Signals);

        Assert.Equal("快递坏了，我要退款 😡", signal.Text);
    }

    [Fact]
    public void An_id_of_256_characters_is_accepted_counting_characters_not_bytes()
    {
        var id = new string('单', 256);

        Assert.Equal(id, Assert.Single(Parse(With("id", $"\"{id}\"")).Signals).DedupeKey);
    }

    [Fact]
    public void A_context_with_an_empty_channel_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => SignalEnvelope.Parse("{}"u8, Context with { Channel = "" }));
    }
}
