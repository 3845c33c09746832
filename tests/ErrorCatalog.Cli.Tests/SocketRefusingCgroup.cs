using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;

namespace ErrorCatalog.Cli.Tests;

/// <summary>
/// A cgroup v2 directory made for one test, with a BPF_CGROUP_INET_SOCK_CREATE program that returns
/// 0 attached: the kernel then refuses every IPv4 and IPv6 socket() of a process inside it with
/// EPERM (net/ipv4/af_inet.c inet_create(), net/ipv6/af_inet6.c inet6_create(); the scenario
/// socket-bpf-sock-create-deny-inet), while AF_UNIX sockets are not affected. Only the errcat child
/// process started by <see cref="Run"/> ever joins it, so nothing else on the machine is refused;
/// removing the directory detaches the program. Needs root (CAP_SYS_ADMIN for bpf() and cgroups).
/// </summary>
internal sealed unsafe class SocketRefusingCgroup : IDisposable
{
    // linux/bpf.h (include/uapi/linux/bpf.h): commands, program type, attach type, and the union
    // bpf_attr offsets of the fields used (sizeof 144 in the 6.1 headers).
    private const int BpfProgLoad = 5;
    private const int BpfProgAttach = 8;
    private const int BpfProgTypeCgroupSock = 9;
    private const int BpfCgroupInetSockCreate = 2;
    private const int BpfAttrSize = 144;

    // r0 = 0 (BPF_ALU64|BPF_MOV|BPF_K); exit (BPF_JMP|BPF_EXIT): the hook refuses the socket.
    private static readonly ulong[] RefuseEverything = { 0x07 | 0xb0, 0x05 | 0x90 };

    private static int s_counter;

    private SocketRefusingCgroup(string path) => Path = path;

    /// <summary>The cgroup's directory.</summary>
    public string Path { get; }

    /// <summary>Makes the cgroup under the cgroup2 mount and attaches the refusing program.</summary>
    public static SocketRefusingCgroup Create()
    {
        var mount = FindCgroup2Mount();
        var cgroup = new SocketRefusingCgroup(System.IO.Path.Join(mount, $"errcat-clitests-{Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}"));
        Directory.CreateDirectory(cgroup.Path);
        try
        {
            cgroup.AttachRefusingProgram();
            return cgroup;
        }
        catch
        {
            cgroup.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs errcat with <paramref name="args"/> inside the cgroup (a shell moves itself in, then
    /// becomes errcat), 200 columns wide so that no row of the explanation is folded.
    /// </summary>
    public CliRun Run(params string[] args) => ErrcatProcess.RunProgram(
        "/bin/sh",
        new[] { "-c", "echo $$ > \"$0/cgroup.procs\" && exec \"$@\"", Path, ErrcatProcess.Executable }.Concat(args),
        new Dictionary<string, string?> { ["COLUMNS"] = "200" });

    private void AttachRefusingProgram()
    {
        var license = "GPL\0"u8.ToArray();
        var load = new byte[BpfAttrSize];
        fixed (ulong* instructions = RefuseEverything)
        fixed (byte* licenseText = license)
        fixed (byte* attr = load)
        {
            *(int*)(attr + 0) = BpfProgTypeCgroupSock; // prog_type
            *(int*)(attr + 4) = RefuseEverything.Length; // insn_cnt
            *(ulong*)(attr + 8) = (ulong)instructions; // insns
            *(ulong*)(attr + 16) = (ulong)licenseText; // license
            *(int*)(attr + 68) = BpfCgroupInetSockCreate; // expected_attach_type
            var program = (int)Syscall(SysBpf, BpfProgLoad, (nint)attr, BpfAttrSize);
            if (program < 0)
            {
                throw new InvalidOperationException($"bpf(BPF_PROG_LOAD) failed with errno {Marshal.GetLastPInvokeError()}");
            }

            try
            {
                Attach(program);
            }
            finally
            {
                // The attachment holds its own reference to the program.
                Close(program);
            }
        }
    }

    private void Attach(int program)
    {
        var target = Open(Path, 0x10000 /* O_RDONLY | O_DIRECTORY */);
        if (target < 0)
        {
            throw new InvalidOperationException($"open({Path}) failed with errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            var attach = new byte[BpfAttrSize];
            fixed (byte* attr = attach)
            {
                *(int*)(attr + 0) = target; // target_fd
                *(int*)(attr + 4) = program; // attach_bpf_fd
                *(int*)(attr + 8) = BpfCgroupInetSockCreate; // attach_type
                if (Syscall(SysBpf, BpfProgAttach, (nint)attr, BpfAttrSize) != 0)
                {
                    throw new InvalidOperationException($"bpf(BPF_PROG_ATTACH) failed with errno {Marshal.GetLastPInvokeError()}");
                }
            }
        }
        finally
        {
            Close(target);
        }
    }

    private static string FindCgroup2Mount()
    {
        // /proc/self/mountinfo: "... mount-point options ... - fstype source super-options"
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            var fields = line.Split(' ');
            var separator = Array.IndexOf(fields, "-");
            if (separator > 4 && separator + 1 < fields.Length && fields[separator + 1] == "cgroup2")
            {
                return fields[4];
            }
        }

        throw new InvalidOperationException("no cgroup2 file system is mounted");
    }

    /// <summary>The bpf() system call number (arch/x86/entry/syscalls/syscall_64.tbl; include/uapi/asm-generic/unistd.h for arm64).</summary>
    private static nint SysBpf => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 280 : 321;

    public void Dispose()
    {
        try
        {
            // The child has exited, so the cgroup holds no task and can go; that detaches the program.
            Directory.Delete(Path);
        }
        catch (IOException)
        {
            // A directory left behind holds no task, so its program refuses nothing.
        }
    }

    [DllImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static extern nint Syscall(nint number, nint argument1, nint argument2, nint argument3);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
