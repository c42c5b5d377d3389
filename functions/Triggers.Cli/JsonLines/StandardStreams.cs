using System.Text;

namespace Triggers.Cli.JsonLines;

internal static class StandardStreams
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static TextReader Input() => new StreamReader(Console.OpenStandardInput(), Utf8, false, 1 << 16);

    /// <summary>Buffered for throughput when piped; flushed per line when a person is typing.</summary>
    public static TextWriter Output() =>
        new StreamWriter(Console.OpenStandardOutput(), Utf8, 1 << 16) { AutoFlush = !Console.IsInputRedirected };
}
