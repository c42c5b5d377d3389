namespace Triggers.Core.Hosting;

/// <summary>
/// One function as the Functions host sees it. HTTP functions are forwarded to the app's own routes
/// unchanged; queue and timer functions arrive as invocation envelopes on <c>POST /{Name}</c>.
/// </summary>
/// <param name="Name">Function (and folder) name; also the custom-handler invocation path.</param>
/// <param name="Trigger">Trigger kind.</param>
/// <param name="BindingName">Name of the trigger binding (the key under <c>Data</c> in the envelope).</param>
/// <param name="Route">HTTP route below the <c>api/</c> prefix.</param>
/// <param name="Methods">HTTP methods.</param>
/// <param name="AuthLevel">HTTP auth level: anonymous or function (the host checks x-functions-key).</param>
/// <param name="QueueName">Queue the trigger listens on.</param>
/// <param name="Connection">App-setting prefix of the trigger's connection.</param>
/// <param name="Schedule">NCRONTAB schedule of a timer.</param>
public sealed record FunctionDefinition(
    string Name,
    FunctionTrigger Trigger,
    string BindingName,
    string? Route = null,
    IReadOnlyList<string>? Methods = null,
    string? AuthLevel = null,
    string? QueueName = null,
    string? Connection = null,
    string? Schedule = null);
