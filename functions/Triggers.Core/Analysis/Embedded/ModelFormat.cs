using System.Text;
using Triggers.Core.Analysis.Embedded.Lexicon;

namespace Triggers.Core.Analysis.Embedded;

/// <summary>
/// The model file: "TSM1", feature count, weight scale, sorted feature keys (uint32), weights quantised to int16,
/// then the AFINN entries (UTF-8 term, sbyte valence). Little-endian, nothing time- or machine-dependent,
/// so one training input always gives the same bytes.
/// </summary>
public static class ModelFormat
{
    private const uint Magic = 0x314D5354; // "TSM1"

    public static void Write(Stream stream, ReadOnlySpan<uint> keys, ReadOnlySpan<float> weights, IReadOnlyList<(string Term, int Valence)> afinn)
    {
        ArgumentNullException.ThrowIfNull(afinn);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        var max = 0f;
        foreach (var w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = max == 0 ? 1f : max / short.MaxValue;
        writer.Write(Magic);
        writer.Write(keys.Length);
        writer.Write(scale);
        foreach (var key in keys)
        {
            writer.Write(key);
        }

        foreach (var w in weights)
        {
            writer.Write((short)Math.Round(w / scale));
        }

        writer.Write(afinn.Count);
        foreach (var (term, valence) in afinn)
        {
            writer.Write(term);
            writer.Write((sbyte)valence);
        }
    }

    public static SentimentModel Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadUInt32() != Magic)
        {
            throw new InvalidDataException("not a sentiment model (bad magic)");
        }

        var count = reader.ReadInt32();
        var scale = reader.ReadSingle();
        var keys = new uint[count];
        var weights = new float[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = reader.ReadUInt32();
        }

        for (var i = 0; i < count; i++)
        {
            weights[i] = reader.ReadInt16() * scale;
        }

        var afinn = new LexiconEntry[reader.ReadInt32()];
        for (var i = 0; i < afinn.Length; i++)
        {
            var term = reader.ReadString();
            afinn[i] = new LexiconEntry(TextNormalizer.Normalize(term), TermKind.Sentiment, reader.ReadSByte());
        }

        return new SentimentModel(new FeatureWeights(keys, weights), afinn);
    }
}
