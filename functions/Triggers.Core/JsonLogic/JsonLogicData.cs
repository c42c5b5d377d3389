using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic;

/// <summary>
/// Data prepared for evaluating many expressions against it, as the rule engine does with one signal and every rule
/// of its tenant. The value of each literal <c>var</c> path is looked up once and remembered, so the tenth rule that
/// reads <c>signal.kind</c> costs an array read. The data must not change while it is in use. Not thread-safe: one
/// instance per evaluating thread (it is cheap to create).
/// </summary>
public sealed class JsonLogicData
{
    private Slot[] _slots;

    public JsonLogicData(JsonNode? data)
    {
        Node = data;
        _slots = new Slot[DataPathIds.Count];
    }

    public JsonNode? Node { get; }

    /// <summary>Whether the expression's result on this data is truthy; paths read before are not looked up again.</summary>
    public bool Satisfies(JsonLogicExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression.Root.IsTruthy(Node, this);
    }

    /// <summary>The expression's result on this data, as a new node the caller owns (see <see cref="JsonLogicExpression.Evaluate"/>).</summary>
    public JsonNode? Evaluate(JsonLogicExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression.Root.Evaluate(Node, this).ToOwned();
    }

    /// <summary>The value at a literal path of the data; false when the path does not resolve.</summary>
    internal bool TryResolve(int id, string[]? segments, out JsVal value)
    {
        if ((uint)id >= (uint)_slots.Length)
        {
            if (id < 0)
            {
                return Resolve(segments, out value);
            }

            // A rule compiled after this data was prepared introduced the path.
            Array.Resize(ref _slots, Math.Max(DataPathIds.Count, id + 1));
        }

        ref var slot = ref _slots[id];
        if (slot.State == SlotState.Unknown)
        {
            slot.State = Resolve(segments, out slot.Value) ? SlotState.Found : SlotState.Missing;
        }

        value = slot.Value;
        return slot.State == SlotState.Found;
    }

    private bool Resolve(string[]? segments, out JsVal value)
    {
        if (DataPath.TryResolve(Node, segments, out var node))
        {
            value = JsVal.FromNode(node);
            return true;
        }

        value = JsVal.Null;
        return false;
    }

    private enum SlotState : byte
    {
        Unknown,
        Found,
        Missing,
    }

    private struct Slot
    {
        public JsVal Value;
        public SlotState State;
    }
}
