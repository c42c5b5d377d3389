using System.Text.Json;

namespace Triggers.Platforms.Doudian;

/// <summary>One message of a 抖店 push, checked.</summary>
/// <param name="Index">Its position in the pushed array, for messages.</param>
/// <param name="Data">The <c>data</c> object, parsed a second time when it came as a JSON string.</param>
/// <param name="Text">The message's own JSON text as received (kept as the signal's raw payload).</param>
public sealed record DoudianMessage(int Index, int Tag, string MsgId, JsonElement Data, string Text);
