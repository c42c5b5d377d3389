using Triggers.Cli.Model;

namespace Triggers.Cli.Tests.Model;

public sealed class CorpusReaderTests
{
    [Fact]
    public void Reads_csv_with_a_header_quotes_and_doubled_quotes()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["label,text", "1,很好", "0,\"差,很差 \"\"真的\"\"\"", "", "# a comment", "1\tgood"]);

            var rows = CorpusReader.Read(path).ToList();

            Assert.Equal([(true, "很好"), (false, "差,很差 \"真的\""), (true, "good")], rows.Select(r => (r.Positive, r.Text)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_line_without_a_label_names_its_line_number()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["label,text", "1,ok", "positive,bad"]);

            var error = Assert.Throws<FormatException>(() => CorpusReader.Read(path).ToList());

            Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
