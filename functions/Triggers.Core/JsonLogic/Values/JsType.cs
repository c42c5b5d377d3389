namespace Triggers.Core.JsonLogic.Values;

/// <summary>The JavaScript types JsonLogic semantics are defined over (there is no undefined: JSON has none).</summary>
internal enum JsType
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}
