using Triggers.Azure.Storage;

namespace Triggers.Cli.Rules;

/// <summary>The storage the app uses: <c>--connection</c>, else AzureWebJobsStorage from the environment, else Azurite.</summary>
public static class CliStorage
{
    public static StorageConnection Resolve(string? connection) =>
        !string.IsNullOrWhiteSpace(connection)
            ? StorageConnection.FromConnectionString(connection, "--connection")
            : StorageConnection.FromSettings(key => Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal)));
}
