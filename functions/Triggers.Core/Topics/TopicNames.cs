namespace Triggers.Core.Topics;

/// <summary>What a topic name may hold: rules reach topics through paths such as emotion.&lt;topic&gt;.peak, so no dots or spaces.</summary>
public static class TopicNames
{
    /// <returns>Null when the name is fine, otherwise why it is not.</returns>
    public static string? Check(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "the topic name (RowKey) is empty";
        }

        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c is not '_' and not '-')
            {
                return $"the topic name (RowKey) '{name}' contains '{c}'; use letters, digits, '_' or '-' only (snake_case such as range_anxiety), because rules refer to topics by name in paths like emotion.{name}.peak";
            }
        }

        return null;
    }
}
