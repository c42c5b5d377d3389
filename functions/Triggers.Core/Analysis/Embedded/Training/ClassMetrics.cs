namespace Triggers.Core.Analysis.Embedded.Training;

/// <summary>Precision, recall and F1 of one class.</summary>
public readonly record struct ClassMetrics(double Precision, double Recall, double F1)
{
    public static ClassMetrics From(int hits, int falseAlarms, int misses)
    {
        var precision = hits + falseAlarms == 0 ? 0 : (double)hits / (hits + falseAlarms);
        var recall = hits + misses == 0 ? 0 : (double)hits / (hits + misses);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(precision, recall, f1);
    }
}
