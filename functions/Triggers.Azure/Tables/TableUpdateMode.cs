namespace Triggers.Azure.Tables;

public enum TableUpdateMode
{
    /// <summary>Keep stored properties the entity does not mention (MERGE).</summary>
    Merge,

    /// <summary>Store exactly the entity's properties, dropping the rest (PUT).</summary>
    Replace,
}
