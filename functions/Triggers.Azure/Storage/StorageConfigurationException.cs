namespace Triggers.Azure.Storage;

/// <summary>A storage connection setting is missing or malformed; the message says which and how to fix it.</summary>
public sealed class StorageConfigurationException : InvalidOperationException
{
    public StorageConfigurationException()
    {
    }

    public StorageConfigurationException(string message)
        : base(message)
    {
    }

    public StorageConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageConfigurationException(string settingName, string message)
        : base(message) => SettingName = settingName;

    /// <summary>The configuration key at fault, e.g. <c>AzureWebJobsStorage__queueServiceUri</c>.</summary>
    public string? SettingName { get; }
}
