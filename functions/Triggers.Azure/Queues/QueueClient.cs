using System.Globalization;
using System.Text;
using Azure.Core;
using Triggers.Azure.Storage;

namespace Triggers.Azure.Queues;

/// <summary>Message operations on one queue. Message text travels base64-encoded, as the Functions queue trigger expects.</summary>
public sealed partial class QueueClient
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

    private static long Seconds(TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Must be between {min} and {max}.");
        }

        return (long)Math.Ceiling(value.TotalSeconds);
    }
}
