namespace Triggers.App.CustomHandler;

/// <summary>
/// The answer the host expects: <c>{"Outputs":{…},"Logs":[…],"ReturnValue":…}</c>. Only 2xx counts as success;
/// anything else fails the invocation and the host retries the trigger.
/// </summary>
public sealed record InvocationResponse(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue)
{
    public static InvocationResponse Done(params string[] logs) => new(new Dictionary<string, object?>(), logs, null);
}
