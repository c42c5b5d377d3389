namespace Triggers.Core.Hosting;

/// <summary>
/// Every function the app exposes, declared once. The app routes invocations from it and the
/// CLI writes each <c>function.json</c> from it, so the two cannot drift.
/// </summary>
public static class FunctionCatalog
{
    public const string StorageConnection = "AzureWebJobsStorage";
    public const string ServiceBusConnection = "ServiceBusConnection";

    public static FunctionDefinition Health { get; } =
        new("Health", FunctionTrigger.Http, "req", Route: "health", Methods: ["get"], AuthLevel: "anonymous");

    public static FunctionDefinition Webhooks { get; } =
        new("Webhooks", FunctionTrigger.Http, "req", Route: "webhooks/{channel}", Methods: ["get", "post"], AuthLevel: "anonymous");

    public static FunctionDefinition Admin { get; } =
        new("Admin", FunctionTrigger.Http, "req", Route: "admin/{*path}", Methods: ["get", "post", "put", "delete"], AuthLevel: "function");

    public static FunctionDefinition ProcessSignal { get; } =
        new("ProcessSignal", FunctionTrigger.Queue, "message", QueueName: QueueNames.Signals, Connection: StorageConnection);

    /// <summary>Signal envelopes from upstream relays: a Service Bus queue in Azure, Storage queue <c>ingest</c> standalone.</summary>
    public static FunctionDefinition IngestSignal { get; } =
        new("IngestSignal", FunctionTrigger.ServiceBus, "message", QueueName: QueueNames.Ingest, Connection: ServiceBusConnection);

    public static FunctionDefinition PurgeDedupe { get; } =
        new("PurgeDedupe", FunctionTrigger.Timer, "timer", Schedule: "0 17 * * * *");

    /// <summary>Every minute: send the touchpoints that are due (the outbox dispatcher).</summary>
    public static FunctionDefinition DispatchTouchpoints { get; } =
        new("DispatchTouchpoints", FunctionTrigger.Timer, "timer", Schedule: "0 * * * * *");

    public static IReadOnlyList<FunctionDefinition> All { get; } = [Health, Webhooks, Admin, ProcessSignal, IngestSignal, PurgeDedupe, DispatchTouchpoints];

    public static FunctionDefinition? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
