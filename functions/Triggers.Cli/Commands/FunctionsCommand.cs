using System.CommandLine;
using Triggers.Cli.Functions;
using Triggers.Core.Hosting;

namespace Triggers.Cli.Commands;

public static class FunctionsCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("directory")
        {
            Description = "Folder of the function app package (the one holding host.json).",
        };
        var write = new Command("write", "Write each function's function.json from the function catalog.") { directory };
        write.SetAction(parse =>
        {
            var target = parse.GetValue(directory)!;
            foreach (var path in FunctionFolderWriter.Write(target.FullName))
            {
                Console.WriteLine($"wrote {path}");
            }

            return 0;
        });

        var list = new Command("list", "List the functions the app exposes to the Functions host.");
        list.SetAction(_ =>
        {
            var width = FunctionCatalog.All.Max(f => f.Name.Length);
            foreach (var f in FunctionCatalog.All)
            {
                var what = f.Trigger switch
                {
                    FunctionTrigger.Http => $"http {string.Join(",", f.Methods ?? [])} /api/{f.Route} ({f.AuthLevel})",
                    FunctionTrigger.Queue => $"queue {f.QueueName}",
                    FunctionTrigger.ServiceBus => $"service bus {f.QueueName}",
                    FunctionTrigger.Timer => $"timer {f.Schedule}",
                    _ => f.Trigger.ToString(),
                };
                Console.WriteLine($"{f.Name.PadRight(width)} {what}");
            }

            return 0;
        });

        return new Command("functions", "The function catalog: list it, or write function.json files for packaging.") { list, write };
    }
}
