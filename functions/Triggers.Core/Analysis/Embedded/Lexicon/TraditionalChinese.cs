namespace Triggers.Core.Analysis.Embedded.Lexicon;

/// <summary>
/// Traditional → simplified for the common characters of reviews, chat and comments (Data/traditional-simplified.txt).
/// Characters missing there pass through unchanged, which only costs recall, because the lexicon and model are
/// written in simplified characters.
/// </summary>
internal static class TraditionalChinese
{
    private static readonly Dictionary<char, char> Map = Build();

    public static char ToSimplified(char c) => c < '\u4E00' ? c : Map.GetValueOrDefault(c, c);

    private static Dictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>();
        foreach (var line in LexiconData.Lines("traditional-simplified"))
        {
            // "這 这": one character, a space, one character.
            if (line.Length != 3 || line[1] != ' ')
            {
                throw new InvalidOperationException($"Data/traditional-simplified.txt has a line that is not \"traditional simplified\": '{line}'.");
            }

            map.TryAdd(line[0], line[2]);
        }

        return map;
    }
}
