using Triggers.Azure.Tables;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Tables;

public sealed class TableEntityTypeTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TableEntity> RoundTripAsync(TableEntity entity)
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient(azurite.UniqueName());
        await table.CreateIfNotExistsAsync(Ct);
        await table.AddEntityAsync(entity, Ct);
        return (await table.GetEntityAsync(entity.PartitionKey, entity.RowKey, null, Ct))!;
    }

    [Fact]
    public async Task Every_supported_type_round_trips_with_its_type()
    {
        var when = new DateTimeOffset(2026, 11, 22, 1, 2, 3, TimeSpan.Zero).AddTicks(4567);
        var id = Guid.NewGuid();

        var read = await RoundTripAsync(new TableEntity("p", "r")
        {
            ["Text"] = "héllo",
            ["Flag"] = true,
            ["Small"] = -42,
            ["Big"] = 5_000_000_000L,
            ["Whole"] = 3.0,
            ["Fraction"] = 2.5,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 254, 255 },
        });

        Assert.Equal("héllo", read.GetString("Text"));
        Assert.True(read.GetBoolean("Flag"));
        Assert.IsType<int>(read["Small"]);
        Assert.Equal(-42, read.GetInt32("Small"));
        Assert.IsType<long>(read["Big"]);
        Assert.Equal(5_000_000_000L, read.GetInt64("Big"));
        Assert.IsType<double>(read["Whole"]);
        Assert.Equal(3.0, read.GetDouble("Whole"));
        Assert.Equal(2.5, read.GetDouble("Fraction"));
        Assert.Equal(when, read.GetDateTimeOffset("When"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, read.GetBinary("Bytes"));
    }

    [Fact]
    public async Task A_DateTime_is_stored_as_utc()
    {
        var local = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).ToLocalTime();

        var read = await RoundTripAsync(new TableEntity("p", "r") { ["When"] = local, ["Unspecified"] = new DateTime(2026, 1, 2, 3, 4, 5) });

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), read.GetDateTimeOffset("When"));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), read.GetDateTimeOffset("Unspecified"));
    }

    [Fact]
    public async Task Property_names_are_case_sensitive()
    {
        var read = await RoundTripAsync(new TableEntity("p", "r") { ["name"] = "lower", ["Name"] = "upper" });

        Assert.Equal("lower", read.GetString("name"));
        Assert.Equal("upper", read.GetString("Name"));
    }

    [Fact]
    public async Task Null_properties_are_not_stored()
    {
        var read = await RoundTripAsync(new TableEntity("p", "r") { ["Gone"] = null, ["Here"] = "x" });

        Assert.False(read.ContainsKey("Gone"));
        Assert.Equal("x", read.GetString("Here"));
    }

    [Fact]
    public void Absent_properties_read_as_null_and_wrong_types_throw_naming_the_property()
    {
        var entity = new TableEntity("p", "r") { ["N"] = 5 };

        Assert.Null(entity.GetString("Missing"));
        Assert.Null(entity.GetInt64("Missing"));
        Assert.Equal(5L, entity.GetInt64("N"));
        Assert.Equal(5.0, entity.GetDouble("N"));
        var error = Assert.Throws<InvalidOperationException>(() => entity.GetString("N"));
        Assert.Contains("'N'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_property_type_is_refused_naming_the_property()
    {
        var table = new TableServiceClient(azurite.Connection).GetTableClient("unused");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => table.AddEntityAsync(new TableEntity("p", "r") { ["Price"] = 1.5m }, Ct));

        Assert.Contains("'Price'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Decimal", error.Message, StringComparison.Ordinal);
    }
}
