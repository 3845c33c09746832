using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;

namespace ErrorCatalog.Runtime.WindowsHarness;

/// <summary>The harness's command line: <c>[--break-mapping] [--errcat PATH]</c>.</summary>
internal sealed record HarnessOptions(bool BreakMapping, string ErrcatPath)
{
    private const string Usage =
        "usage: windows-harness [--break-mapping] [--errcat PATH]\n" +
        "  --break-mapping  a self-test: read Winsock codes with the Linux column and run only the checks that read codes, which must all fail\n" +
        "  --errcat PATH    the errcat.exe to run (default: the one published beside the harness)";

    public static bool TryParse(string[] args, [NotNullWhen(true)] out HarnessOptions? options, [NotNullWhen(false)] out string? usage)
    {
        var breakMapping = false;
        var errcat = Path.Combine(AppContext.BaseDirectory, "errcat.exe");
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--break-mapping":
                    breakMapping = true;
                    break;
                case "--errcat" when i + 1 < args.Length:
                    errcat = args[++i];
                    break;
                default:
                    options = null;
                    usage = $"unknown argument '{args[i]}'\n{Usage}";
                    return false;
            }
        }

        options = new HarnessOptions(breakMapping, errcat);
        usage = null;
        return true;
    }
}
