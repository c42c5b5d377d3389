using Azure.Core;
using Triggers.Azure.Queues;
using Triggers.Azure.Storage;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Queues;

public sealed class QueueSendReceiveTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Hidden = TimeSpan.FromSeconds(30);

    private Task<QueueClient> NewQueueAsync() => azurite.CreateQueueAsync(Ct);

    [Fact]
    public async Task Create_if_not_exists_creates_once_then_reports_the_queue_exists()
    {
        var queue = new QueueServiceClient(azurite.Connection).GetQueueClient(azurite.UniqueName("q"));

        Assert.True(await queue.CreateIfNotExistsAsync(Ct));
        Assert.False(await queue.CreateIfNotExistsAsync(Ct));
    }

    [Fact]
    public async Task A_sent_message_is_received_with_its_text_decoded()
    {
        var queue = await NewQueueAsync();
        const string text = "{\"text\":\"你好 <b>&amp;</b> 👋\"}";

        var receipt = await queue.SendMessageAsync(text, null, null, Ct);
        var message = Assert.Single(await queue.ReceiveMessagesAsync(32, Hidden, Ct));

        Assert.Equal(receipt.MessageId, message.MessageId);
        Assert.Equal(text, message.Text);
        Assert.Equal(1, message.DequeueCount);
        Assert.NotEqual(receipt.PopReceipt, message.PopReceipt);
        Assert.True(message.NextVisibleTime > message.InsertionTime);
        Assert.Equal(TimeSpan.FromDays(7), receipt.ExpirationTime - receipt.InsertionTime);
    }

    [Fact]
    public async Task The_message_travels_base64_encoded_as_the_functions_queue_trigger_expects()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("hello", null, null, Ct);
        var http = new QueueHttp(StoragePipeline.Build(azurite.Connection, StorageService.Queue, new QueueClientOptions()), azurite.Connection.QueueEndpoint);

        using var peek = http.Create(RequestMethod.Get, $"{queue.Name}/messages");
        peek.Request.Uri.AppendQuery("peekonly", "true");
        var response = await http.SendAsync(peek, Ct);

        Assert.Equal(200, response.Status);
        Assert.Contains("<MessageText>aGVsbG8=</MessageText>", response.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visibility_delay_hides_the_message_until_it_passes()
    {
        var queue = await NewQueueAsync();

        var receipt = await queue.SendMessageAsync("later", TimeSpan.FromMinutes(5), null, Ct);

        Assert.Empty(await queue.ReceiveMessagesAsync(32, Hidden, Ct));
        Assert.True(receipt.NextVisibleTime >= receipt.InsertionTime.AddMinutes(5));
    }

    [Fact]
    public async Task A_receive_returns_at_most_32_messages()
    {
        var queue = await NewQueueAsync();
        await Task.WhenAll(Enumerable.Range(0, 33).Select(i => queue.SendMessageAsync($"m{i}", null, null, Ct)));

        var first = await queue.ReceiveMessagesAsync(32, Hidden, Ct);
        var rest = await queue.ReceiveMessagesAsync(32, Hidden, Ct);

        Assert.Equal(32, first.Count);
        Assert.Single(rest);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task A_receive_count_outside_1_to_32_is_refused(int count)
    {
        var queue = new QueueServiceClient(azurite.Connection).GetQueueClient("unused");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(count, Hidden, Ct));
    }

    [Fact]
    public async Task A_time_to_live_of_max_value_never_expires()
    {
        var queue = await NewQueueAsync();

        var receipt = await queue.SendMessageAsync("forever", null, TimeSpan.MaxValue, Ct);

        Assert.Equal(9999, receipt.ExpirationTime.Year);
    }

    [Fact]
    public async Task Sending_to_a_missing_queue_fails_with_not_found()
    {
        var queue = new QueueServiceClient(azurite.Connection).GetQueueClient(azurite.UniqueName("q"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.SendMessageAsync("x", null, null, Ct));

        Assert.Equal(StorageErrorKind.NotFound, error.Kind);
        Assert.Equal("QueueNotFound", error.ErrorCode);
    }

    [Fact]
    public void Text_that_is_not_base64_is_passed_through_unchanged()
    {
        Assert.Equal("plain text!", QueueXml.Decode("plain text!"));
        Assert.Equal("hello", QueueXml.Decode("aGVsbG8="));
    }

}
