namespace Triggers.Core.Analysis.Embedded.Lexicon;

/// <summary>Negators, intensifiers, diminishers, contrast words and neutral blockers, Chinese and English.</summary>
internal static class Modifiers
{
    // The value scales the flipped term: a negated word is weaker than its opposite ("not good" is not "bad").
    public const string Negators = """
        不 0.8
        没 0.8
        没有 0.8
        木有 0.8
        别 0.8
        无 0.8
        非 0.8
        未 0.8
        不是 0.8
        并不 0.9
        并没有 0.9
        从不 0.9
        从没 0.9
        绝不 1
        决不 1
        毫无 1
        不太 0.5
        不怎么 0.5
        不够 0.6
        不会 0.8
        不能 0.8
        一点也不 1.2
        一点都不 1.2
        这也叫 1
        也配叫 1
        not 0.8
        no 0.8
        never 0.9
        don't 0.8
        dont 0.8
        doesn't 0.8
        doesnt 0.8
        didn't 0.8
        didnt 0.8
        isn't 0.8
        isnt 0.8
        wasn't 0.8
        wasnt 0.8
        aren't 0.8
        weren't 0.8
        can't 0.8
        cant 0.8
        cannot 0.8
        won't 0.8
        wont 0.8
        couldn't 0.8
        wouldn't 0.8
        shouldn't 0.8
        haven't 0.8
        hasn't 0.8
        hadn't 0.8
        ain't 0.8
        nothing 0.8
        nobody 0.8
        neither 0.8
        nor 0.8
        without 0.8
        hardly 0.6
        barely 0.6
        not very 0.5
        not that 0.5
        not so 0.5
        """;

    public const string Intensifiers = """
        很 1.5
        非常 1.8
        太 1.8
        超 1.8
        超级 2
        特别 1.8
        十分 1.8
        极 2
        极其 2
        极度 2
        最 1.8
        挺 1.3
        蛮 1.3
        真 1.4
        真的 1.4
        相当 1.6
        巨 1.8
        贼 1.6
        更 1.3
        更加 1.5
        越来越 1.4
        实在 1.5
        简直 1.6
        完全 1.5
        绝对 1.5
        过于 1.6
        太过 1.8
        狠狠 1.6
        very 1.5
        so 1.4
        really 1.4
        extremely 2
        super 1.6
        too 1.4
        totally 1.5
        absolutely 1.6
        incredibly 1.8
        highly 1.5
        truly 1.4
        quite 1.2
        pretty 1.2
        such 1.3
        most 1.5
        way too 1.8
        有点 0.6
        有点儿 0.6
        有些 0.7
        稍微 0.5
        稍 0.6
        略 0.6
        略微 0.5
        比较 0.8
        还算 0.8
        a bit 0.6
        a little 0.6
        a tad 0.6
        slightly 0.5
        somewhat 0.6
        kind of 0.6
        kinda 0.6
        sort of 0.6
        a little bit 0.5
        """;

    public const string Contrasts = """
        但是
        但
        不过
        可是
        然而
        只是
        却
        but
        however
        though
        although
        """;

    // Words that hold a sentiment character but say nothing, or say it in a way the parts would misread.
    public const string Neutrals = """
        你好
        您好
        好的
        好像
        好多
        好几
        好久
        只好
        正好
        刚好
        好友
        好奇
        爱好
        不好意思
        不得不
        不同
        不仅
        不管
        不知道
        不久
        不断
        不少
        不一定
        不用
        没想到
        没事
        没关系
        无论
        非要
        差不多
        要不
        不然
        超市
        超过
        美元
        美国
        无线
        最后
        最近
        最新
        快递
        快点
        好不好
        look like
        looks like
        feel like
        feels like
        seems like
        would like
        like a
        like the
        just like
        """;
}
