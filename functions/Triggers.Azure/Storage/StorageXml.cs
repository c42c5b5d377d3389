using System.Xml;
using System.Xml.Linq;

namespace Triggers.Azure.Storage;

internal static class StorageXml
{
    /// <summary>Storage XML never needs a DTD; refusing them rules out entity-expansion and external-entity attacks.</summary>
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    public static XDocument Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        return XDocument.Load(reader);
    }

    public static XDocument Parse(Stream xml)
    {
        using var reader = XmlReader.Create(xml, Settings);
        return XDocument.Load(reader);
    }
}
