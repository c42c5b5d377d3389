using System.Globalization;
using Azure.Core;
using Triggers.Azure.Storage;

namespace Triggers.Azure.Queues;

/// <summary>Receiving, deleting and re-hiding messages.</summary>
public sealed partial class QueueClient
{
    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="visibilityTimeout">How long the received messages stay hidden from others: 1 second to 7 days.</param>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(
        int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var seconds = Seconds(visibilityTimeout, TimeSpan.FromSeconds(1), MaxVisibility, nameof(visibilityTimeout));

        using var message = _http.Create(RequestMethod.Get, $"{Name}/messages");
        message.Request.Uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture));
        message.Request.Uri.AppendQuery("visibilitytimeout", seconds.ToString(CultureInfo.InvariantCulture));
        var response = await _http.SendAsync(message, cancellationToken);
        if (response.Status != 200)
        {
            throw StorageErrors.FromResponse(response, $"receive messages from queue '{Name}'");
        }

        return QueueXml.ReadMessages(response.Content.ToString());
    }

    /// <exception cref="StorageRequestFailedException">
    /// Kind NotFound when the message is gone; PreconditionFailed (PopReceiptMismatch) when the pop receipt is stale
    /// because the message was received or updated again since.
    /// </exception>
    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _http.Create(RequestMethod.Delete, $"{Name}/messages/{Uri.EscapeDataString(messageId)}");
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        var response = await _http.SendAsync(message, cancellationToken);
        if (response.Status != 204)
        {
            throw StorageErrors.FromResponse(response, $"delete message {messageId} from queue '{Name}'");
        }
    }

    /// <param name="visibilityTimeout">From now until the message shows again: 0 to 7 days.</param>
    /// <returns>The new pop receipt; the old one no longer works.</returns>
    public async Task<string> UpdateVisibilityAsync(
        string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var seconds = Seconds(visibilityTimeout, TimeSpan.Zero, MaxVisibility, nameof(visibilityTimeout));
        using var message = _http.Create(RequestMethod.Put, $"{Name}/messages/{Uri.EscapeDataString(messageId)}");
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        message.Request.Uri.AppendQuery("visibilitytimeout", seconds.ToString(CultureInfo.InvariantCulture));
        var response = await _http.SendAsync(message, cancellationToken);
        if (response.Status != 204)
        {
            throw StorageErrors.FromResponse(response, $"update the visibility of message {messageId} in queue '{Name}'");
        }

        return response.Headers.TryGetValue("x-ms-popreceipt", out var receipt)
            ? receipt
            : throw new StorageRequestFailedException($"Queue '{Name}' updated message {messageId} but sent no new pop receipt.");
    }
}
