using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.Core.Emotion;
using Triggers.Core.JsonLogic;
using Triggers.Core.Rules;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Bench.JsonLogic;

/// <summary>
/// <c>--jsonlogic</c>: the compiled evaluator against json-logic-js 2.0.5 (bench/jsonlogic-js) on the same rules and
/// data in the same run. (a) every row of the conformance suite that this build compiles; (b) 200 realistic rules ×
/// 1,000 realistic condition-data objects. Both engines: one core, warm-up, then timed rounds; the median round counts.
/// Rows or rules this build cannot compile are left out of both engines and counted.
/// </summary>
public static class JsonLogicComparison
{
    private sealed record Settings(double WarmupSeconds, int Rounds, double RoundSeconds);

    public static int Run(bool quick, bool byRule = false, bool csOnly = false)
    {
        var settings = quick ? new Settings(0.5, 3, 0.3) : new Settings(3, 7, 1.0);
        var repoRoot = RepoRoot();
        PinToOneCore();

        // (a) Conformance rows: [logic, data, expected]; the strings are section headings.
        var conformancePath = BenchInputs.ConformancePath(repoRoot);
        var rows = JsonNode.Parse(File.ReadAllText(conformancePath))!.AsArray().OfType<JsonArray>().ToList();
        var conformance = new List<(JsonLogicExpression Expression, JsonNode? Logic, JsonNode? Data, JsonNode? Expected)>();
        var conformanceSkipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            try
            {
                conformance.Add((Logic.Compile(row[0]), row[0], row[1], row[2]));
            }
            catch (JsonLogicException e)
            {
                Count(conformanceSkipped, Reason(e));
            }
        }

        // (b) Realistic rules × data.
        var allRules = JsonNode.Parse(File.ReadAllText(BenchInputs.RulesPath(repoRoot)))!.AsArray();
        var data = JsonNode.Parse(File.ReadAllText(BenchInputs.SignalsPath(repoRoot)))!.AsArray().ToArray();
        var rules = new List<(JsonLogicExpression Expression, JsonNode? Logic)>();
        var rulesSkipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in allRules)
        {
            try
            {
                rules.Add((Logic.Compile(rule), rule));
            }
            catch (JsonLogicException e)
            {
                Count(rulesSkipped, Reason(e));
            }
        }

        var conformanceMatches = conformance.Count(c => Same(c.Expression.Evaluate(c.Data), c.Expected));
        var truthyPerRule = rules.Select(r => data.Count(d => r.Expression.IsSatisfiedBy(d))).ToArray();

        // The exact inputs for json-logic-js: only what this build compiled.
        var planPath = Path.Combine(Path.GetTempPath(), $"triggers-jsonlogic-plan-{Environment.ProcessId}.json");
        var plan = new JsonObject
        {
            ["settings"] = new JsonObject { ["warmupSeconds"] = settings.WarmupSeconds, ["rounds"] = settings.Rounds, ["roundSeconds"] = settings.RoundSeconds },
            ["conformance"] = new JsonArray([.. conformance.Select(c => (JsonNode?)new JsonArray(c.Logic?.DeepClone(), c.Data?.DeepClone(), c.Expected?.DeepClone()))]),
            ["rules"] = new JsonArray([.. rules.Select(r => r.Logic?.DeepClone())]),
            ["data"] = new JsonArray([.. data.Select(d => d?.DeepClone())]),
        };
        File.WriteAllText(planPath, plan.ToJsonString());

        Console.WriteLine($"conformance: {rows.Count} rows, {conformance.Count} compiled, {rows.Count - conformance.Count} skipped in both engines{Describe(conformanceSkipped)}");
        Console.WriteLine($"realistic:   {allRules.Count} rules, {rules.Count} compiled, {allRules.Count - rules.Count} skipped in both engines{Describe(rulesSkipped)}; {data.Length} data objects");
        Console.WriteLine($"C# results matching the suite's expected value: {conformanceMatches}/{conformance.Count}");

        if (byRule)
        {
            PrintByRule(rules, [.. data.Select(Built)]);
        }

        // C#: compile once (above), evaluate many.
        var conformanceItems = conformance.Select(c => (c.Expression, c.Data)).ToArray();
        var ruleItems = rules.Select(r => r.Expression).ToArray();
        var csConformance = Measure(settings, conformanceItems.Length, () =>
        {
            var n = 0;
            foreach (var (expression, d) in conformanceItems)
            {
                n += expression.Evaluate(d) is null ? 0 : 1;
            }

            return n;
        });
        JsonNode?[] built = [.. data.Select(Built)];

        // The evaluator's native input, made before timing as json-logic-js's plain objects are: JsonLogicData is an
        // immutable copy of the data and remembers nothing between evaluations.
        var prepared = built.Select(d => new JsonLogicData(d)).ToArray();
        var csRealistic = MeasurePrepared(settings, ruleItems, prepared);
        if (csOnly)
        {
            // --cs-only: the two main C# lines alone, as the best of many single passes (robust to other processes
            // on a shared machine), for quick comparisons while working on the evaluator; not the published method.
            Console.WriteLine($"C#  realistic best pass {BestPass(() => { var n = 0; foreach (var p in prepared) { foreach (var e in ruleItems) { n += p.Satisfies(e) ? 1 : 0; } } return n; }, ruleItems.Length * prepared.Length),14:N0} evals/s  (prepared before timing)");
            if (Environment.GetEnvironmentVariable("JSONLOGIC_BENCH_PREPARED_ONLY") == "1")
            {
                return 0;
            }

            Console.WriteLine($"C#  realistic best pass {BestPass(() => { var n = 0; foreach (var d in built) { var p = new JsonLogicData(d); foreach (var e in ruleItems) { n += p.Satisfies(e) ? 1 : 0; } } return n; }, ruleItems.Length * built.Length),14:N0} evals/s  (JsonLogicData from the JsonNode inside the timing)");
            return 0;
        }

        var csRealisticConverted = MeasurePerSignal(settings, ruleItems, built);
        var csRealisticParsed = MeasurePerSignal(settings, ruleItems, data);

        // From the CLR values the rule engine has (signal, analysis, contact, emotion), inside the timing: the condition
        // data built straight into the evaluator's form, and, for comparison, built as a JsonObject and read in.
        var clr = data.Select(d => ClrInputs.From(d!)).ToArray();
        var clrDisagreeing = ClrDisagreements(ruleItems, prepared, clr);
        var csRealisticBuilt = MeasureFromClr(settings, ruleItems, clr, direct: true);
        var csRealisticBuiltJson = MeasureFromClr(settings, ruleItems, clr, direct: false);
        var csRealisticUnprepared = MeasureRules(settings, ruleItems, built);
        Console.WriteLine($"C#  conformance {csConformance.PerSecond,14:N0} evals/s  {csConformance.BytesPerEvaluation,7:N1} B/eval  (Evaluate(JsonNode): data read in, result copied out)");
        Console.WriteLine($"C#  realistic   {csRealistic.PerSecond,14:N0} evals/s  {csRealistic.BytesPerEvaluation,7:N1} B/eval  (per signal, all rules on its JsonLogicData, made before timing)");
        Console.WriteLine($"C#  realistic   {csRealisticConverted.PerSecond,14:N0} evals/s  {csRealisticConverted.BytesPerEvaluation,7:N1} B/eval  (per signal, JsonLogicData made from the JsonNode inside the timing, data built as ConditionData builds it)");
        Console.WriteLine($"C#  realistic   {csRealisticParsed.PerSecond,14:N0} evals/s  {csRealisticParsed.BytesPerEvaluation,7:N1} B/eval  (the same, data as JsonNode.Parse returns it)");
        Console.WriteLine($"C#  realistic   {csRealisticBuilt.PerSecond,14:N0} evals/s  {csRealisticBuilt.BytesPerEvaluation,7:N1} B/eval  (per signal, ConditionData.BuildLogicData from the signal's CLR values inside the timing)");
        Console.WriteLine($"C#  realistic   {csRealisticBuiltJson.PerSecond,14:N0} evals/s  {csRealisticBuiltJson.BytesPerEvaluation,7:N1} B/eval  (the same via ConditionData.Build + EmotionData.AddTo + new JsonLogicData, the previous production path)");
        Console.WriteLine($"C#  CLR-built data answering differently from the prepared data: {clrDisagreeing} of {ruleItems.Length * clr.Length} evaluations");
        Console.WriteLine($"C#  realistic   {csRealisticUnprepared.PerSecond,14:N0} evals/s  {csRealisticUnprepared.BytesPerEvaluation,7:N1} B/eval  (rule by rule, IsSatisfiedBy(JsonNode) on the raw node: the data read in on every evaluation)");

        JsonNode js;
        try
        {
            js = RunNode(repoRoot, planPath);
        }
        finally
        {
            File.Delete(planPath);
        }

        var jsConformance = js["conformance"]!["evalsPerSecond"]!.GetValue<double>();
        var jsRealistic = js["realistic"]!["evalsPerSecond"]!.GetValue<double>();
        var jsTruthy = js["realistic"]!["truthyPerRule"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
        var disagreeing = Enumerable.Range(0, truthyPerRule.Length).Count(i => i >= jsTruthy.Length || jsTruthy[i] != truthyPerRule[i]);
        Console.WriteLine($"JS  conformance {jsConformance,14:N0} evals/s  (json-logic-js {js["engine"]}, node {js["node"]})");
        Console.WriteLine($"JS  realistic   {jsRealistic,14:N0} evals/s");
        Console.WriteLine($"JS results matching the suite's expected value: {js["conformance"]!["matchesExpected"]}/{conformance.Count}");
        Console.WriteLine($"realistic rules where the engines' match counts differ: {disagreeing}/{rules.Count} ({truthyPerRule.Sum()} of {ruleItems.Length * data.Length} evaluations true in C#)");
        Console.WriteLine();
        Console.WriteLine($"ratio C#/JS conformance: {csConformance.PerSecond / jsConformance,6:N1}x");
        Console.WriteLine($"ratio C#/JS realistic:   {csRealistic.PerSecond / jsRealistic,6:N1}x   (target >= 20x)");
        Console.WriteLine($"ratio C#/JS realistic, condition data built from the CLR values inside the timing: {csRealisticBuilt.PerSecond / jsRealistic,6:N1}x");

        var summary = new JsonObject
        {
            ["conformance"] = new JsonObject
            {
                ["rows"] = rows.Count, ["compiled"] = conformance.Count, ["skipped"] = rows.Count - conformance.Count,
                ["csEvalsPerSecond"] = Math.Round(csConformance.PerSecond), ["csBytesPerEval"] = Math.Round(csConformance.BytesPerEvaluation, 1),
                ["jsEvalsPerSecond"] = Math.Round(jsConformance), ["ratio"] = Math.Round(csConformance.PerSecond / jsConformance, 1),
            },
            ["realistic"] = new JsonObject
            {
                ["rules"] = allRules.Count, ["compiled"] = rules.Count, ["skipped"] = allRules.Count - rules.Count, ["data"] = data.Length,
                ["csEvalsPerSecond"] = Math.Round(csRealistic.PerSecond), ["csBytesPerEval"] = Math.Round(csRealistic.BytesPerEvaluation, 1),
                ["jsEvalsPerSecond"] = Math.Round(jsRealistic), ["ratio"] = Math.Round(csRealistic.PerSecond / jsRealistic, 1),
                ["csConvertedEvalsPerSecond"] = Math.Round(csRealisticConverted.PerSecond), ["csConvertedBytesPerEval"] = Math.Round(csRealisticConverted.BytesPerEvaluation, 1),
                ["convertedRatio"] = Math.Round(csRealisticConverted.PerSecond / jsRealistic, 1),
                ["csParsedDataEvalsPerSecond"] = Math.Round(csRealisticParsed.PerSecond), ["csParsedDataBytesPerEval"] = Math.Round(csRealisticParsed.BytesPerEvaluation, 1),
                ["csBuiltEvalsPerSecond"] = Math.Round(csRealisticBuilt.PerSecond), ["csBuiltBytesPerEval"] = Math.Round(csRealisticBuilt.BytesPerEvaluation, 1),
                ["builtRatio"] = Math.Round(csRealisticBuilt.PerSecond / jsRealistic, 1),
                ["csBuiltViaJsonEvalsPerSecond"] = Math.Round(csRealisticBuiltJson.PerSecond), ["builtDisagreeing"] = clrDisagreeing,
                ["csUnpreparedEvalsPerSecond"] = Math.Round(csRealisticUnprepared.PerSecond), ["unpreparedRatio"] = Math.Round(csRealisticUnprepared.PerSecond / jsRealistic, 1),
                ["rulesDisagreeing"] = disagreeing,
            },
        };
        Console.WriteLine(summary.ToJsonString());
        return 0;
    }

    /// <summary>
    /// --by-rule: the rules that cost most per evaluation on prepared data (each data object's JsonLogicData made
    /// once and kept), and those that allocate. Rule by rule, so each rule's figure includes cache misses on the data
    /// that the signal-by-signal passes do not have.
    /// </summary>
    private static void PrintByRule(List<(JsonLogicExpression Expression, JsonNode? Logic)> rules, JsonNode?[] data)
    {
        var prepared = data.Select(d => new JsonLogicData(d)).ToArray();
        var costs = new List<(double Bytes, double Nanoseconds, string Logic)>();
        foreach (var (expression, logic) in rules)
        {
            for (var warm = 0; warm < 20; warm++)
            {
                foreach (var d in prepared)
                {
                    d.Satisfies(expression);
                }
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (var repeat = 0; repeat < 20; repeat++)
            {
                foreach (var d in prepared)
                {
                    d.Satisfies(expression);
                }
            }

            watch.Stop();
            var evaluations = 20.0 * data.Length;
            costs.Add(((GC.GetAllocatedBytesForCurrentThread() - before) / evaluations, watch.Elapsed.TotalNanoseconds / evaluations, logic!.ToJsonString(Readable)));
        }

        Console.WriteLine("slowest rules (prepared data built as ConditionData builds it):");
        foreach (var (bytes, nanoseconds, logic) in costs.OrderByDescending(c => c.Nanoseconds).Take(20))
        {
            Console.WriteLine($"  {nanoseconds,7:N0} ns  {bytes,7:N1} B  {logic}");
        }

        Console.WriteLine($"  rules allocating: {costs.Count(c => c.Bytes >= 0.5)}/{costs.Count}; median {costs.Select(c => c.Nanoseconds).Order().ElementAt(costs.Count / 2):N0} ns/eval, mean {costs.Average(c => c.Nanoseconds):N0} ns/eval");
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Rule by rule over the raw data: every <c>var</c> is looked up afresh.</summary>
    private static Figure MeasureRules(Settings settings, JsonLogicExpression[] rules, JsonNode?[] data) =>
        Measure(settings, rules.Length * data.Length, () =>
        {
            var n = 0;
            foreach (var expression in rules)
            {
                foreach (var d in data)
                {
                    n += expression.IsSatisfiedBy(d) ? 1 : 0;
                }
            }

            return n;
        });

    /// <summary>Signal by signal over data already in the evaluator's form: every rule against each.</summary>
    private static Figure MeasurePrepared(Settings settings, JsonLogicExpression[] rules, JsonLogicData[] data) =>
        Measure(settings, rules.Length * data.Length, () =>
        {
            var n = 0;
            foreach (var prepared in data)
            {
                foreach (var expression in rules)
                {
                    n += prepared.Satisfies(expression) ? 1 : 0;
                }
            }

            return n;
        });

    /// <summary>
    /// As the rule engine runs: each signal's JsonNode read into a JsonLogicData (inside the timed pass, so its cost
    /// counts), then every rule evaluated against it.
    /// </summary>
    private static Figure MeasurePerSignal(Settings settings, JsonLogicExpression[] rules, JsonNode?[] data) =>
        Measure(settings, rules.Length * data.Length, () =>
        {
            var n = 0;
            foreach (var d in data)
            {
                var prepared = new JsonLogicData(d);
                foreach (var expression in rules)
                {
                    n += prepared.Satisfies(expression) ? 1 : 0;
                }
            }

            return n;
        });

    /// <summary>How many (rule, data object) answers differ between the CLR-built data and the prepared bench data (must be 0).</summary>
    private static int ClrDisagreements(JsonLogicExpression[] rules, JsonLogicData[] prepared, ClrInputs[] clr)
    {
        var differing = 0;
        for (var i = 0; i < clr.Length; i++)
        {
            var c = clr[i];
            var built = ConditionData.BuildLogicData(c.Signal, c.Analysis, c.Contact, c.Emotion);
            differing += rules.Count(rule => built.Satisfies(rule) != prepared[i].Satisfies(rule));
        }

        return differing;
    }

    /// <summary>As the rule engine runs from a signal: its condition data built inside the timed pass, then every rule evaluated against it.</summary>
    private static Figure MeasureFromClr(Settings settings, JsonLogicExpression[] rules, ClrInputs[] clr, bool direct) =>
        Measure(settings, rules.Length * clr.Length, () =>
        {
            var n = 0;
            foreach (var c in clr)
            {
                JsonLogicData prepared;
                if (direct)
                {
                    prepared = ConditionData.BuildLogicData(c.Signal, c.Analysis, c.Contact, c.Emotion);
                }
                else
                {
                    var json = ConditionData.Build(c.Signal, c.Analysis, c.Contact);
                    EmotionData.AddTo(json, c.Emotion);
                    prepared = new JsonLogicData(json);
                }

                foreach (var expression in rules)
                {
                    n += prepared.Satisfies(expression) ? 1 : 0;
                }
            }

            return n;
        });

    /// <summary>
    /// The data as ConditionData and EmotionData build it in production: values made from CLR strings, ints, doubles
    /// and bools, not the JsonElement-backed values of JsonNode.Parse (whose strings and numbers are decoded on each read).
    /// </summary>
    private static JsonNode? Built(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Built(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Built)]),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => JsonValue.Create(value.GetValue<string>()),
            JsonValueKind.True => JsonValue.Create(true),
            JsonValueKind.False => JsonValue.Create(false),
            JsonValueKind.Number when value.TryGetValue<int>(out var i) => JsonValue.Create(i),
            JsonValueKind.Number => JsonValue.Create(value.GetValue<double>()),
            _ => value.DeepClone(),
        },
        _ => node.DeepClone(),
    };

    private static double BestPass(Func<int> pass, int evaluationsPerPass)
    {
        var best = double.MaxValue;
        var sink = 0;
        for (var i = 0; i < (Environment.GetEnvironmentVariable("JSONLOGIC_BENCH_PASSES") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : 150); i++)
        {
            var watch = Stopwatch.StartNew();
            sink += pass();
            if (i >= 30)
            {
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }
        }

        GC.KeepAlive(sink);
        return evaluationsPerPass / best;
    }

    private readonly record struct Figure(double PerSecond, double BytesPerEvaluation);

    /// <summary>Warm-up, then timed rounds of whole passes; the median round's rate and the allocations over all rounds.</summary>
    private static Figure Measure(Settings settings, int evaluationsPerPass, Func<int> pass)
    {
        var sink = 0;
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < settings.WarmupSeconds)
        {
            sink += pass();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var rates = new List<double>();
        long evaluations = 0;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < settings.Rounds; round++)
        {
            long passes = 0;
            var watch = Stopwatch.StartNew();
            do
            {
                sink += pass();
                passes++;
            }
            while (watch.Elapsed.TotalSeconds < settings.RoundSeconds);
            watch.Stop();
            rates.Add(passes * evaluationsPerPass / watch.Elapsed.TotalSeconds);
            evaluations += passes * evaluationsPerPass;
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        GC.KeepAlive(sink);
        rates.Sort();
        return new Figure(rates[rates.Count / 2], (double)bytes / evaluations);
    }

    private static JsonNode RunNode(string repoRoot, string planPath)
    {
        var folder = Path.Combine(repoRoot, "bench", "jsonlogic-js");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "json-logic-js")))
        {
            Console.WriteLine("installing json-logic-js (npm ci in bench/jsonlogic-js) ...");
            Exec(folder, "npm", ["ci", "--no-audit", "--no-fund"], out _);
        }

        // Same core as this process when taskset is there; node runs JavaScript on one thread anyway.
        var taskset = File.Exists("/usr/bin/taskset") ? "/usr/bin/taskset" : null;
        string output;
        if (taskset is not null)
        {
            Exec(folder, taskset, ["-c", "0", "node", "bench.js", planPath], out output);
        }
        else
        {
            Exec(folder, "node", ["bench.js", planPath], out output);
        }

        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        return JsonNode.Parse(last)!;
    }

    private static void Exec(string folder, string file, string[] arguments, out string output)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void PinToOneCore()
    {
        try
        {
            using var self = Process.GetCurrentProcess();
            if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
            {
                self.ProcessorAffinity = 1;
            }

            self.PriorityClass = ProcessPriorityClass.High;
        }
        catch (Exception e) when (e is PlatformNotSupportedException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // Not allowed here: the figures are still single-threaded.
        }
    }

    private static bool Same(JsonNode? actual, JsonNode? expected) =>
        (actual?.ToJsonString() ?? "null") == (expected?.ToJsonString() ?? "null") || JsonNode.DeepEquals(actual, expected);

    private static string Reason(JsonLogicException e)
    {
        var message = e.Message;
        if (message.StartsWith("unknown operator", StringComparison.Ordinal))
        {
            var quote = message.IndexOf('"', StringComparison.Ordinal);
            var end = message.IndexOf('"', quote + 1);
            return "unknown " + message[quote..(end + 1)];
        }

        return message.StartsWith("operator", StringComparison.Ordinal) ? "argument count" : "other";
    }

    private static void Count(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Describe(SortedDictionary<string, int> skipped) =>
        skipped.Count == 0 ? "" : " (" + string.Join(", ", skipped.Select(s => $"{s.Key}: {s.Value.ToString(CultureInfo.InvariantCulture)}")) + ")";

    public static string RepoRoot()
    {
        var fromBuild = typeof(JsonLogicComparison).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "Triggers.sln")))
        {
            return Path.GetFullPath(fromBuild);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Triggers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Triggers.sln)");
    }
}
