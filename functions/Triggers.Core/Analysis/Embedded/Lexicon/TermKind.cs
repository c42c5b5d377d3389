namespace Triggers.Core.Analysis.Embedded.Lexicon;

/// <summary>What a lexicon term does to the clause it sits in.</summary>
public enum TermKind : byte
{
    /// <summary>Recognised but carries nothing; stops a longer word from being read as its parts (你好 is not 好).</summary>
    Neutral,

    /// <summary>Carries a valence, on the AFINN scale (-5..+5).</summary>
    Sentiment,

    /// <summary>Flips the next sentiment term within a short window; the value scales it (不太 softens).</summary>
    Negator,

    /// <summary>Multiplies the next sentiment term (above 1 intensifies, below 1 diminishes).</summary>
    Modifier,

    /// <summary>但是, but: what came before counts less than what follows.</summary>
    Contrast,

    /// <summary>极了, 得很, 透顶: multiplies the sentiment term just before it (好极了, 失望透顶).</summary>
    PostModifier,

    /// <summary>呵呵, [微笑], 🙃, yeah right: says the praise in its sentence is meant the other way; its value is the share kept, turned.</summary>
    Irony,
}
