using System.Collections.Generic;
using System.IO;
using System.Text;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Unix;

/// <summary>How the kernel resolves an AF_UNIX path: missing parts, files of the wrong kind, symbolic links, lengths.</summary>
internal static partial class UnixScenarios
{
    /// <summary>Linux follows at most 40 symbolic links while resolving one path (MAXSYMLINKS).</summary>
    private const int SymlinkLimit = 40;

    /// <summary>sizeof(sun_path) on Linux.</summary>
    private const int SunPathSize = 108;

    private static IEnumerable<ScenarioImplementation> PathScenarios =>
    [
        new("unix-stream-directory-missing", DirectoryMissing),
        new("unix-dgram-path-missing", DgramPathMissing),
        new("unix-stream-file-as-directory", FileAsDirectory),
        new("unix-stream-trailing-slash", TrailingSlash),
        new("unix-stream-symlink-loop", SymlinkLoop),
        new("unix-stream-symlink-chain-too-long", SymlinkChainTooLong),
        new("unix-stream-symlink-to-long-name", SymlinkToLongName),
        new("unix-stream-sun-path-overlong", SunPathOverlong),
        new("unix-stream-sun-path-full-unterminated", SunPathFullUnterminated),
        new("unix-stream-empty-path", EmptyPath),
        new("unix-stream-family-only-address", FamilyOnlyAddress),
        new("unix-stream-regular-file", RegularFile),
        new("unix-stream-stale-socket-file", StaleSocketFile),
        new("unix-dgram-stale-socket-file", DgramStaleSocketFile),
        new("unix-stream-bound-not-listening", BoundNotListening),
    ];

    private static Observation UnixStreamTo(ScenarioContext context, string path) =>
        context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM), SockAddr.UnixPath(path));

    private static Observation DirectoryMissing(ScenarioContext context) =>
        UnixStreamTo(context, Path.Combine(context.CreateTempDirectory(), "absent", "server.sock"));

    private static Observation DgramPathMissing(ScenarioContext context) =>
        context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_DGRAM), SockAddr.UnixPath(UnixFixtures.SocketPath(context, "missing.sock")));

    private static Observation FileAsDirectory(ScenarioContext context)
    {
        string file = UnixFixtures.SocketPath(context, "plain");
        File.WriteAllBytes(file, []);
        return UnixStreamTo(context, Path.Combine(file, "server.sock"));
    }

    private static Observation TrailingSlash(ScenarioContext context)
    {
        string path = UnixFixtures.SocketPath(context, "server.sock");
        UnixFixtures.UnixPeer(context, SockAddr.UnixPath(path), LinuxConstants.SOCK_STREAM);
        return UnixStreamTo(context, path + "/");
    }

    private static Observation SymlinkLoop(ScenarioContext context)
    {
        string directory = context.CreateTempDirectory();
        string first = Path.Combine(directory, "first");
        string second = Path.Combine(directory, "second");
        File.CreateSymbolicLink(first, second);
        File.CreateSymbolicLink(second, first);
        return UnixStreamTo(context, first);
    }

    private static Observation SymlinkChainTooLong(ScenarioContext context)
    {
        // A real listener at the end of one link too many: the chain, not a loop, is the problem.
        string directory = context.CreateTempDirectory();
        string target = Path.Combine(directory, "server.sock");
        UnixFixtures.UnixPeer(context, SockAddr.UnixPath(target), LinuxConstants.SOCK_STREAM);
        for (int link = 0; link <= SymlinkLimit; link++)
        {
            string name = Path.Combine(directory, $"l{link}");
            File.CreateSymbolicLink(name, target);
            target = name;
        }

        return UnixStreamTo(context, target);
    }

    private static Observation SymlinkToLongName(ScenarioContext context)
    {
        // sun_path cannot hold a name longer than NAME_MAX (255), but a symbolic link's target can.
        string link = UnixFixtures.SocketPath(context, "link");
        File.CreateSymbolicLink(link, "/tmp/" + new string('n', 300));
        return UnixStreamTo(context, link);
    }

    private static Observation SunPathOverlong(ScenarioContext context)
    {
        // 120 bytes and a NUL: the address length (2 + 121) exceeds sizeof(struct sockaddr_un).
        string path = Path.Combine(context.CreateTempDirectory(), new string('p', 120));
        return UnixStreamTo(context, path);
    }

    private static Observation SunPathFullUnterminated(ScenarioContext context)
    {
        // Exactly 108 path bytes, no terminating NUL, length 110: the kernel terminates the copy itself.
        string directory = context.CreateTempDirectory();
        string path = directory + "/" + new string('f', SunPathSize - Encoding.UTF8.GetByteCount(directory) - 1);
        var address = FullUnterminated(path);
        var listener = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM);
        context.Bind(listener, address);
        context.Listen(listener, 8);
        return context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM), address);
    }

    private static SockAddr FullUnterminated(string path)
    {
        var bytes = new byte[2 + SunPathSize];
        bytes[0] = LinuxConstants.AF_UNIX;
        Encoding.UTF8.GetBytes(path).CopyTo(bytes, 2);
        return SockAddr.Raw(bytes, bytes.Length, path + " (108 bytes, no NUL)");
    }

    private static Observation EmptyPath(ScenarioContext context) =>
        // The usual length computation (offsetof(sun_path) + strlen + 1) gives 3: one NUL byte.
        context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM), SockAddr.UnixPath(string.Empty));

    private static Observation FamilyOnlyAddress(ScenarioContext context) =>
        context.Observe(
            context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM),
            SockAddr.UnixPath(string.Empty).WithLength(2, "sun_family only (length 2)"));

    private static Observation RegularFile(ScenarioContext context)
    {
        string file = UnixFixtures.SocketPath(context, "plain");
        File.WriteAllBytes(file, []);
        return UnixStreamTo(context, file);
    }

    private static Observation StaleSocketFile(ScenarioContext context) =>
        UnixStreamTo(context, StalePath(context));

    private static Observation DgramStaleSocketFile(ScenarioContext context) =>
        context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_DGRAM), SockAddr.UnixPath(StalePath(context)));

    /// <summary>A socket file whose socket was closed: the file stays, nobody is behind it.</summary>
    private static string StalePath(ScenarioContext context)
    {
        string path = UnixFixtures.SocketPath(context, "stale.sock");
        var departed = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM);
        context.Bind(departed, SockAddr.UnixPath(path));
        departed.Dispose();
        if (!File.Exists(path))
        {
            throw new ScenarioSetupException($"the socket file {path} vanished when its socket closed");
        }

        return path;
    }

    private static Observation BoundNotListening(ScenarioContext context)
    {
        string path = UnixFixtures.SocketPath(context, "bound.sock");
        var bound = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM);
        context.Bind(bound, SockAddr.UnixPath(path));
        return UnixStreamTo(context, path);
    }
}
