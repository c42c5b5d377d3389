using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.Tests;

public sealed class PlatformRegistryTests
{
    [Fact]
    public void Wechat_adapter_is_found_by_its_platform_name_in_any_case()
    {
        var adapter = new WeChatAdapter();
        var registry = new PlatformRegistry([adapter]);

        Assert.Same(adapter, registry.Find("wechat"));
        Assert.Same(adapter, registry.Find("WeChat"));
        Assert.Equal(["wechat"], registry.Platforms);
    }

    [Fact]
    public void Unknown_platform_is_not_found()
    {
        Assert.Null(new PlatformRegistry([new WeChatAdapter()]).Find("wecom"));
    }

    [Fact]
    public void Two_adapters_for_one_platform_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PlatformRegistry([new WeChatAdapter(), new WeChatAdapter()]));

        Assert.Contains("'wechat'", error.Message, StringComparison.Ordinal);
    }
}
