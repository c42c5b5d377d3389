using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Triggers.Azure.Queues;
using Triggers.Azure.Storage;
using Triggers.Azure.Tables;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Storage;

public sealed class SharedKeySigningTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly StorageSharedKey Key = StorageSharedKey.TryCreate(DevelopmentStorage.AccountName, DevelopmentStorage.AccountKey)!;

    private static HttpMessage Sign(StorageService service, RequestMethod method, string uri, Action<Request> prepare)
    {
        var message = HttpPipelineBuilder.Build(new TableClientOptions()).CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(uri));
        prepare(message.Request);
        new StorageDatePolicy(new FixedTimeProvider(Now)).OnSendingRequest(message);
        new SharedKeyPolicy(Key, service).OnSendingRequest(message);
        return message;
    }

    [Fact]
    public void Table_string_to_sign_repeats_the_emulator_account_and_keeps_only_comp_from_the_query()
    {
        using var message = Sign(
            StorageService.Table,
            RequestMethod.Get,
            "http://127.0.0.1:10002/devstoreaccount1/mytable(PartitionKey='a',RowKey='b')?comp=acl&$top=1",
            r => r.Headers.SetValue("Content-Type", "application/json"));

        Assert.Equal(
            "GET\n\napplication/json\nSun, 22 Nov 2026 02:00:00 GMT\n/devstoreaccount1/devstoreaccount1/mytable(PartitionKey='a',RowKey='b')?comp=acl",
            SharedKeyStringToSign.ForTable(message.Request, DevelopmentStorage.AccountName));
        Assert.True(message.Request.Headers.TryGetValue("Authorization", out var authorization));
        Assert.Equal("SharedKey devstoreaccount1:Tlm6Bk6s67+nBTT64PBKhEceTacTQL4BwHOQfSZZ9/4=", authorization);
    }

    [Fact]
    public void Queue_string_to_sign_lists_content_length_sorted_ms_headers_and_decoded_query_parameters()
    {
        using var message = Sign(
            StorageService.Queue,
            RequestMethod.Put,
            "http://127.0.0.1:10001/devstoreaccount1/q/messages/id1?visibilitytimeout=30&popreceipt=AbC%2B%3D",
            r =>
            {
                r.Headers.SetValue("x-ms-version", "2021-12-02");
                r.Headers.SetValue("x-ms-client-request-id", "abc");
                r.Headers.SetValue("Content-Type", "application/xml");
                r.Content = RequestContent.Create("hello"u8.ToArray());
            });

        Assert.Equal(
            "PUT\n\n\n5\n\napplication/xml\n\n\n\n\n\n\nx-ms-client-request-id:abc\nx-ms-date:Sun, 22 Nov 2026 02:00:00 GMT\n" +
            "x-ms-version:2021-12-02\n/devstoreaccount1/devstoreaccount1/q/messages/id1\npopreceipt:AbC+=\nvisibilitytimeout:30",
            SharedKeyStringToSign.ForQueue(message.Request, DevelopmentStorage.AccountName));
        Assert.True(message.Request.Headers.TryGetValue("Authorization", out var authorization));
        Assert.Equal("SharedKey devstoreaccount1:IX4LC3O4zziwEdk7PkcS+ZFvLne4yN+7kZznlX9eHtc=", authorization);
    }

    [Fact]
    public async Task A_wrong_account_key_is_refused_as_forbidden()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connection = StorageConnection.FromConnectionString(
            azurite.ConnectionString.Replace(DevelopmentStorage.AccountKey, wrongKey, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => new TableServiceClient(connection).PingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(StorageErrorKind.Forbidden, error.Kind);
        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_with_a_request_failed_exception()
    {
        var port = Triggers.Azure.Emulator.LoopbackPorts.PickFree(1)[0];
        var connection = StorageConnection.FromConnectionString(
            DevelopmentStorage.ConnectionStringFor(new(port, port, port)));
        var options = new QueueClientOptions { Retry = { MaxRetries = 0 } };
        var queue = new QueueServiceClient(connection, options).GetQueueClient("unreachable");

        await Assert.ThrowsAnyAsync<RequestFailedException>(
            () => queue.CreateIfNotExistsAsync(TestContext.Current.CancellationToken));
    }
}
