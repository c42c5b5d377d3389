using Azure.Core;

namespace Triggers.Azure.Storage;

/// <summary>Retry, timeout, diagnostics and transport settings (from Azure.Core) plus the clock used to sign requests.</summary>
public abstract class StorageClientOptions : ClientOptions
{
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
