namespace Triggers.Platforms.Xiaohongshu;

/// <summary>One item of an e-commerce push: <c>{"msgTag", "sellerId", "data": "&lt;JSON string&gt;"}</c>.</summary>
/// <param name="Data">The data JSON text exactly as sent (the dedupe hash is taken over it).</param>
/// <param name="Fields">The top-level scalar fields of data, as text.</param>
/// <param name="Raw">The item's own JSON text.</param>
public sealed record XiaohongshuPush(string MsgTag, string SellerId, string Data, IReadOnlyDictionary<string, string> Fields, string Raw);
