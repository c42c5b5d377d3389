using Triggers.App.Admin;
using Triggers.App.Channels;
using Triggers.App.CustomHandler;
using Triggers.App.Health;
using Triggers.App.Hosting;
using Triggers.App.Processing;
using Triggers.App.Storage;
using Triggers.App.Touchpoints;
using Triggers.App.Webhooks;

var builder = WebApplication.CreateBuilder(args);

// Standalone on 127.0.0.1:7071, or behind the Functions host on FUNCTIONS_CUSTOMHANDLER_PORT.
var mode = builder.ConfigureHostingMode();

// Configured channels, validated first at start-up; platform adapters.
builder.Services.AddTriggersChannels(builder.Configuration);

// Table and queue storage; Azurite is started for the local emulator when nothing is running.
builder.Services.AddTriggersStorage();

// Webhook ingestion: verify, normalise, dedupe, enqueue.
builder.Services.AddTriggersWebhooks(builder.Configuration);

// Processing: analyse, store, evaluate rules, plan touchpoints; in-process pollers only when standalone.
builder.Services.AddTriggersProcessing(builder.Configuration, mode);

// Touchpoints: guardrails, the outbox dispatcher and its senders, hand-offs.
builder.Services.AddTriggersTouchpoints(builder.Configuration, mode);

// Admin API key.
builder.Services.AddTriggersAdmin(builder.Configuration);

var app = builder.Build();

app.MapHealth();
app.MapWebhooks();
app.MapAdmin();
if (mode.IsCustomHandler)
{
    app.MapInvocations();
}

await app.RunAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
