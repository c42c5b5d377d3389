namespace Triggers.Core.Analysis.Embedded.Lexicon;

/// <summary>
/// Traditional → simplified for the common characters of reviews, chat and comments. Hand-written (no external
/// data): the two strings are aligned character by character. Characters missing here pass through unchanged,
/// which only costs recall, because the lexicon and model are written in simplified characters.
/// </summary>
internal static class TraditionalChinese
{
    private const string Traditional =
        "這個們來說時會對還沒過開買賣錢貴價質體話電車愛歡滿讚壞爛難聽樣點麼為與經後務態應該實東機發貨夠負評讓謝極無語氣" +
        "長門問題覺雙級紅線網頁頭臉戲劇聲帥醜騙詐嚴壓誤錯舊髒亂傷憤惱煩厭討歲輕鬆順暢優萬寶貝親認專業趕緊強勁靈準確穩適" +
        "兩從給見觀場處總結係邊進運連遠週腦號碼費購訂單據幫帶傳驗試設計顏嗎誰麗裝備別聞灣國際島區廳館飯餐麵點熱鬧費華" +
        "麼爺奶媽氣陽陰風雲雞魚鳥馬蟲龍龜藥醫療護膚滅燈鐘錶鏡頭視頻讀寫書報紙筆記憶戀情緒歎嘆懶惡劣壞損廢棄該當護" +
        "陳舊慣習價值傑獎勵節慶禮誠懇熱誠謙讓協調殺險惜遺憾糾紛訴訟罰賠償虧損贏輸獲勝敗戰鬥爭吵鬧罵諷刺厲害顯響" +
        "響亮聰慧蠢貨獨態態蘋莊園溫暖飽餓渴膩鹹濃淡鮮嫩脆韌顆粒彈鬆軟硬燒烤煮蒸炒湯飲釀啤漿" +
        "噁幹劃廠衛異塊條鐵猶漲稱產並絕儘縮頂慮擔憂驚艷嚇請贊雖卻夢歷辦塗獻罷滾佔樂興淚槓漢誇譜嬌虛偽繼續頓閃燙壽員隊較蠻鑽錄謊賺賤擠勞輛駕駛紋廣觸聯繫盤雜貼遞郵達層鋪櫃潔乾淨齊陸遲換補嘗衝鴨倆憐盡悶鬱慘礙則億僅們車頭釋歸變鐘將團圍獸齡標準規範權證檢測構維紀錄課師學習練讀題難閱蘭燦爛豐驕鳴謎嗚鬨廁飛機場館餘蓋顧廳壯醫療環遊戲覽錯設義務監圍妝膚潤藝術貓兒億黃綠藍銀飾襪褲襯傘擋撐誌誘賴糧養護";

    private const string Simplified =
        "这个们来说时会对还没过开买卖钱贵价质体话电车爱欢满赞坏烂难听样点么为与经后务态应该实东机发货够负评让谢极无语气" +
        "长门问题觉双级红线网页头脸戏剧声帅丑骗诈严压误错旧脏乱伤愤恼烦厌讨岁轻松顺畅优万宝贝亲认专业赶紧强劲灵准确稳适" +
        "两从给见观场处总结系边进运连远周脑号码费购订单据帮带传验试设计颜吗谁丽装备别闻湾国际岛区厅馆饭餐面点热闹费华" +
        "么爷奶妈气阳阴风云鸡鱼鸟马虫龙龟药医疗护肤灭灯钟表镜头视频读写书报纸笔记忆恋情绪叹叹懒恶劣坏损废弃该当护" +
        "陈旧惯习价值杰奖励节庆礼诚恳热诚谦让协调杀险惜遗憾纠纷诉讼罚赔偿亏损赢输获胜败战斗争吵闹骂讽刺厉害显响" +
        "响亮聪慧蠢货独态态苹庄园温暖饱饿渴腻咸浓淡鲜嫩脆韧颗粒弹松软硬烧烤煮蒸炒汤饮酿啤浆" +
        "恶干划厂卫异块条铁犹涨称产并绝尽缩顶虑担忧惊艳吓请赞虽却梦历办涂献罢滚占乐兴泪杠汉夸谱娇虚伪继续顿闪烫寿员队较蛮钻录谎赚贱挤劳辆驾驶纹广触联系盘杂贴递邮达层铺柜洁干净齐陆迟换补尝冲鸭俩怜尽闷郁惨碍则亿仅们车头释归变钟将团围兽龄标准规范权证检测构维纪录课师学习练读题难阅兰灿烂丰骄鸣谜呜哄厕飞机场馆余盖顾厅壮医疗环游戏览错设义务监围妆肤润艺术猫儿亿黄绿蓝银饰袜裤衬伞挡撑志诱赖粮养护";

    private static readonly Dictionary<char, char> Map = Build();

    public static char ToSimplified(char c) => c < '\u4E00' ? c : Map.GetValueOrDefault(c, c);

    private static Dictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>(Traditional.Length);
        for (var i = 0; i < Traditional.Length; i++)
        {
            if (Traditional[i] != Simplified[i])
            {
                map[Traditional[i]] = Simplified[i];
            }
        }

        return map;
    }
}
