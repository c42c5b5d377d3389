namespace Triggers.Core.JsonLogic.Values;

/// <summary>An immutable JavaScript array of <see cref="JsVal"/>: the evaluator's form of a JSON array.</summary>
internal sealed class LogicArray
{
    public static readonly LogicArray Empty = new([]);

    private readonly JsVal[] _items;

    /// <summary>Takes ownership of <paramref name="items"/>: the caller must not change it afterwards.</summary>
    public LogicArray(JsVal[] items) => _items = items;

    public int Count => _items.Length;

    public ref readonly JsVal this[int index] => ref _items[index];

    public ReadOnlySpan<JsVal> Items => _items;

    public static LogicArray From(List<JsVal> items) => items.Count == 0 ? Empty : new LogicArray([.. items]);
}
