using System;
using System.Collections.Generic;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Environment;

/// <summary>
/// Whether this process can give a scenario what its `needs` list asks for, and if not, why:
/// the reason a skipped scenario reports.
/// </summary>
public static class Capabilities
{
    private static readonly Lazy<int> s_landlockAbi = new(ProbeLandlockAbi);

    public static bool IsRoot => Libc.GetEuid() == 0;

    /// <summary>The Landlock ABI version the kernel offers, 0 where Landlock is off or absent.</summary>
    public static int LandlockAbi => s_landlockAbi.Value;

    /// <summary>Null when every need is met; otherwise the first unmet need and why.</summary>
    public static string? Missing(IEnumerable<string> needs)
    {
        if (!LinuxConstants.IsSupportedHost)
        {
            return "the replay runs on Linux (x86-64 or arm64) only";
        }

        foreach (var need in needs)
        {
            var problem = need switch
            {
                "root" or "bpf" or "unprivileged-user" => IsRoot ? null : $"needs root (for '{need}'); run as root to include it",
                "netns" => !IsRoot ? "needs root to create network namespaces"
                    : !Tool.Exists("ip") ? "needs the `ip` command (Debian package iproute2)" : null,
                "nftables" => !IsRoot ? "needs root to load nftables rules"
                    : !Tool.Exists("nft") ? "needs the `nft` command (Debian package nftables)" : null,
                "landlock" => LandlockAbi > 0 ? null : "the kernel does not offer Landlock (landlock_create_ruleset reports no ABI)",
                _ => $"the replay does not know the need '{need}'",
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static int ProbeLandlockAbi()
    {
        if (!LinuxConstants.IsSupportedHost)
        {
            return 0;
        }

        // LANDLOCK_CREATE_RULESET_VERSION (1 << 0) with a null attribute asks for the ABI version.
        nint version = Libc.Syscall(LinuxConstants.SYS_landlock_create_ruleset, 0, 0, 1, 0, 0, 0);
        return version > 0 ? (int)version : 0;
    }
}
