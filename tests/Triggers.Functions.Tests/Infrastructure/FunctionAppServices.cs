using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Triggers.Hosting;
using Triggers.Testing;

namespace Triggers.Functions.Tests.Infrastructure;

/// <summary>
/// The services the function app runs with (the same <c>AddTriggers</c> its Program.cs calls), on the test run's Azurite,
/// started like the worker starts them. Function classes are created from it as the worker creates them.
/// </summary>
internal sealed class FunctionAppServices : IAsyncDisposable
{
    private readonly IHost _host;

    private FunctionAppServices(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<FunctionAppServices> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Triggers.Functions", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Processing:RulesRefreshInterval"] = "00:00:01",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddTriggers(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new FunctionAppServices(host);
    }

    public T Function<T>() where T : class => ActivatorUtilities.CreateInstance<T>(_host.Services);

    /// <summary>An HTTP request as the ASP.NET Core integration hands it to a function.</summary>
    public HttpRequest Request(string method, string path, string? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var context = new DefaultHttpContext { RequestServices = _host.Services };
        var question = path.IndexOf('?', StringComparison.Ordinal);
        context.Request.Method = method;
        context.Request.Path = question < 0 ? path : path[..question];
        context.Request.QueryString = question < 0 ? QueryString.Empty : new QueryString(path[question..]);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>
    /// An admin request with a key the host accepted, through the admin gate middleware as the worker runs it before an
    /// admin function: the request when admitted, else the refusal's status and body.
    /// </summary>
    public async Task<(HttpRequest Request, (int Status, string Body)? Refused)> AdminRequestAsync(string method, string path, string key = "host-function-key", string? body = null)
    {
        var request = Request(method, path, body, new Dictionary<string, string> { [Triggers.Hosting.Admin.Access.AdminGate.HeaderName] = key });
        if (await Function<Triggers.Functions.Admin.AdminGateMiddleware>().AdmitAsync(request.HttpContext))
        {
            return (request, null);
        }

        var response = request.HttpContext.Response;
        response.Body.Position = 0;
        using var reader = new StreamReader(response.Body);
        return (request, (response.StatusCode, await reader.ReadToEndAsync()));
    }

    /// <summary>Runs the result as the integration does and reads back the status and body.</summary>
    public static async Task<(int Status, string Body)> ExecuteAsync(IResult result, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        await result.ExecuteAsync(request.HttpContext);
        var response = request.HttpContext.Response;
        response.Body.Position = 0;
        using var reader = new StreamReader(response.Body);
        return (response.StatusCode, await reader.ReadToEndAsync());
    }

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
