using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.Win32.SafeHandles;

namespace ErrorCatalog.Runtime.Tests.TestSupport;

/// <summary>
/// A network namespace made with `ip netns add` for one test and deleted afterwards. Code runs
/// inside it on a dedicated thread that enters the namespace with setns(CLONE_NEWNET): a
/// socket belongs to the namespace of the thread that created it, so sockets made there see only
/// the namespace's interfaces and routes, and nothing they do can reach the host's network.
/// </summary>
internal sealed class NetworkNamespace : IDisposable
{
    private static int s_counter;

    private NetworkNamespace(string name)
    {
        Name = name;
    }

    internal string Name { get; }

    /// <summary>Creates the namespace (needs root); its loopback interface starts down, as the kernel makes it. Its name is <paramref name="owner"/>, the pid and a counter.</summary>
    internal static NetworkNamespace Create(string why, string owner = "ectest")
    {
        Privileges.RequireRoot(why);
        string name = $"{owner}-{Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}";
        try
        {
            RunTool("ip", "netns", "add", name);
        }
        catch (Exception exception)
        {
            Privileges.SetupFailed($"`ip netns add {name}`", exception);
        }

        return new NetworkNamespace(name);
    }

    /// <summary>Runs a command inside the namespace (`ip netns exec NAME ...`), failing the setup if it fails.</summary>
    internal void Exec(params string[] command)
    {
        try
        {
            RunTool("ip", ["netns", "exec", Name, .. command]);
        }
        catch (Exception exception)
        {
            Privileges.SetupFailed($"`ip netns exec {Name} {string.Join(' ', command)}`", exception);
        }
    }

    /// <summary>Runs <paramref name="action"/> on a new thread that has entered the namespace.</summary>
    internal T Run<T>(Func<T> action) => DedicatedThread.Run(() =>
    {
        using SafeFileHandle target = File.OpenHandle($"/var/run/netns/{Name}");
        if (TestNative.SetNs((int)target.DangerousGetHandle(), TestNative.CLONE_NEWNET) != 0)
        {
            throw new InvalidOperationException($"setns({Name}) failed with errno {Marshal.GetLastPInvokeError()}");
        }

        // The thread ends right after, taking its namespace with it; nothing else runs on it.
        return action();
    });

    public void Dispose()
    {
        try
        {
            RunTool("ip", "netns", "del", Name);
        }
        catch (Exception)
        {
            // A namespace that cannot be deleted must not hide the test's own outcome.
        }
    }

    internal static string RunTool(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {errors.Trim()}");
        }

        return output;
    }
}
