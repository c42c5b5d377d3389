using System.Diagnostics;

namespace Triggers.Cli.Tests.Commands;

/// <summary>The built `triggers` executable, run as a process with real stdin and stdout.</summary>
public sealed class ProcessTests
{
    private static async Task<(int Exit, string Out)> RunAsync(string arguments, string? stdin = null)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "triggers.dll")}\" {arguments}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task Help_lists_the_verbs_and_exits_zero()
    {
        var (exit, output) = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("jsonlogic", output, StringComparison.Ordinal);
        Assert.Contains("analyze", output, StringComparison.Ordinal);
        Assert.Contains("rules", output, StringComparison.Ordinal);
        Assert.DoesNotContain("functions", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jsonlogic_verb_streams_one_line_out_per_line_in()
    {
        const string input = "{\"logic\":{\"==\":[1,1]}}\n{\"logic\":{\"==\":[1,2]}}\nbroken\n";

        var (exit, output) = await RunAsync("jsonlogic", input);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["{\"result\":true}", "{\"result\":false}"], lines[..2]);
        Assert.StartsWith("{\"error\":", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_analyze_verb_answers_in_the_contract_shape()
    {
        var (exit, output) = await RunAsync("analyze", "{\"id\":\"r1\",\"text\":\"很好用，非常喜欢\"}\n");

        Assert.Equal(0, exit);
        var line = System.Text.Json.JsonDocument.Parse(output).RootElement;
        Assert.Equal("r1", line.GetProperty("id").GetString());
        Assert.Equal("positive", line.GetProperty("sentiment").GetString());
        var scores = line.GetProperty("scores");
        var sum = scores.GetProperty("positive").GetDouble() + scores.GetProperty("neutral").GetDouble() + scores.GetProperty("negative").GetDouble();
        Assert.Equal(1.0, sum, 6);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, line.GetProperty("topics").ValueKind);
    }

    [Fact]
    public async Task The_analyze_verb_names_the_default_topics_a_text_mentions()
    {
        var (exit, output) = await RunAsync("analyze", "{\"id\":\"t1\",\"text\":\"续航太差了但是颜值很高\"}\n{\"id\":\"t2\",\"text\":\"今天天气不错\"}\n");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        var topics = lines[0].GetProperty("topics").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("range_anxiety", topics);
        Assert.Contains("design", topics);
        Assert.Equal(0, lines[1].GetProperty("topics").GetArrayLength());
    }
}
