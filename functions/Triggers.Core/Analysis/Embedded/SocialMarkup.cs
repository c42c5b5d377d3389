namespace Triggers.Core.Analysis.Embedded;

/// <summary>
/// The parts of a social post that are not words (normalised text): platform emoticon codes (<c>[微笑]</c>, read by the
/// emoticon list, never as the characters of their name), hashtags (<c>#新车首发#</c>, <c>#evlife</c>) and @mentions,
/// which name a topic or a person and carry no sentiment.
/// </summary>
public static class SocialMarkup
{
    /// <summary>The most characters between an emoticon code's brackets.</summary>
    public const int MaxCode = 12;

    /// <summary>The most characters of a hashtag or a mention.</summary>
    public const int MaxTag = 30;

    /// <summary>How many characters of markup start at <paramref name="i"/>; 0 when none does.</summary>
    public static int Length(ReadOnlySpan<char> s, int i) => s[i] switch
    {
        '[' => Code(s, i),
        '#' => Hashtag(s, i),
        '@' => Tag(s, i),
        _ => 0,
    };

    /// <summary>
    /// Walks markup in a loop over every index in order: the length of markup starting at <paramref name="i"/> (0 when
    /// none does, or when <paramref name="i"/> is inside markup already), keeping <paramref name="end"/> at the end of
    /// the span that holds <paramref name="i"/>, so <c>i &lt; end</c> says whether it is markup. The scorer and the
    /// trainer's feature collectors all walk markup through here.
    /// </summary>
    public static int Enter(ReadOnlySpan<char> s, int i, ref int end)
    {
        if (i < end || s[i] is not ('[' or '#' or '@'))
        {
            return 0;
        }

        var length = Length(s, i);
        end = i + length;
        return length;
    }

    /// <summary><c>[name]</c>: one to <see cref="MaxCode"/> characters with no bracket or space in them.</summary>
    private static int Code(ReadOnlySpan<char> s, int i)
    {
        for (var j = i + 1; j < s.Length && j - i - 1 <= MaxCode; j++)
        {
            if (s[j] == ']')
            {
                return j - i > 1 ? j - i + 1 : 0;
            }

            if (s[j] is '[' or ' ')
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary><c>#topic#</c> (Weibo, Douyin) when a closing # follows before a space; else <c>#word</c> as a tag.</summary>
    private static int Hashtag(ReadOnlySpan<char> s, int i)
    {
        for (var j = i + 1; j < s.Length && j - i <= MaxTag; j++)
        {
            if (s[j] == '#')
            {
                return j - i > 1 ? j - i + 1 : 0;
            }

            if (s[j] == ' ')
            {
                break;
            }
        }

        return Tag(s, i);
    }

    /// <summary><c>#word</c> or <c>@name</c>: up to a space, punctuation or another tag.</summary>
    private static int Tag(ReadOnlySpan<char> s, int i)
    {
        var j = i + 1;
        while (j < s.Length && j - i <= MaxTag && !Ends(s[j]))
        {
            j++;
        }

        return j - i > 1 ? j - i : 0;
    }

    private static bool Ends(char c) =>
        char.IsWhiteSpace(c) || c is '#' or '@' or '[' or ',' or '.' or '!' or '?' or ';' or ':' or '，' or '。' or '！' or '？' or '；' or '：' or '、' or '~';
}
