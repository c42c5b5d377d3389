using Triggers.Platforms.Bilibili;
using Triggers.Platforms.Doudian;
using Triggers.Platforms.Douyin;
using Triggers.Platforms.Generic;
using Triggers.Platforms.Kuaishou;
using Triggers.Platforms.WeChat;
using Triggers.Platforms.WeChatShop;
using Triggers.Platforms.WeCom;
using Triggers.Platforms.Xiaohongshu;

namespace Triggers.Platforms;

/// <summary>Every platform adapter, one per platform name in the contract.</summary>
public static class PlatformAdapters
{
    public static IReadOnlyList<IPlatformAdapter> All { get; } =
    [
        new WeChatAdapter(),
        new WeComAdapter(),
        new WeChatShopAdapter(),
        new DouyinAdapter(),
        new DoudianAdapter(),
        new KuaishouAdapter(),
        new XiaohongshuAdapter(),
        new BilibiliAdapter(),
        new GenericAdapter(),
    ];
}
