using Triggers.Azure.Queues;
using Triggers.Azure.Storage;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Queues;

public sealed class QueueMessageLifecycleTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Hidden = TimeSpan.FromSeconds(30);

    private Task<QueueClient> NewQueueAsync() => azurite.CreateQueueAsync(Ct);

    [Fact]
    public async Task Delete_by_pop_receipt_removes_the_message_and_deleting_again_fails_with_not_found()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("once", null, null, Ct);
        var message = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1), Ct));

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, Ct);
        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, Ct));

        Assert.Equal(StorageErrorKind.NotFound, error.Kind);
        Assert.Equal("MessageNotFound", error.ErrorCode);
        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task Update_visibility_returns_a_new_receipt_and_the_old_one_no_longer_deletes()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("retry me", null, null, Ct);
        var message = Assert.Single(await queue.ReceiveMessagesAsync(1, Hidden, Ct));

        var fresh = await queue.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, Hidden, Ct);
        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, Ct));
        await queue.DeleteMessageAsync(message.MessageId, fresh, Ct);

        Assert.NotEqual(message.PopReceipt, fresh);
        Assert.Equal(StorageErrorKind.PreconditionFailed, error.Kind);
        Assert.Equal("PopReceiptMismatch", error.ErrorCode);
        Assert.Empty(await queue.ReceiveMessagesAsync(32, Hidden, Ct));
    }

    [Fact]
    public async Task Update_visibility_to_zero_makes_the_message_receivable_again()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("again", null, null, Ct);
        var first = Assert.Single(await queue.ReceiveMessagesAsync(1, Hidden, Ct));

        await queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero, Ct);
        var second = Assert.Single(await queue.ReceiveMessagesAsync(1, Hidden, Ct));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.Equal("again", second.Text);
    }

    [Fact]
    public async Task A_message_over_64_KiB_once_encoded_is_refused_before_sending()
    {
        var queue = new QueueServiceClient(azurite.Connection).GetQueueClient("unused");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => queue.SendMessageAsync(new string('x', 49 * 1024), null, null, Ct));

        Assert.Contains("64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_largest_message_that_fits_is_accepted()
    {
        var queue = await NewQueueAsync();
        var text = new string('x', 48 * 1024); // base64 of 48 KiB is exactly 64 KiB

        await queue.SendMessageAsync(text, null, null, Ct);

        Assert.Equal(text, Assert.Single(await queue.ReceiveMessagesAsync(1, Hidden, Ct)).Text);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    public void Invalid_queue_names_are_refused(string name)
    {
        var service = new QueueServiceClient(azurite.Connection);

        var error = Assert.Throws<ArgumentException>(() => service.GetQueueClient(name));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
