namespace ErrorCatalog.Cli.Commands;

/// <summary>
/// Shell completion. <c>errcat completion SHELL</c> prints a script for bash, zsh, fish or
/// PowerShell; each script asks <c>errcat complete</c> (hidden) for the words that fit where the
/// cursor is, which System.CommandLine computes from the same command tree errcat parses with:
/// commands, options, the values an option accepts.
/// </summary>
public static class CompletionCommand
{
    /// <summary>The shells errcat writes completion scripts for.</summary>
    public static readonly string[] Shells = { "bash", "zsh", "fish", "powershell" };

    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh, fish or powershell." };
        shell.AcceptOnlyFromAmong(Shells);
        var command = new Command("completion", "Print a shell completion script (bash, zsh, fish, powershell); see cli/README.md for where to put it.")
        {
            shell,
        };
        command.SetAction(context.Guard(parseResult =>
        {
            context.Output.Raw.Write(Script(parseResult.GetValue(shell)!));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The hidden <c>errcat complete [--position N] LINE</c> the scripts call: one completion per line.</summary>
    public static Command CreateComplete(CliContext context)
    {
        var line = new Argument<string>("LINE") { Description = "The whole command line, starting with the program's name." };
        var position = new Option<int?>("--position") { Description = "The cursor's position in LINE (default: its end)." };
        var command = new Command("complete", "Print the completions for a command line (used by the completion scripts).")
        {
            line,
            position,
        };
        command.Hidden = true;
        command.SetAction(context.Guard(parseResult =>
        {
            foreach (var word in Complete(parseResult.GetValue(line) ?? string.Empty, parseResult.GetValue(position)))
            {
                context.Output.Raw.Write(word + "\n");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The completions System.CommandLine offers at <paramref name="position"/> of <paramref name="commandLine"/> (whose first word, the program, is skipped).</summary>
    public static string[] Complete(string commandLine, int? position)
    {
        var cursor = Math.Clamp(position ?? commandLine.Length, 0, commandLine.Length);
        var text = commandLine.Substring(0, cursor);

        // Drop the program's name (errcat, ./tools/errcat...), whatever it is called.
        var programEnd = text.TrimStart().IndexOf(' ', StringComparison.Ordinal);
        var skipped = programEnd < 0 ? text.Length : text.Length - text.TrimStart().Length + programEnd + 1;
        var rest = text.Substring(skipped);
        using var sink = new StringWriter();
        var root = Program.BuildCommandLine(new CliContext(sink, sink));
        return root.Parse(rest).GetCompletions(rest.Length)
            .Select(item => item.Label)
            .Where(label => !label.StartsWith('[') || !label.EndsWith(']'))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    private static string Script(string shell) => shell switch
    {
        "bash" => """
            # errcat completion for bash: source this file, or save it as
            # ~/.local/share/bash-completion/completions/errcat
            _errcat_complete() {
                local IFS=$'\n'
                COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" complete --position "$COMP_POINT" "$COMP_LINE" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
            }
            complete -o default -F _errcat_complete errcat

            """,
        "zsh" => """
            #compdef errcat
            # errcat completion for zsh: save as _errcat in a folder of $fpath, or source it after compinit.
            _errcat() {
                local -a completions
                completions=("${(@f)$("${words[1]}" complete --position "$CURSOR" "$BUFFER" 2>/dev/null)}")
                compadd -a completions
            }
            if [[ "${funcstack[1]}" == "_errcat" ]]; then _errcat "$@"; elif (( $+functions[compdef] )); then compdef _errcat errcat; fi

            """,
        "fish" => """
            # errcat completion for fish: save as ~/.config/fish/completions/errcat.fish
            function __errcat_complete
                set -l words (commandline -opc)
                set -l line (commandline -cp)
                $words[1] complete --position (string length -- "$line") "$line" 2>/dev/null
            end
            complete -c errcat -f -a '(__errcat_complete)'

            """,
        _ => """
            # errcat completion for PowerShell: add this to $PROFILE, or dot-source it.
            Register-ArgumentCompleter -Native -CommandName errcat -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $program = $commandAst.CommandElements[0].ToString()
                $position = $cursorPosition - $commandAst.Extent.StartOffset
                & $program complete --position $position $commandAst.ToString() 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
    };
}
