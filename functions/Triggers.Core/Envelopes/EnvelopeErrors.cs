namespace Triggers.Core.Envelopes;

/// <summary>
/// Collects errors, up to a cap: a body of thousands of unknown properties should get a useful answer,
/// not a megabyte of them.
/// </summary>
internal sealed class EnvelopeErrors
{
    public const int MaxListed = 100;

    private readonly List<EnvelopeError> listed = [];
    private int unlisted;

    public int Count => listed.Count + unlisted;

    public void Add(string path, string message)
    {
        if (listed.Count < MaxListed)
        {
            listed.Add(new EnvelopeError(path, message));
        }
        else
        {
            unlisted++;
        }
    }

    public IReadOnlyList<EnvelopeError> ToList() =>
        unlisted == 0
            ? listed.ToArray()
            : [.. listed, new EnvelopeError(EnvelopePath.Root, $"{unlisted} more error{(unlisted == 1 ? " was" : "s were")} found but not listed; fix the ones above and send again")];
}
