using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Triggers.Bench;
using Triggers.Bench.JsonLogic;

// In-process (no generated project to build) and pinned to one core; --quick trades precision for a short run.
var quick = args.Contains("--quick");

// --jsonlogic: the compiled JsonLogic evaluator against json-logic-js in the same run (docs/benchmarks.md).
if (args.Contains("--jsonlogic-generate"))
{
    BenchInputs.Generate(JsonLogicComparison.RepoRoot());
    return 0;
}

// --azurite-capacity <connection string> [seconds] [concurrency]: storage's raw capacity for bench/load.
if (args.Length >= 2 && args[0] == "--azurite-capacity")
{
    var seconds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    var concurrency = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 64;
    return await Triggers.Bench.Storage.AzuriteCapacity.RunAsync(args[1], TimeSpan.FromSeconds(seconds), concurrency);
}

// --count-events <connection string>: drains queue touchpoint-events and counts it, for bench/load/faults.mjs.
if (args.Length >= 2 && args[0] == "--count-events")
{
    return await Triggers.Bench.Storage.EventCount.RunAsync(args[1]);
}

// --subscribe-events <connection string>: consumes queue touchpoint-events until SIGTERM, as a subscriber would.
if (args.Length >= 2 && args[0] == "--subscribe-events")
{
    return await Triggers.Bench.Storage.EventSubscriber.RunAsync(args[1]);
}

// --coin-storm <base url> <admin key> <connection string> [operations] [tenant]: the knowledge-coin acceptance run.
if (args.Length >= 4 && args[0] == "--coin-storm")
{
    var operations = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    return await Triggers.Bench.Coins.CoinStormRun.RunAsync(args[1], args[2], args[3], operations, args.Length > 5 ? args[5] : "default");
}

if (args.Contains("--jsonlogic"))
{
    return JsonLogicComparison.Run(quick, args.Contains("--by-rule"), args.Contains("--cs-only"));
}

var job = (quick ? Job.ShortRun : Job.Default)
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithAffinity(1);
var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
var summary = BenchmarkRunner.Run<AnalyzerBenchmarks>(config, [.. args.Where(a => a != "--quick")]);

foreach (var report in summary.Reports.Where(r => r.ResultStatistics is not null))
{
    var nanoseconds = report.ResultStatistics!.Mean;
    var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
    Console.WriteLine($"{report.BenchmarkCase.Descriptor.WorkloadMethod.Name,-14} {1e9 / nanoseconds,12:N0} texts/s  {bytes,6} B/text");
}

return summary.HasCriticalValidationErrors ? 1 : 0;
