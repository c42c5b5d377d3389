using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Triggers.Azure.Storage;
using Triggers.Hosting;
using Triggers.Hosting.Processing;

var builder = FunctionsApplication.CreateBuilder(args);

// HTTP functions take ASP.NET Core's HttpRequest and return IResult, like the standalone host's routes.
builder.ConfigureFunctionsWebApplication();

// The admin gate (which key, which tenants) before every admin function, as the standalone host's filter does.
builder.UseWhen<Triggers.Functions.Admin.AdminGateMiddleware>(context =>
    context.FunctionDefinition.Name.StartsWith(Triggers.Functions.Admin.AdminGateMiddleware.FunctionPrefix, StringComparison.Ordinal));

// Everything the standalone host has too: channels, storage, webhooks, processing, touchpoints, handlers.
builder.Services.AddTriggers(builder.Configuration);

// Traces, metrics and logs; to Application Insights when its connection string is set.
var telemetry = builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing.AddSource(TriggersTelemetry.SourceName))
    .WithMetrics(metrics => metrics.AddMeter(StorageTransactions.MeterName, Triggers.Hosting.Processing.SignalCounters.MeterName))
    .UseFunctionsWorkerDefaults();
if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    // Local auth is off on the Application Insights resource (infra/): the worker signs in as the app's identity
    // (AZURE_CLIENT_ID), as the host does with APPLICATIONINSIGHTS_AUTHENTICATION_STRING.
    var entra = !string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    telemetry.UseAzureMonitorExporter(options => options.Credential = entra ? new DefaultAzureCredential() : null);
}

await builder.Build().RunAsync();
