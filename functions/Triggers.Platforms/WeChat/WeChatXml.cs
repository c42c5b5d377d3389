using System.Xml;

namespace Triggers.Platforms.WeChat;

/// <summary>Writes the small, fixed XML documents WeChat expects in replies.</summary>
internal static class WeChatXml
{
    /// <summary>A CDATA section; "]]>" inside the text is split across two sections, the only way to carry it.</summary>
    public static string CData(string text)
    {
        try
        {
            XmlConvert.VerifyXmlChars(text);
        }
        catch (XmlException ex)
        {
            throw new ArgumentException("reply text contains a character XML cannot carry", nameof(text), ex);
        }

        return $"<![CDATA[{text.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)}]]>";
    }
}
