using Triggers.Platforms.WeChat;
using static Triggers.Platforms.Tests.WeChat.WeChatFixtures;

namespace Triggers.Platforms.Tests.WeChat;

public sealed class WeChatSignatureTests
{
    [Fact]
    public void Parts_are_sorted_by_ordinal_so_upper_case_comes_before_lower_case()
    {
        // Culture-aware sorting would give "1abcABC"; byte order gives "1ABCabc".
        Assert.Equal(Sha1OfSorted("1ABCabc"), WeChatSignature.Compute("abc", "1", "ABC"));
    }

    [Fact]
    public void Base64_punctuation_sorts_before_digits()
    {
        Assert.Equal(Sha1OfSorted("+/x1714112445415670741AAAAA"), WeChatSignature.Compute("AAAAA", "1714112445", "415670741", "+/x"));
    }

    [Fact]
    public void Signature_of_a_different_length_does_not_match()
    {
        Assert.False(WeChatSignature.Matches("f464b24fc39322e44b38aa78f5edd27bd144169", "AAAAA", "1714036504", "1514711492"));
        Assert.True(WeChatSignature.Matches("f464b24fc39322e44b38aa78f5edd27bd1441696", "AAAAA", "1714036504", "1514711492"));
    }
}
