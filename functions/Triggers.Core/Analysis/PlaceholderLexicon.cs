namespace Triggers.Core.Analysis;

/// <summary>The placeholder analyser's word lists and its one rule: a negation just before a word flips it.</summary>
internal static class PlaceholderLexicon
{
    // Longer entries first, so 不错 (not bad = good) wins over 错 and 不满意 is read as one word.
    // Polarity 0 entries only stop greetings and fillers (你好, 好的) from counting as praise.
    private static readonly (string Word, int Polarity)[] Chinese =
    [
        ("你好", 0), ("您好", 0), ("好的", 0), ("好像", 0),
        ("不满意", -1), ("不错", 1), ("满意", 1), ("喜欢", 1), ("推荐", 1), ("谢谢", 1), ("开心", 1), ("好评", 1),
        ("很好", 1), ("漂亮", 1), ("划算", 1), ("失望", -1), ("垃圾", -1), ("差评", -1), ("投诉", -1), ("退款", -1),
        ("生气", -1), ("难用", -1), ("太慢", -1), ("破损", -1), ("骗子", -1), ("好", 1), ("棒", 1), ("赞", 1),
        ("差", -1), ("烂", -1), ("坏", -1), ("错", -1),
    ];

    private static readonly Dictionary<string, int> English = new(StringComparer.OrdinalIgnoreCase)
    {
        ["good"] = 1, ["great"] = 1, ["love"] = 1, ["happy"] = 1, ["thanks"] = 1, ["thank"] = 1,
        ["excellent"] = 1, ["awesome"] = 1, ["nice"] = 1, ["recommend"] = 1,
        ["bad"] = -1, ["terrible"] = -1, ["hate"] = -1, ["awful"] = -1, ["angry"] = -1, ["slow"] = -1, ["broken"] = -1,
        ["refund"] = -1, ["disappointed"] = -1, ["worst"] = -1, ["poor"] = -1, ["scam"] = -1,
    };

    private static readonly HashSet<string> EnglishNegations = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "no", "never", "don't", "dont", "doesn't", "isn't", "wasn't", "didn't", "aren't",
        "don\u2019t", "doesn\u2019t", "isn\u2019t", "wasn\u2019t", "didn\u2019t", "aren\u2019t",
    };

    public static (int Positive, int Negative) Count(string text)
    {
        var positive = 0;
        var negative = 0;
        void Add(int polarity)
        {
            if (polarity == 0)
            {
                return;
            }

            if (polarity > 0)
            {
                positive++;
            }
            else
            {
                negative++;
            }
        }

        CountChinese(text, Add);
        CountEnglish(text, Add);
        return (positive, negative);
    }

    private static void CountChinese(string text, Action<int> add)
    {
        for (var i = 0; i < text.Length;)
        {
            var match = Array.FindIndex(Chinese, entry => string.CompareOrdinal(text, i, entry.Word, 0, entry.Word.Length) == 0);
            if (match < 0)
            {
                i++;
                continue;
            }

            var (word, polarity) = Chinese[match];
            add(IsChineseNegation(text, i) ? -polarity : polarity);
            i += word.Length;
        }
    }

    // 不好, 没满意, 没有推荐, and one intensifier between: 不太好, 不很满意.
    private static bool IsChineseNegation(string text, int wordStart)
    {
        static bool IsNegator(char c) => c is '不' or '没';
        if (wordStart >= 1 && IsNegator(text[wordStart - 1]))
        {
            return true;
        }

        if (wordStart >= 2 && text[wordStart - 1] is '有' or '太' or '很' or '是' && IsNegator(text[wordStart - 2]))
        {
            return true;
        }

        return false;
    }

    private static void CountEnglish(string text, Action<int> add)
    {
        var previous = string.Empty;
        foreach (var token in Tokens(text))
        {
            if (English.TryGetValue(token, out var polarity))
            {
                add(EnglishNegations.Contains(previous) ? -polarity : polarity);
            }

            previous = token;
        }
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsAsciiLetter(text[i]) || (text[i] is '\'' or '\u2019' && start >= 0));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
