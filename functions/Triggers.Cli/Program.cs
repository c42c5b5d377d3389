using System.CommandLine;
using Triggers.Cli.Commands;

var root = new RootCommand("triggers: the Triggers command line for operators and for evaluation.")
{
    AnalyzeCommand.Create(),
    CoinsCommand.Create(),
    ContactsCommand.Create(),
    JsonLogicCommand.Create(),
    ModelCommand.Create(),
    RulesCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
