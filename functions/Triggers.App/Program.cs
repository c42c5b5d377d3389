using Triggers.App.Standalone;
using Triggers.Hosting;

var builder = WebApplication.CreateBuilder(args);

// Standalone on 127.0.0.1:7071 unless --urls / ASPNETCORE_URLS say otherwise.
builder.UseStandaloneUrls();

// Azurite from the repo's pinned package when storage is the local emulator and nothing listens on its ports.
builder.Services.AddLocalStorageEmulator();

// Everything the function app in Azure has too: channels, storage, webhooks, processing, touchpoints, handlers.
builder.Services.AddTriggers(builder.Configuration);

// What the Functions host does in Azure: queue pollers, timers, the admin key check.
builder.Services.AddStandaloneTriggers(builder.Configuration);

var app = builder.Build();
app.MapTriggers();
await app.RunAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
