namespace Triggers.Azure.Emulator;

/// <summary>The loopback ports of the three Azurite services.</summary>
public readonly record struct AzuritePorts(int Blob, int Queue, int Table)
{
    /// <summary>The ports Azurite and <c>UseDevelopmentStorage=true</c> use by default.</summary>
    public static AzuritePorts Default { get; } = new(10000, 10001, 10002);

    internal IEnumerable<(string Service, int Port)> All =>
        [("blob", Blob), ("queue", Queue), ("table", Table)];

    public override string ToString() => $"blob {Blob}, queue {Queue}, table {Table}";
}
