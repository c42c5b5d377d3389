using Triggers.Azure.Emulator;

namespace Triggers.Azure.Storage;

/// <summary>The emulator's well-known account, as <c>UseDevelopmentStorage=true</c> means it.</summary>
public static class DevelopmentStorage
{
    public const string AccountName = "devstoreaccount1";

    // Published by Microsoft for the storage emulators; not a secret.
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string ConnectionString = "UseDevelopmentStorage=true";

    public static Uri BlobEndpointFor(int port) => Endpoint(port);

    public static Uri QueueEndpointFor(int port) => Endpoint(port);

    public static Uri TableEndpointFor(int port) => Endpoint(port);

    /// <summary>An explicit connection string for the well-known account on the given ports.</summary>
    public static string ConnectionStringFor(AzuritePorts ports) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpointFor(ports.Blob)};QueueEndpoint={QueueEndpointFor(ports.Queue)};" +
        $"TableEndpoint={TableEndpointFor(ports.Table)};";

    private static Uri Endpoint(int port) => new($"http://127.0.0.1:{port}/{AccountName}");
}
