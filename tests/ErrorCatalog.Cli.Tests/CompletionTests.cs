using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace ErrorCatalog.Cli.Tests;

/// <summary>errcat completion: each script is produced, and each installed shell completes 'errcat sh' to 'show'.</summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    [InlineData("powershell")]
    public void EveryShellGetsAScriptThatAsksErrcat(string shell)
    {
        var run = ErrcatProcess.Run("completion", shell);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("complete --position", run.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void TheHiddenCompleteCommandUsesTheCommandTree()
    {
        Assert.Equal("show\n", ErrcatProcess.Run("complete", "errcat sh").Output);
        Assert.Equal("json\ntsv\n", ErrcatProcess.Run("complete", "./tools/errcat export --format ").Output);
        Assert.Contains("--platform\n", ErrcatProcess.Run("complete", "--position", "14", "errcat show -- ECONNREFUSED").Output, StringComparison.Ordinal);
        Assert.Equal(2, ErrcatProcess.Run("completion", "tcsh").ExitCode);
    }

    [SkippableFact]
    public void BashCompletesShow() => AssertShellCompletesShow(
        "bash",
        "source <(errcat completion bash); COMP_LINE='errcat sh'; COMP_POINT=9; COMP_WORDS=(errcat sh); COMP_CWORD=1; _errcat_complete; printf '%s\\n' \"${COMPREPLY[@]}\"");

    [SkippableFact]
    public void ZshCompletesShow() => AssertShellCompletesShow(
        "zsh",
        // compadd is zsh's own builtin inside completion; outside a completion widget it is replaced by one that prints.
        "source <(errcat completion zsh); compadd() { [[ $1 == -a ]] && print -l -- ${(P)2} }; words=(errcat sh); BUFFER='errcat sh'; CURSOR=9; _errcat");

    [SkippableFact]
    public void FishCompletesShow() => AssertShellCompletesShow(
        "fish",
        "errcat completion fish | source; complete -C 'errcat sh'");

    [SkippableFact]
    public void PowerShellCompletesShow() => AssertShellCompletesShow(
        "pwsh",
        "errcat completion powershell | Out-String | Invoke-Expression; (TabExpansion2 -inputScript 'errcat sh' -cursorColumn 9).CompletionMatches | ForEach-Object { $_.CompletionText }");

    private static void AssertShellCompletesShow(string shell, string script)
    {
        var program = ErrcatProcess.FindOnPath(shell);
        Skip.If(program is null, $"{shell} is not installed");
        var arguments = shell switch
        {
            "zsh" => new[] { "-fc", script },
            "pwsh" => new[] { "-NoProfile", "-Command", script },
            _ => new[] { "-c", script },
        };

        var run = ErrcatProcess.RunProgram(program!, arguments, new Dictionary<string, string?>());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("show", run.Output.Split('\n'), StringComparer.Ordinal);
    }
}
