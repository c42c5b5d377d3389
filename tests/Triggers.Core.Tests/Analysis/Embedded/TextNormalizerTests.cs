using Triggers.Core.Analysis.Embedded;

namespace Triggers.Core.Tests.Analysis.Embedded;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("ＧＯＯＤ！", "good!")]
    [InlineData("這個東西很讚", "这个东西很赞")]
    [InlineData("哈哈哈哈哈哈", "哈哈哈")]
    [InlineData("!!!!!!", "!!!")]
    [InlineData("❤️", "❤")]
    [InlineData("  a \t\n b  ", "a b ")]
    [InlineData("It\u2019s", "it's")]
    public void Folds_width_case_script_runs_and_spaces(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));
}
