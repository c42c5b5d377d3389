using Triggers.App.CustomHandler;

namespace Triggers.App.Tests.CustomHandler;

public sealed class InvocationRequestTests
{
    [Fact]
    public void A_queue_message_encoded_twice_by_the_host_is_unwrapped_to_the_original_json()
    {
        // What the host sends for a queue message whose text is {"id":"a1"}: a JSON string inside a JSON string.
        const string body = """{"Data":{"message":"\"{\\\"id\\\":\\\"a1\\\"}\""},"Metadata":{"DequeueCount":"\"3\"","Id":"\"4434c659\""}}""";

        var request = InvocationRequest.Parse(body);

        Assert.Equal("""{"id":"a1"}""", request.DataText("message"));
        Assert.Equal(3, request.MetadataInt64("DequeueCount"));
        Assert.Equal("4434c659", request.MetadataText("Id"));
    }

    [Fact]
    public void Clean_values_as_in_the_documentation_are_read_as_they_are()
    {
        const string body = """{"Data":{"message":"{\"id\":\"a1\"}"},"Metadata":{"DequeueCount":5}}""";

        var request = InvocationRequest.Parse(body);

        Assert.Equal("""{"id":"a1"}""", request.DataText("message"));
        Assert.Equal(5, request.MetadataInt64("DequeueCount"));
    }

    [Fact]
    public void A_message_the_host_already_parsed_into_an_object_comes_back_as_its_json_text()
    {
        const string body = """{"Data":{"message":{"id":"a1"}},"Metadata":{}}""";

        var request = InvocationRequest.Parse(body);

        Assert.Equal("""{"id":"a1"}""", request.DataText("message"));
        Assert.Null(request.MetadataInt64("DequeueCount"));
    }

    [Fact]
    public void A_body_that_is_not_a_json_object_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => InvocationRequest.Parse("[1,2]"));
        Assert.Throws<FormatException>(() => InvocationRequest.Parse("not json"));
    }
}
