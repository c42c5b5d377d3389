namespace Triggers.Bench;

/// <summary>A realistic mix of short comments (all ≤ 60 characters): Chinese, English, slang, emoji, mixed script.</summary>
internal static class ShortTexts
{
    public static readonly string[] All =
    [
        "质量很好，非常喜欢，会回购的",
        "物流太慢了，等了一个星期才到",
        "yyds！主播太牛了 666",
        "避雷避雷，千万别买",
        "Great product, fast shipping 👍",
        "The battery died after two days, very disappointed.",
        "续航太差了但是颜值很高",
        "客服态度超好，耐心解答了所有问题 😍",
        "不是很满意，有点贵",
        "哈哈哈哈哈笑死我了",
        "這個東西真的很讚，推薦給大家",
        "请问什么时候发货？",
        "quality很好 but 包装有点破",
        "无语了，又翻车了 🙄",
        "真香！已经种草了",
        "Not bad at all, would buy again :)",
        "充电桩老是坏，排队一个小时都充不上电",
        "味道一般般，分量还可以",
        "智商税，后悔买了 😡😡",
        "Love it!!! ❤️❤️",
        "明天下午三点开会",
        "外观挺好看的，可是用了两天就坏了",
        "(╯°□°)╯︵ ┻━┻ 又卡了",
        "绝绝子，姐妹们冲鸭",
    ];
}
