using System.Globalization;
using System.Text;
using Azure.Core;
using Triggers.Azure.Storage;

namespace Triggers.Azure.Queues;

/// <summary>Message operations on one queue. Message text travels base64-encoded, as the Functions queue trigger expects.</summary>
public sealed class QueueClient
{
    /// <summary>The service's limit on a message as sent, i.e. after base64 encoding.</summary>
    public const int MaxEncodedMessageBytes = 64 * 1024;

    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);
    private readonly QueueHttp _http;

    internal QueueClient(QueueHttp http, string name)
    {
        _http = http;
        Name = name;
    }

    public string Name { get; }

    /// <returns>True if this call created the queue.</returns>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        using var message = _http.Create(RequestMethod.Put, Name);
        var response = await _http.SendAsync(message, cancellationToken);
        if (response.Status is 201 or 204)
        {
            return response.Status == 201;
        }

        var error = StorageErrors.FromResponse(response, $"create queue '{Name}'");
        return error.Kind == StorageErrorKind.AlreadyExists ? false : throw error;
    }

    /// <param name="visibilityDelay">How long the message stays invisible (0 to 7 days); null for at once.</param>
    /// <param name="timeToLive">How long it lives; null for the service's 7 days, negative or <see cref="TimeSpan.MaxValue"/> for never expiring.</param>
    public async Task<SendReceipt> SendMessageAsync(
        string text, TimeSpan? visibilityDelay, TimeSpan? timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        if (encoded.Length > MaxEncodedMessageBytes)
        {
            throw new ArgumentException(
                $"The message is {encoded.Length} bytes once base64-encoded, over the queue limit of {MaxEncodedMessageBytes}; keep its UTF-8 text under 48 KiB or store the payload elsewhere and send a reference.",
                nameof(text));
        }

        long? delay = visibilityDelay is { } d ? Seconds(d, TimeSpan.Zero, MaxVisibility, nameof(visibilityDelay)) : null;
        long? ttl = timeToLive switch
        {
            null => null,
            { } t when t == TimeSpan.MaxValue || t < TimeSpan.Zero => -1,
            { } t => Seconds(t, TimeSpan.FromSeconds(1), TimeSpan.MaxValue, nameof(timeToLive)),
        };
        if (delay is { } dv && ttl is { } tv && tv != -1 && dv >= tv)
        {
            throw new ArgumentException($"The visibility delay ({dv} s) must be shorter than the time to live ({tv} s).", nameof(visibilityDelay));
        }

        using var message = _http.Create(RequestMethod.Post, $"{Name}/messages");
        if (delay is { } visibility)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", visibility.ToString(CultureInfo.InvariantCulture));
        }

        if (ttl is { } messageTtl)
        {
            message.Request.Uri.AppendQuery("messagettl", messageTtl.ToString(CultureInfo.InvariantCulture));
        }

        message.Request.Headers.SetValue("Content-Type", "application/xml; charset=utf-8");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessage><MessageText>{encoded}</MessageText></QueueMessage>"));
        var response = await _http.SendAsync(message, cancellationToken);
        if (response.Status != 201)
        {
            throw StorageErrors.FromResponse(response, $"send a message to queue '{Name}'");
        }

        var sent = QueueXml.ReadMessages(response.Content.ToString()).FirstOrDefault()
            ?? throw new StorageRequestFailedException($"Queue '{Name}' accepted a message but its reply named none.");
        return new SendReceipt(sent.MessageId, sent.PopReceipt, sent.InsertionTime, sent.ExpirationTime, sent.NextVisibleTime);
    }

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

    private static long Seconds(TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Must be between {min} and {max}.");
        }

        return (long)Math.Ceiling(value.TotalSeconds);
    }
}
