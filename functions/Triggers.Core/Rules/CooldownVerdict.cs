namespace Triggers.Core.Rules;

/// <summary>What a rule's cooldown says about one signal from one contact.</summary>
public enum CooldownVerdict
{
    /// <summary>Fire, and remember this signal as the last firing.</summary>
    FireAndRecord,

    /// <summary>Fire without touching the stored entry (no cooldown, a redelivery of the recorded signal, or an older signal well apart).</summary>
    Fire,

    /// <summary>Do not fire: the contact is inside the cooldown of an earlier firing.</summary>
    Blocked,
}
