using System.Text;
using Triggers.Core.Analysis.Embedded.Training;

namespace Triggers.Cli.Model;

/// <summary>
/// Reads a labelled corpus (1 positive, 0 negative): a `label,text` CSV with a header line and text optionally in
/// double quotes with "" escapes, or `label&lt;TAB&gt;text` lines; blank lines and # comments are skipped.
/// </summary>
public static class CorpusReader
{
    /// <summary>The files one after another, as one corpus.</summary>
    public static IEnumerable<LabelledText> Read(IEnumerable<FileInfo> files) => files.SelectMany(f => Read(f.FullName));

    public static IEnumerable<LabelledText> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || (lineNumber == 1 && line.StartsWith("label", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            yield return CorpusLine.Parse(line, lineNumber);
        }
    }
}
