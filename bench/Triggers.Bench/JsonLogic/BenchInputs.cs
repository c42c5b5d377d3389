using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.Bench.JsonLogic;

/// <summary>
/// The inputs both engines read: 200 realistic rules and 1,000 realistic condition-data objects, drawn from a
/// fixed seed (so <c>--jsonlogic-generate</c> rewrites the same files byte for byte), plus the conformance suite.
/// </summary>
public static class BenchInputs
{
    public const int Seed = 20261122;
    public const int RuleCount = 200;
    public const int DataCount = 1000;

    private static readonly string[] Topics = ["range_anxiety", "charging", "price", "quality", "service", "delivery", "design", "after_sales"];

    // Clauses a customer writes, each with the topics its keywords hit and its lean (-1 negative, 0 neutral, +1 positive).
    private static readonly (string Text, string[] Topics, int Lean)[] Clauses =
    [
        ("续航太差了", ["range_anxiety"], -1), ("冬天掉电太快", ["range_anxiety"], -1), ("续航很满意", ["range_anxiety"], 1),
        ("实际里程虚标严重", ["range_anxiety"], -1), ("高速上电量掉得厉害", ["range_anxiety"], -1), ("电池衰减怎么样", ["range_anxiety"], 0),
        ("小区没有充电桩", ["range_anxiety", "charging"], -1), ("超充十五分钟就满了", ["charging"], 1), ("快充速度还可以", ["charging"], 1),
        ("充电站排队好久", ["charging"], -1), ("能换电吗", ["charging"], 0), ("家里能装充电桩吗", ["range_anxiety", "charging"], 0),
        ("价格太贵了", ["price"], -1), ("落地价多少", ["price"], 0), ("性价比很高", ["price"], 1), ("有没有优惠", ["price"], 0),
        ("刚买就降价了", ["price"], -1), ("这个报价挺划算", ["price"], 1), ("能打折吗", ["price"], 0),
        ("做工很扎实", ["quality"], 1), ("车门有异响", ["quality"], -1), ("品控有问题", ["quality"], -1), ("内饰用料质感不错", ["quality", "design"], 1),
        ("客服态度很好", ["service"], 1), ("销售顾问一直不回消息", ["service"], -1), ("接待的专员很专业", ["service"], 1),
        ("提车等了三个月", ["delivery"], -1), ("什么时候能交车", ["delivery"], 0), ("交付很快", ["delivery"], 1), ("物流一直没更新", ["delivery"], -1),
        ("外观太好看了", ["design"], 1), ("颜值在线", ["design"], 1), ("尾灯设计有点丑", ["design"], -1), ("这个配色真漂亮", ["design"], 1),
        ("售后维修要排队一周", ["after_sales"], -1), ("保养多少钱", ["after_sales", "price"], 0), ("质保几年", ["after_sales"], 0),
        ("申请退款三天了没人理", ["after_sales"], -1), ("4S店服务不错", ["after_sales", "service"], 1),
        ("想预约试驾", [], 0), ("主播讲得真好", [], 1), ("666", [], 1), ("来了来了", [], 0), ("求链接", [], 0), ("能发个价格表吗", ["price"], 0),
        ("智驾体验怎么样", [], 0), ("我要投诉", [], -1), ("这车太棒了", [], 1), ("一般般吧", [], 0),
    ];

    private static readonly string[] Keywords =
        ["试驾", "投诉", "退款", "价格", "续航", "充电桩", "提车", "优惠", "售后", "异响", "链接", "预约", "贵", "好看", "客服", "交车", "智驾", "保养"];

    private static readonly (string Kind, string Type, int Weight)[] Kinds =
    [
        ("message", "text", 28), ("comment", "comment", 14), ("danmaku", "danmaku", 22), ("follow", "follow", 8),
        ("order", "order_paid", 7), ("refund", "refund_requested", 3), ("review", "review", 7), ("contact_added", "add_external_contact", 4),
        ("unfollow", "unfollow", 2), ("agent_message", "text", 3), ("event", "checkin", 2),
    ];

    private static readonly string[] Platforms = ["wechat", "wecom", "douyin", "xiaohongshu", "weibo", "kuaishou"];
    private static readonly string[] Tags = ["vip", "test_drive_booked", "owner", "lead", "fleet", "blocked", "influencer", "returning"];
    private static readonly string[] Names = ["小王", "李女士", "张先生", "电车爱好者", "阿杰", null!, "Momo", "陈工"];

    public static string DataDirectory(string repoRoot) => Path.Combine(repoRoot, "bench", "Triggers.Bench", "JsonLogic", "data");

    public static string RulesPath(string repoRoot) => Path.Combine(DataDirectory(repoRoot), "rules.json");

    public static string SignalsPath(string repoRoot) => Path.Combine(DataDirectory(repoRoot), "signals.json");

    public static string ConformancePath(string repoRoot) => Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "data", "jsonlogic", "tests.json"));

    /// <summary>Writes rules.json and signals.json.</summary>
    public static void Generate(string repoRoot)
    {
        var random = new Random(Seed);
        var rules = new JsonArray();
        for (var i = 0; i < RuleCount; i++)
        {
            rules.Add(Rule(random));
        }

        var data = new JsonArray();
        for (var i = 0; i < DataCount; i++)
        {
            data.Add(Data(random, i));
        }

        Directory.CreateDirectory(DataDirectory(repoRoot));
        Write(RulesPath(repoRoot), rules);
        Write(SignalsPath(repoRoot), data);
        Console.WriteLine($"wrote {RuleCount} rules to {RulesPath(repoRoot)} and {DataCount} data objects to {SignalsPath(repoRoot)}");
    }

    private static void Write(string path, JsonArray items)
    {
        // One item a line: small diffs, readable, still plain JSON.
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var lines = items.Select(item => "  " + item!.ToJsonString(options));
        File.WriteAllText(path, "[\n" + string.Join(",\n", lines) + "\n]\n");
    }

    private static JsonObject Data(Random random, int index)
    {
        var total = Kinds.Sum(k => k.Weight);
        var pick = random.Next(total);
        var (kind, type, _) = Kinds.First(k => (pick -= k.Weight) < 0);
        var platform = kind is "danmaku" ? Pick(random, ["douyin", "kuaishou"]) : kind is "contact_added" ? "wecom" : Pick(random, Platforms);
        var occurredAt = new DateTime(2026, 11, 14, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(8 * 24 * 3600));
        var actorId = "u" + random.Next(400).ToString("D4", CultureInfo.InvariantCulture);

        string? text = null;
        var topics = new List<string>();
        var lean = 0.0;
        if (kind is "message" or "comment" or "danmaku" or "review" or "agent_message" or "refund")
        {
            var clauses = Enumerable.Range(0, kind == "danmaku" ? 1 : 1 + random.Next(3)).Select(_ => Clauses[random.Next(Clauses.Length)]).ToList();
            text = string.Join("，", clauses.Select(c => c.Text));
            topics.AddRange(clauses.SelectMany(c => c.Topics).Distinct());
            lean = clauses.Average(c => c.Lean);
        }

        var (positive, neutral, negative) = Scores(random, text is null ? 0 : lean + (kind == "refund" ? -0.5 : 0));
        var label = negative >= positive && negative >= neutral ? "negative" : positive >= neutral ? "positive" : "neutral";

        var attributes = new JsonObject();
        if (kind == "order")
        {
            attributes["orderId"] = "OD" + random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
            attributes["amount"] = (random.Next(1500, 3500) * 100).ToString(CultureInfo.InvariantCulture);
            attributes["model"] = Pick(random, ["S7", "G6", "X9", "L60"]);
        }
        else if (kind == "event")
        {
            attributes["event"] = "knowledge_checkin";
        }
        else if (kind == "danmaku")
        {
            attributes["roomId"] = "room-" + random.Next(1, 4).ToString(CultureInfo.InvariantCulture);
        }

        var contact = new JsonObject { ["id"] = actorId };
        if (random.NextDouble() < 0.7)
        {
            contact["tags"] = new JsonArray(Tags.Where(_ => random.NextDouble() < 0.2).Select(t => (JsonNode?)t).ToArray());
            contact["orders"] = random.Next(0, 10) < 7 ? 0 : random.Next(1, 4);
            contact["coins"] = random.Next(0, 500);
            contact["checkinStreak"] = random.Next(0, 15);
            contact["followedAt"] = occurredAt.AddDays(-random.Next(0, 400)).ToString("O", CultureInfo.InvariantCulture);
            if (random.NextDouble() < 0.3)
            {
                contact["phone"] = "138" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
            }
        }

        var emotion = new JsonObject();
        foreach (var topic in topics.OrderBy(t => t, StringComparer.Ordinal))
        {
            var intensity = Round(random.NextDouble());
            var baseline = Round(random.NextDouble() * 0.5);
            emotion[topic] = new JsonObject
            {
                ["intensity"] = intensity,
                ["baseline"] = baseline,
                ["peak"] = intensity >= 0.6 && intensity - baseline >= 0.3,
                ["valence"] = Round(Math.Clamp(lean + (random.NextDouble() - 0.5), -1, 1)),
            };
        }

        var room = new JsonObject();
        if (kind is "danmaku" or "comment")
        {
            var all = (Count: 0, Positive: 0, Negative: 0);
            foreach (var topic in Topics.Where(_ => random.NextDouble() < 0.4))
            {
                var (count, pos, neg) = RoomCounts(random, 15);
                all = (all.Count + count, all.Positive + pos, all.Negative + neg);
                room[topic] = RoomJson(random, count, pos, neg);
            }

            var (extra, extraPositive, extraNegative) = RoomCounts(random, 30);
            room["all"] = RoomJson(random, all.Count + extra, all.Positive + extraPositive, all.Negative + extraNegative);
        }
        else
        {
            room["all"] = RoomJson(random, 0, 0, 0);
        }

        return new JsonObject
        {
            ["signal"] = new JsonObject
            {
                ["id"] = "sig-" + index.ToString("D5", CultureInfo.InvariantCulture),
                ["kind"] = kind,
                ["type"] = type,
                ["platform"] = platform,
                ["channel"] = kind == "danmaku" ? "livestream" : "demo",
                ["tenant"] = "default",
                ["text"] = text,
                ["occurredAt"] = occurredAt.ToString("O", CultureInfo.InvariantCulture),
                ["actor"] = new JsonObject { ["id"] = actorId, ["name"] = Names[random.Next(Names.Length)] },
                ["attributes"] = attributes,
            },
            ["sentiment"] = new JsonObject { ["label"] = label, ["positive"] = positive, ["neutral"] = neutral, ["negative"] = negative },
            ["topics"] = new JsonArray(topics.Select(t => (JsonNode?)t).ToArray()),
            ["contact"] = contact,
            ["emotion"] = emotion,
            ["room"] = room,
        };
    }

    private static (int Count, int Positive, int Negative) RoomCounts(Random random, int max)
    {
        var count = random.Next(0, max);
        var positive = random.Next(0, count + 1);
        return (count, positive, random.Next(0, count - positive + 1));
    }

    private static JsonObject RoomJson(Random random, int count, int positive, int negative) => new()
    {
        ["count"] = count,
        ["positive"] = positive,
        ["negative"] = negative,
        ["neutral"] = count - positive - negative,
        ["avgPositive"] = count == 0 ? 0.0 : Round(random.NextDouble()),
        ["avgNegative"] = count == 0 ? 0.0 : Round(random.NextDouble()),
    };

    private static (double Positive, double Neutral, double Negative) Scores(Random random, double lean)
    {
        var positive = Math.Max(0.01, random.NextDouble() + lean);
        var negative = Math.Max(0.01, random.NextDouble() - lean);
        var neutral = random.NextDouble() * 0.8;
        var sum = positive + negative + neutral;
        return (Round(positive / sum), Round(neutral / sum), Round(negative / sum));
    }

    private static double Round(double value) => Math.Round(value, 2);

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;

    private static JsonNode Var(string path) => new JsonObject { ["var"] = path };

    private static JsonNode Op(string op, params JsonNode?[] args) => new JsonObject { [op] = new JsonArray(args) };

    private static JsonNode Str(string s) => JsonValue.Create(s);

    private static JsonNode Num(double d) => JsonValue.Create(d);

    private static JsonArray StrArray(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    private static JsonNode Rule(Random random)
    {
        var core = random.NextDouble() < 0.8;
        var rule = core ? CoreRule(random) : ExtendedRule(random);

        // Many rules are scoped to a few kinds.
        if (random.NextDouble() < 0.35)
        {
            var kinds = StrArray(Kinds.Where(_ => random.NextDouble() < 0.3).Select(k => k.Kind).DefaultIfEmpty("message"));
            rule = Op("and", Op("in", Var("signal.kind"), kinds), rule);
        }

        return rule;
    }

    private static string Topic(Random random) => Pick(random, Topics);

    private static JsonNode Threshold(Random random) => Num(Round(0.3 + (random.NextDouble() * 0.6)));

    private static JsonNode CoreRule(Random random)
    {
        var topic = Topic(random);
        var kind = Kinds[random.Next(Kinds.Length)].Kind;
        switch (random.Next(20))
        {
            case 0: return Op("==", Var("signal.kind"), Str(kind));
            case 1: return Op("and", Op("==", Var("signal.kind"), Str("message")), Op("==", Var("sentiment.label"), Str("negative")));
            case 2: return Op("and", Op("in", Var("signal.kind"), StrArray(["message", "comment", "review"])), Op(">", Var("sentiment.negative"), Threshold(random)));
            case 3: return Op("in", Str(Pick(random, Keywords)), Var("signal.text"));
            case 4: return Op("and", Op("in", Str(topic), Var("topics")), Op(">", Var($"emotion.{topic}.valence"), Num(Round(random.NextDouble() - 0.2))));
            case 5: return Op("==", Var($"emotion.{topic}.peak"), JsonValue.Create(true));
            case 6: return Op("and", Op("==", Var("signal.kind"), Str(Pick(random, ["order", "refund", "review"]))), Op("in", Str(topic), Var("topics")));
            case 7: return Op(">", Var($"room.{topic}.negative"), Num(random.Next(2, 8)));
            case 8: return Op("or", [.. Enumerable.Range(0, 2 + random.Next(3)).Select(_ => Op("in", Str(Pick(random, Keywords)), Var("signal.text")))]);
            case 9:
                return Op("if",
                    Op("==", Var("signal.kind"), Str("order")), Op(">", Var("sentiment.negative"), Threshold(random)),
                    Op("==", Var("signal.kind"), Str("review")), Op("<", Var("sentiment.positive"), Num(0.3)),
                    JsonValue.Create(false));
            case 10: return Op("<", Num(Round(random.NextDouble() * 0.4)), Var("sentiment.negative"), Num(Round(0.6 + (random.NextDouble() * 0.4))));
            case 11: return Op("and", Op("==", Var("signal.kind"), Str("message")), Op("!", Op("missing", Str("contact.phone"))), Op("==", Var("sentiment.label"), Str("positive")));
            case 12:
                return Op("and", Op("==", Var("signal.kind"), Str("danmaku")), Op(">=", Var("room.all.count"), Num(random.Next(10, 40))),
                    Op(">", Var("room.all.avgNegative"), Threshold(random)));
            case 13: return Op("and", Op("==", Var("signal.kind"), Str("review")), Op(">=", Var("contact.orders"), Num(1)), Op("<=", Var("sentiment.positive"), Num(0.4)));
            case 14:
                return Op("and", Op("===", Var("signal.kind"), Str("event")), Op("==", Var("signal.attributes.event"), Str("knowledge_checkin")),
                    Op(">=", Var("contact.checkinStreak"), Num(random.Next(3, 10))));
            case 15: return Op("and", Op("in", Var("signal.platform"), StrArray(["wechat", "wecom"])), Op("!==", Var("sentiment.label"), Str("neutral")));
            case 16: return Op("and", Op("in", Str(Pick(random, Tags)), Op("var", Str("contact.tags"), new JsonArray())), Op("!=", Var("signal.kind"), Str("unfollow")));
            case 17: return Op("and", Op("==", Var("signal.kind"), Str("follow")), Op(">=", Var("signal.occurredAt"), Str($"2026-11-{random.Next(14, 22):D2}T00:00:00")));
            case 18:
                return Op("or", Op("and", Op("!!", Op("var", Str($"emotion.{topic}.peak"), JsonValue.Create(false))), Op("<", Var($"emotion.{topic}.valence"), Num(-0.3))),
                    Op("and", Op("in", Str("我要投诉"), Var("signal.text")), Op("==", Var("sentiment.label"), Str("negative"))));
            default:
                return Op("and", Op("==", Var("signal.kind"), Str("order")), Op(">", Var("signal.attributes.amount"), Num(random.Next(20, 30) * 10000)), Op("==", Var("signal.attributes.model"), Str(Pick(random, ["S7", "G6", "X9", "L60"]))));
        }
    }

    private static JsonNode ExtendedRule(Random random)
    {
        var topic = Topic(random);
        var other = Topic(random);
        return random.Next(10) switch
        {
            0 => Op(">", Op("-", Var("sentiment.negative"), Var("sentiment.positive")), Threshold(random)),
            1 => Op(">", Op("*", Var($"room.{topic}.negative"), Num(2)), Op("+", Var($"room.{topic}.positive"), Num(1))),
            2 => Op("some", Var("topics"), Op("in", Var(""), StrArray([topic, other]))),
            3 => Op(">=", Op("reduce", Var("topics"), Op("+", Var("accumulator"), Num(1)), Num(0)), Num(2)),
            4 => Op("==", Op("cat", Var("signal.platform"), Str(":"), Var("signal.kind")), Str(Pick(random, ["douyin:danmaku", "wechat:message", "wecom:contact_added"]))),
            5 => Op("==", Op("substr", Var("signal.occurredAt"), Num(0), Num(10)), Str($"2026-11-{random.Next(14, 22):D2}")),
            6 => Op(">", Op("max", Op("var", Str($"emotion.{topic}.intensity"), Num(0)), Op("var", Str($"emotion.{other}.intensity"), Num(0))), Threshold(random)),
            7 => Op("and", Op("==", Var("signal.kind"), Str("event")), Op("==", Op("%", Var("contact.checkinStreak"), Num(7)), Num(0))),
            8 => Op(">=", Op("var", Str("contact.coins"), Num(0)), Op("*", Var("contact.orders"), Num(100))),
            _ => Op("and", Op("!!", Var("topics")), Op("none", Var("topics"), Op("in", Var(""), StrArray([topic, other])))),
        };
    }
}
