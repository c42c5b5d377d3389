namespace Triggers.Core.Hosting;

/// <summary>Queue names shared by the app, the function catalog and the infrastructure.</summary>
public static class QueueNames
{
    public const string Signals = "signals";
    public const string SignalsPoison = "signals-poison";
}
