using Triggers.Core.Analysis.Embedded.Training;

namespace Triggers.Cli.Model;

/// <summary>Reads the AFINN lists in a folder: every *.txt, in ordinal name order, lines of `term&lt;TAB&gt;valence`.</summary>
public static class AfinnReader
{
    public static List<(string Term, int Valence)> Read(string directory)
    {
        var entries = new List<(string, int)>();
        foreach (var file in Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (CorpusLine.TryParseAfinn(line, out var entry))
                {
                    entries.Add(entry);
                }
            }
        }

        return entries.Count > 0 ? entries : throw new FileNotFoundException($"no AFINN entries in {directory}/*.txt");
    }
}
