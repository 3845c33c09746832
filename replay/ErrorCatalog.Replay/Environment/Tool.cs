using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;

namespace ErrorCatalog.Replay.Environment;

/// <summary>Runs the system tools scenarios set up with (ip, nft, sysctl): a failure is a setup failure.</summary>
public static class Tool
{
    /// <summary>Runs <paramref name="file"/> and returns its standard output; throws <see cref="ScenarioSetupException"/> on a non-zero exit.</summary>
    public static string Run(string file, params string[] arguments) => RunWithInput(file, null, arguments);

    /// <summary>Runs <paramref name="file"/> with <paramref name="input"/> on its standard input (for `nft -f -`).</summary>
    public static string RunWithInput(string file, string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ScenarioSetupException($"could not start {file}");
        }
        catch (Win32Exception exception)
        {
            throw new ScenarioSetupException($"could not start {file}: {exception.Message}", exception);
        }

        using (process)
        {
            if (input is not null)
            {
                process.StandardInput.Write(input);
                process.StandardInput.Close();
            }

            var errorTask = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            string errors = errorTask.GetAwaiter().GetResult();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new ScenarioSetupException($"`{file} {string.Join(' ', arguments)}` exited with {process.ExitCode}: {errors.Trim()}");
            }

            return output;
        }
    }

    /// <summary>Whether an executable of this name is on PATH (or an absolute path that exists).</summary>
    public static bool Exists(string file)
    {
        if (Path.IsPathRooted(file))
        {
            return File.Exists(file);
        }

        foreach (var directory in (System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin").Split(':'))
        {
            if (directory.Length > 0 && File.Exists(Path.Combine(directory, file)))
            {
                return true;
            }
        }

        // Debian keeps ip and nft in /usr/sbin, which a non-login root shell may not have on PATH.
        return File.Exists(Path.Combine("/usr/sbin", file)) || File.Exists(Path.Combine("/sbin", file));
    }
}
