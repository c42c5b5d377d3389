namespace Triggers.App.Hosting;

/// <summary>
/// Standalone runs its own queue pollers and timers; as a Functions custom handler the host triggers
/// everything and the app only answers.
/// </summary>
public sealed record HostingMode(bool IsCustomHandler, int? CustomHandlerPort)
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static HostingMode Standalone { get; } = new(false, null);

    public static HostingMode From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var port = configuration[PortVariable];
        if (string.IsNullOrWhiteSpace(port))
        {
            return Standalone;
        }

        return int.TryParse(port, out var value) && value is > 0 and <= 65535
            ? new HostingMode(true, value)
            : throw new InvalidOperationException($"{PortVariable} is '{port}', not a TCP port number (1-65535).");
    }
}
