using System.Collections.Generic;
using System.IO;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Unix;

/// <summary>A path lookup that fails inside the file system itself.</summary>
internal static partial class UnixScenarios
{
    private static IEnumerable<ScenarioImplementation> FileSystemScenarios =>
    [
        new("unix-stream-path-on-failing-file-system", context => PathOnFailingFileSystem(context, UnixFailingFileSystem.LinuxErrnoEio)),
        new("unix-stream-path-on-out-of-memory-file-system", context => PathOnFailingFileSystem(context, UnixFailingFileSystem.LinuxErrnoEnomem)),
        new("unix-stream-path-on-abandoned-file-system", PathOnAbandonedFileSystem),
    ];

    private static Observation PathOnFailingFileSystem(ScenarioContext context, int lookupErrno)
    {
        string mountPoint = context.CreateTempDirectory();
        var fileSystem = UnixFailingFileSystem.Start(context, lookupErrno);
        var socket = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM);
        var observation = fileSystem.RunMounted(mountPoint, () => context.Observe(socket, SockAddr.UnixPath(Path.Combine(mountPoint, "server.sock"))));
        if (fileSystem.FailedLookups == 0)
        {
            throw new ScenarioSetupException("the FUSE file system was never asked to look the path up");
        }

        return observation;
    }

    private static Observation PathOnAbandonedFileSystem(ScenarioContext context)
    {
        string mountPoint = context.CreateTempDirectory();
        // The lookup answer never matters: the server is gone before the path is looked up.
        var fileSystem = UnixFailingFileSystem.Start(context, UnixFailingFileSystem.LinuxErrnoEio);
        var socket = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM);
        var observation = fileSystem.RunMounted(mountPoint, () =>
        {
            fileSystem.Abandon();
            return context.Observe(socket, SockAddr.UnixPath(Path.Combine(mountPoint, "server.sock")));
        });
        if (fileSystem.FailedLookups != 0)
        {
            throw new ScenarioSetupException("the FUSE server answered a lookup although it had closed /dev/fuse");
        }

        return observation;
    }
}
