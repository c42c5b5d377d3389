using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Triggers.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

// HTTP functions take ASP.NET Core's HttpRequest and return IResult, like the standalone host's routes.
builder.ConfigureFunctionsWebApplication();

// Everything the standalone host has too: channels, storage, webhooks, processing, touchpoints, handlers.
builder.Services.AddTriggers(builder.Configuration);

// Traces, metrics and logs; to Application Insights when its connection string is set.
var telemetry = builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    telemetry.UseAzureMonitorExporter();
}

await builder.Build().RunAsync();
