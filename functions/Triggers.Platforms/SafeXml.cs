using System.Xml;
using System.Xml.Linq;

namespace Triggers.Platforms;

/// <summary>
/// The only way this library reads XML: no DTD, no entity expansion, no resolver, bounded size.
/// A DOCTYPE is refused outright rather than ignored, so an XXE probe is answered with a 400.
/// </summary>
public static class SafeXml
{
    private const long MaxCharacters = 1024 * 1024;

    public static XmlReaderSettings ReaderSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <exception cref="PayloadFormatException">The text is not well-formed XML or declares a DTD.</exception>
    public static XDocument Parse(string text, string what = "body")
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), ReaderSettings());
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new PayloadFormatException($"{what} is not acceptable XML{Position(text, ex)}: {Reason(text, ex)}", ex);
        }
    }

    /// <summary>"line 3, position 2" for an element loaded with line info, or empty.</summary>
    public static string Where(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? $" at line {info.LineNumber}, position {info.LinePosition}" : string.Empty;

    // The DTD refusal carries no line info (0:0), so the DOCTYPE is located here instead.
    private static bool IsDoctype(string text, XmlException ex) =>
        ex.LineNumber == 0 && text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);

    private static string Reason(string text, XmlException ex) =>
        IsDoctype(text, ex) ? "a DOCTYPE declaration is not allowed (DTDs and external entities are disabled)" : FirstSentence(ex.Message);

    private static string Position(string text, XmlException ex)
    {
        if (!IsDoctype(text, ex))
        {
            return ex.LineNumber > 0 ? $" at line {ex.LineNumber}, position {ex.LinePosition}" : string.Empty;
        }

        var index = text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        var lineStart = text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        var line = text.AsSpan(0, index).Count('\n') + 1;
        return $" at line {line}, position {index - lineStart + 1}";
    }

    // XmlException messages end with their own "Line n, position m." which is already reported.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
