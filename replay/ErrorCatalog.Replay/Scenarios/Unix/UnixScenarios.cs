using System.Collections.Generic;
using System.IO;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Unix;

/// <summary>AF_UNIX paths and abstract names, argument checks, socket state, signals and send timeouts.</summary>
internal static partial class UnixScenarios
{
    public static IEnumerable<ScenarioImplementation> All =>
    [
        new("unix-stream-path-missing", PathMissing),
        .. PathScenarios,
        .. NameScenarios,
        .. StateScenarios,
        .. ArgumentScenarios,
        .. ProgressScenarios,
        .. FileSystemScenarios,
    ];

    private static Observation PathMissing(ScenarioContext context)
    {
        string directory = context.CreateTempDirectory();
        var socket = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM);
        return context.Observe(socket, SockAddr.UnixPath(Path.Combine(directory, "missing.sock")));
    }
}
