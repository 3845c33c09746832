using System;
using System.Runtime.InteropServices;
using ErrorCatalog.Runtime.WindowsHarness;
using ErrorCatalog.Runtime.WindowsHarness.Checks;

// One line per check, then a summary; exit 0 only when every check passed.
if (!HarnessOptions.TryParse(args, out var options, out var usage))
{
    Console.Error.WriteLine(usage);
    return 2;
}

var runner = new CheckRunner(Console.Out);
runner.Run("platform-is-windows", PlatformChecks.RunningOnWindows);
if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
{
    // Every other check would exercise the Unix connector instead of the Windows one.
    return runner.Finish();
}

Console.WriteLine($"info system: {PlatformChecks.DescribeSystem()}");
var winsock = new WinsockView(options.BreakMapping);
MappingChecks.Register(runner, winsock);
RefusedChecks.Register(runner, winsock);
if (options.BreakMapping)
{
    // The self-test: every check above reads Winsock codes through the catalog and must fail.
    return runner.Finish();
}

ConnectedChecks.Register(runner);
TimeoutChecks.Register(runner);
CancellationChecks.Register(runner);
UnixChecks.Register(runner, winsock);
MisuseChecks.Register(runner, winsock);
HostChecks.Register(runner, winsock);
PassedBackChecks.Register(runner);
OptionChecks.Register(runner);
ErrcatChecks.Register(runner, options.ErrcatPath);
return runner.Finish();
