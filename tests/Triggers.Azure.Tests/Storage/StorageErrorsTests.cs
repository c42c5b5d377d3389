using Triggers.Azure.Storage;

namespace Triggers.Azure.Tests.Storage;

public sealed class StorageErrorsTests
{
    [Theory]
    [InlineData(404, "EntityNotFound", StorageErrorKind.NotFound)]
    [InlineData(404, "ResourceNotFound", StorageErrorKind.NotFound)]
    [InlineData(404, "TableNotFound", StorageErrorKind.NotFound)]
    [InlineData(404, "QueueNotFound", StorageErrorKind.NotFound)]
    [InlineData(404, "MessageNotFound", StorageErrorKind.NotFound)]
    [InlineData(409, "EntityAlreadyExists", StorageErrorKind.AlreadyExists)]
    [InlineData(409, "TableAlreadyExists", StorageErrorKind.AlreadyExists)]
    [InlineData(409, "QueueAlreadyExists", StorageErrorKind.AlreadyExists)]
    [InlineData(412, "UpdateConditionNotSatisfied", StorageErrorKind.PreconditionFailed)]
    [InlineData(412, "ConditionNotMet", StorageErrorKind.PreconditionFailed)]
    [InlineData(400, "PopReceiptMismatch", StorageErrorKind.PreconditionFailed)]
    [InlineData(503, "ServerBusy", StorageErrorKind.ServerBusy)]
    [InlineData(500, "OperationTimedOut", StorageErrorKind.Throttled)]
    [InlineData(429, null, StorageErrorKind.Throttled)]
    [InlineData(400, "InvalidInput", StorageErrorKind.BadRequest)]
    [InlineData(403, "AuthorizationFailure", StorageErrorKind.Forbidden)]
    [InlineData(409, "TableBeingDeleted", StorageErrorKind.Other)]
    [InlineData(500, "InternalError", StorageErrorKind.Other)]
    public void Codes_and_statuses_map_to_kinds(int status, string? code, StorageErrorKind kind)
    {
        Assert.Equal(kind, StorageErrors.Classify(status, code));
    }

    [Fact]
    public void A_table_json_error_body_gives_its_code_and_message()
    {
        var (code, message) = StorageErrors.ParseBody(
            """{"odata.error":{"code":"EntityAlreadyExists","message":{"lang":"en-US","value":"The specified entity already exists.\nRequestId:1"}}}""");

        Assert.Equal("EntityAlreadyExists", code);
        Assert.StartsWith("The specified entity already exists.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_queue_xml_error_body_gives_its_code_and_message()
    {
        var (code, message) = StorageErrors.ParseBody(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>QueueNotFound</Code><Message>The specified queue does not exist.</Message></Error>");

        Assert.Equal("QueueNotFound", code);
        Assert.Equal("The specified queue does not exist.", message);
    }

    [Fact]
    public void An_xml_error_body_with_a_dtd_is_not_expanded()
    {
        var (code, _) = StorageErrors.ParseBody(
            "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x \"boom\">]><Error><Code>&x;</Code></Error>");

        Assert.Null(code);
    }

    [Fact]
    public void A_transaction_error_carries_the_failed_index_and_a_message_without_it()
    {
        var error = StorageErrors.Create(409, "EntityAlreadyExists", "2:The specified entity already exists.\nRequestId:x", "apply a transaction", inTransaction: true);

        Assert.Equal(2, error.FailedOperationIndex);
        Assert.Equal(StorageErrorKind.AlreadyExists, error.Kind);
        Assert.Equal("Storage could not apply a transaction: EntityAlreadyExists (HTTP 409). The specified entity already exists.", error.Message);
    }

    [Fact]
    public void A_single_operation_error_has_no_failed_index()
    {
        var error = StorageErrors.Create(400, "InvalidInput", "1:looks like an index", "insert entity");

        Assert.Null(error.FailedOperationIndex);
        Assert.Contains("1:looks like an index", error.Message, StringComparison.Ordinal);
    }
}
