namespace Triggers.Azure.Language;

/// <summary>The service analysed the request but refused the one document it held.</summary>
public sealed class LanguageDocumentException : Exception
{
    public LanguageDocumentException()
    {
    }

    public LanguageDocumentException(string message)
        : base(message)
    {
    }

    public LanguageDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LanguageDocumentException(LanguageDocumentError error)
        : base($"Azure AI Language refused the document: {error?.Code}/{error?.InnerCode ?? "-"}: {error?.Message}")
    {
        Error = error;
    }

    public LanguageDocumentError? Error { get; }
}
