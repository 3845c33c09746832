using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime.Tests.TestSupport;

/// <summary>
/// native/testhelper.c, compiled with the system C compiler the first time a test needs it
/// (cc is part of the test environment: build/test.sh installs gcc).
/// </summary>
internal static unsafe class NativeHelper
{
    private static readonly Lazy<Exports?> s_exports = new(Load);
    private static string? s_failure;

    internal static void InstallInterruptingHandler(int signal)
    {
        var exports = Require();
        if (exports.InstallInterruptingHandler(signal) != 0)
        {
            throw new InvalidOperationException($"sigaction failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    internal static int SignalsDelivered => Require().SignalsDelivered();

    /// <summary>Sets the effective uid of the calling thread only; the saved uid (0) allows switching back.</summary>
    internal static int SetThreadEffectiveUid(int uid) => Require().SetThreadEffectiveUid(uid);

    private static Exports Require()
    {
        var exports = s_exports.Value;
        if (exports is null)
        {
            Privileges.SetupFailed("compiling native/testhelper.c with cc: " + s_failure);
        }

        return exports!;
    }

    private static Exports? Load()
    {
        string source = Path.Combine(AppContext.BaseDirectory, "native", "testhelper.c");
        string directory = Path.Combine(Path.GetTempPath(), $"ectest-native-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        string library = Path.Combine(directory, "libectesthelper.so");
        try
        {
            var start = new ProcessStartInfo("cc", ["-shared", "-fPIC", "-O2", "-o", library, source])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                s_failure = $"cc exited with {process.ExitCode}: {errors}";
                return null;
            }
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException)
        {
            s_failure = exception.Message;
            return null;
        }

        IntPtr handle = NativeLibrary.Load(library);
        // The mapping outlives the file: nothing is left behind in /tmp.
        Directory.Delete(directory, recursive: true);
        return new Exports(
            (delegate* unmanaged<int, int>)NativeLibrary.GetExport(handle, "ec_install_interrupting_handler"),
            (delegate* unmanaged<int>)NativeLibrary.GetExport(handle, "ec_signals_delivered"),
            (delegate* unmanaged<int, int>)NativeLibrary.GetExport(handle, "ec_set_thread_effective_uid"));
    }

    private sealed class Exports(
        delegate* unmanaged<int, int> installInterruptingHandler,
        delegate* unmanaged<int> signalsDelivered,
        delegate* unmanaged<int, int> setThreadEffectiveUid)
    {
        internal int InstallInterruptingHandler(int signal)
        {
            int result = installInterruptingHandler(signal);
            Marshal.SetLastPInvokeError(Marshal.GetLastSystemError());
            return result;
        }

        internal int SignalsDelivered() => signalsDelivered();

        internal int SetThreadEffectiveUid(int uid)
        {
            int result = setThreadEffectiveUid(uid);
            Marshal.SetLastPInvokeError(Marshal.GetLastSystemError());
            return result;
        }
    }
}
