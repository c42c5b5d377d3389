namespace Triggers.Core.JsonLogic;

/// <summary>
/// Logic that cannot be compiled: an unknown operator, an object with more than one key, a wrong argument count.
/// The message names the operator and where it sits, so whoever wrote the rule can find and fix it.
/// </summary>
public sealed class JsonLogicException : Exception
{
    public JsonLogicException()
        : this("invalid JsonLogic", "$")
    {
    }

    public JsonLogicException(string message)
        : this(message, "$")
    {
    }

    public JsonLogicException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "$";
    }

    public JsonLogicException(string message, string path)
        : base(message)
    {
        Path = path;
    }

    /// <summary>JSONPath of the offending object inside the logic, for example <c>$.and[1]</c>.</summary>
    public string Path { get; }
}
