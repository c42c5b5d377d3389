namespace Triggers.Core.Analysis.Embedded.Lexicon;

/// <summary>Customer-service English that AFINN lacks or scores for another register; these override AFINN.</summary>
internal static class EnglishWords
{
    public const string Lines = """
        ok 1
        okay 1
        slow -2
        fast 1
        quick 1
        smooth 2
        refund -2
        broken -3
        laggy -2
        buggy -2
        crashes -2
        crashed -2
        freezes -2
        overpriced -3
        unhelpful -3
        unresponsive -2
        late -1
        delayed -2
        missing -2
        rip off -3
        ripoff -3
        meh -1
        doesn't work -3
        does not work -3
        stopped working -3
        not working -3
        works 1
        worked 1
        work 0
        quality 0
        easy 2
        sturdy 2
        reliable 2
        responsive 2
        helpful 2
        friendly 2
        comfortable 2
        affordable 2
        worth 2
        worth it 3
        five stars 3
        5 stars 3
        one star -3
        1 star -3
        return it -2
        returned it -2
        waste of money -4
        never again -3
        well done 3
        """;
}
