using System.Collections.Frozen;

namespace Triggers.Core.Topics;

public sealed partial class TopicLexicon
{
    /// <summary>Compiles one tenant's topics. Blank keywords are skipped; a topic named twice merges its keywords.</summary>
    public static TopicLexicon Compile(IEnumerable<TopicDefinition> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var merged = new List<TopicDefinition>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var byKeyword = new Dictionary<string, List<KeywordTopic>>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            ArgumentNullException.ThrowIfNull(topic);
            var keywords = new List<string>();
            foreach (var raw in topic.Keywords)
            {
                var keyword = raw?.Trim();
                if (string.IsNullOrEmpty(keyword))
                {
                    continue;
                }

                var folded = TextFolding.Fold(keyword);
                if (!byKeyword.TryGetValue(folded, out var owners))
                {
                    byKeyword[folded] = owners = [];
                }

                if (!owners.Exists(o => o.Topic == topic.Name))
                {
                    owners.Add(new KeywordTopic(topic.Name, keyword, topic.NegativeOnly));
                    keywords.Add(keyword);
                }
            }

            if (byName.TryGetValue(topic.Name, out var index))
            {
                merged[index] = merged[index] with { Keywords = [.. merged[index].Keywords, .. keywords] };
            }
            else
            {
                byName[topic.Name] = merged.Count;
                merged.Add(topic with { Keywords = keywords });
            }
        }

        var byFirstChar = byKeyword
            .Select(pair => new KeywordEntry(pair.Key, [.. pair.Value]))
            .GroupBy(entry => entry.Folded[0])
            .ToFrozenDictionary(
                group => group.Key,
                group => group.OrderByDescending(e => e.Folded.Length).ThenBy(e => e.Folded, StringComparer.Ordinal).ToArray());
        return new TopicLexicon(merged, byFirstChar);
    }
}
