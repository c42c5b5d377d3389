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
            var reason = text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)
                ? "a DOCTYPE declaration is not allowed (DTDs and external entities are disabled)"
                : FirstSentence(ex.Message);
            throw new PayloadFormatException(
                $"{what} is not acceptable XML at line {ex.LineNumber}, position {ex.LinePosition}: {reason}", ex);
        }
    }

    /// <summary>"line 3, position 2" for an element loaded with line info, or empty.</summary>
    public static string Where(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? $" at line {info.LineNumber}, position {info.LinePosition}" : string.Empty;

    // XmlException messages end with their own "Line n, position m." which we already report.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
