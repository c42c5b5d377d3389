using System.Globalization;
using Triggers.Core.Analysis.Embedded.Training;

namespace Triggers.Cli.Model;

/// <summary>Prints an evaluation as plain lines.</summary>
public static class EvaluationReport
{
    public static void Write(TextWriter output, BinaryEvaluation evaluation, string what)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(evaluation);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{what}: {evaluation.Count} texts"));
        output.WriteLine(string.Create(c, $"accuracy  {evaluation.Accuracy:F4}"));
        output.WriteLine(string.Create(c, $"macro-F1  {evaluation.MacroF1:F4}"));
        foreach (var (name, m) in new[] { ("positive", evaluation.Positive), ("negative", evaluation.Negative) })
        {
            output.WriteLine(string.Create(c, $"{name,-9} P {m.Precision:F4}  R {m.Recall:F4}  F1 {m.F1:F4}"));
        }
    }
}
