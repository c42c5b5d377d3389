namespace Triggers.Core.Analysis.Embedded.Lexicon;

/// <summary>The hand-written word lists, embedded from <c>Lexicon/Data/*.txt</c> (each file notes its authorship).</summary>
internal static class LexiconData
{
    /// <summary>The text of <c>Data/{name}.txt</c>.</summary>
    public static string Read(string name)
    {
        var resource = $"Triggers.Core.Analysis.Embedded.Lexicon.{name}.txt";
        using var stream = typeof(LexiconData).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded word list {resource} is missing from Triggers.Core; rebuild the project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The list's entry lines, without its notes (lines starting with #) and blank lines.</summary>
    public static IEnumerable<string> Lines(string name) =>
        Read(name).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith('#'));
}
