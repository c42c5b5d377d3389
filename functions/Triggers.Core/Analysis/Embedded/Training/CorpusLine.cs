using System.Globalization;

namespace Triggers.Core.Analysis.Embedded.Training;

/// <summary>Parses the lines of the training inputs (the file reading is the caller's).</summary>
public static class CorpusLine
{
    /// <summary>`1,text` or `0,text`; text optionally in double quotes with "" escapes. A tab may stand for the comma.</summary>
    public static LabelledText Parse(string line, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length < 2 || line[1] is not (',' or '\t') || line[0] is not ('0' or '1'))
        {
            throw new FormatException($"line {lineNumber}: expected `0,text` or `1,text`");
        }

        var text = line[2..];
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        }

        return new LabelledText(line[0] == '1', text);
    }

    /// <summary>An AFINN line, `term&lt;TAB&gt;valence`.</summary>
    public static bool TryParseAfinn(string line, out (string Term, int Valence) entry)
    {
        ArgumentNullException.ThrowIfNull(line);
        var tab = line.LastIndexOf('\t');
        if (tab > 0 && int.TryParse(line.AsSpan(tab + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var valence))
        {
            entry = (line[..tab], valence);
            return true;
        }

        entry = default;
        return false;
    }
}
