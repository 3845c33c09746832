using System.CommandLine.Help;
using System.CommandLine.Invocation;
using ErrorCatalog.Cli.Commands;

namespace ErrorCatalog.Cli;

/// <summary>The errcat entry point. <see cref="Run(string[], TextWriter, TextWriter)"/> is what tests call: arguments in, text out, exit code back.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs one errcat command line, writing results to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    /// <returns>An exit code from <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, null);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, with the built-in catalogs taken from <paramref name="catalogs"/> (errcat's own when null).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, EmbeddedCatalogs? catalogs)
    {
        ArgumentNullException.ThrowIfNull(args);
        var terminal = output as TerminalWriter ?? TerminalWriter.ForConsole(output, ReferenceEquals(output, Console.Out));
        var context = new CliContext(terminal, error, catalogs);
        try
        {
            return RunParsed(args, context, error);
        }
        finally
        {
            terminal.Flush();
        }
    }

    private static int RunParsed(string[] args, CliContext context, TextWriter error)
    {
        try
        {
            var root = BuildCommandLine(context);
            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0 && parseResult.Action is ParseErrorAction)
            {
                var command = parseResult.CommandResult.Command;
                var commandPath = command.Parents.Any() ? "errcat " + command.Name : "errcat";
                var messages = string.Join(" ", parseResult.Errors.Select(e => OneLine(e.Message)));
                context.Fail($"{messages} (see '{commandPath} --help')");
                return ExitCodes.Usage;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = context.Output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception exception)
        {
            // Never a stack trace for the user: one line that says what broke.
            context.Fail($"internal error: {exception.GetType().Name}: {exception.Message}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Folds a multi-line parser message (such as a list of allowed values) into one line.</summary>
    private static string OneLine(string message) =>
        string.Join(" ", message.Split(new[] { '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()));

    /// <summary>The whole command tree; built per run so each run writes to its own writers.</summary>
    public static Command BuildCommandLine(CliContext context)
    {
        // A plain command named errcat rather than RootCommand, whose name is the host process's
        // (testhost under tests); help and version are what RootCommand would add.
        var root = new Command("errcat", "errcat: look up, validate, export and document catalogs of native socket errors, and explain a real connect() failure.");
        root.Options.Add(new HelpOption { Recursive = true });
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(ShowCommand.Create(context));
        root.Subcommands.Add(ListCommand.Create(context));
        root.Subcommands.Add(Commands.Connect.ConnectCommand.Create(context));
        root.Subcommands.Add(DocsCommand.Create(context));
        root.Subcommands.Add(ReproduceCommand.Create(context));
        root.Subcommands.Add(CompletionCommand.Create(context));
        root.Subcommands.Add(CompletionCommand.CreateComplete(context));
        return root;
    }
}
