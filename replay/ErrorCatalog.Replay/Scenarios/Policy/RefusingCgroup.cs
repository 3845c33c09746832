using System;
using System.IO;
using System.Threading;
using ErrorCatalog.Replay.Environment;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Policy;

/// <summary>
/// A pair of cgroup v2 directories made for one scenario: a domain cgroup and, inside it, a
/// threaded cgroup with BPF hooks whose program returns 0, which the kernel turns into a refusal:
/// the connect hooks (IPv4, IPv6 and AF_UNIX) from <see cref="Create()"/>, or the socket-creation
/// hook from <see cref="CreateRefusingSocketCreation"/>. A socket is charged to the cgroup of the
/// thread that creates it, so <see cref="CreateInside{T}"/> moves one dedicated thread into the
/// threaded cgroup for the creation only; the rest of the process never runs there. Removing the
/// directories detaches the programs; nothing is attached to a cgroup this class did not create.
/// </summary>
internal sealed unsafe class RefusingCgroup : IDisposable
{
    private static int s_counter;
    private static readonly Lock s_processMoves = new();

    private readonly string domainPath;
    private readonly string threadedPath;
    private readonly string originalPath;
    private bool disposed;

    private RefusingCgroup(string domainPath, string threadedPath, string originalPath)
    {
        this.domainPath = domainPath;
        this.threadedPath = threadedPath;
        this.originalPath = originalPath;
    }

    /// <summary>Makes the cgroups and attaches the refusing program to all three connect hooks.</summary>
    public static RefusingCgroup Create() => Create(
        (PolicyNative.BPF_PROG_TYPE_CGROUP_SOCK_ADDR, PolicyNative.BPF_CGROUP_INET4_CONNECT),
        (PolicyNative.BPF_PROG_TYPE_CGROUP_SOCK_ADDR, PolicyNative.BPF_CGROUP_INET6_CONNECT),
        (PolicyNative.BPF_PROG_TYPE_CGROUP_SOCK_ADDR, PolicyNative.BPF_CGROUP_UNIX_CONNECT));

    /// <summary>Makes the cgroups and attaches the refusing program to the IPv4/IPv6 socket-creation hook.</summary>
    public static RefusingCgroup CreateRefusingSocketCreation() => Create(
        (PolicyNative.BPF_PROG_TYPE_CGROUP_SOCK, PolicyNative.BPF_CGROUP_INET_SOCK_CREATE));

    private static RefusingCgroup Create(params (int ProgramType, int AttachType)[] hooks)
    {
        string mount = FindCgroup2Mount();
        string original = Path.Join(mount, CurrentCgroupPath());
        string domain = Path.Join(mount, $"ecreplay-policy-{System.Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}");
        Directory.CreateDirectory(domain);
        var cgroup = new RefusingCgroup(domain, Path.Join(domain, "deny"), original);
        try
        {
            Directory.CreateDirectory(cgroup.threadedPath);
            // A threaded cgroup may hold single threads of a process whose domain is its parent.
            WriteControlFile(Path.Join(cgroup.threadedPath, "cgroup.type"), "threaded");
            cgroup.AttachRefusingPrograms(hooks);
            return cgroup;
        }
        catch
        {
            cgroup.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="create"/> on a dedicated thread that sits in the refusing cgroup, so the
    /// sockets it creates carry the hooks; the process returns to its own cgroup afterwards.
    /// </summary>
    public T CreateInside<T>(Func<T> create) => DedicatedThread.Run(() =>
    {
        string processId = System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string threadId = Libc.GetTid().ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (s_processMoves)
        {
            // The process enters the (hook-free) domain cgroup for a moment, because a thread may
            // only join a threaded cgroup inside its process's domain.
            WriteControlFile(Path.Join(domainPath, "cgroup.procs"), processId);
            try
            {
                WriteControlFile(Path.Join(threadedPath, "cgroup.threads"), threadId);
                try
                {
                    return create();
                }
                finally
                {
                    WriteControlFile(Path.Join(domainPath, "cgroup.threads"), threadId);
                }
            }
            finally
            {
                WriteControlFile(Path.Join(originalPath, "cgroup.procs"), processId);
            }
        }
    });

    private void AttachRefusingPrograms((int ProgramType, int AttachType)[] hooks)
    {
        int target = Libc.Open(threadedPath, LinuxConstants.O_RDONLY | LinuxConstants.O_CLOEXEC, 0);
        if (target < 0)
        {
            throw new ScenarioSetupException($"open({threadedPath}) failed with errno {Libc.LastError}");
        }

        byte* attach = stackalloc byte[PolicyNative.BpfAttrSize];
        try
        {
            foreach (var (programType, attachType) in hooks)
            {
                int program = LoadRefusingProgram(programType, attachType);
                try
                {
                    new Span<byte>(attach, PolicyNative.BpfAttrSize).Clear();
                    *(int*)(attach + PolicyNative.BpfAttrTargetFd) = target;
                    *(int*)(attach + PolicyNative.BpfAttrAttachBpfFd) = program;
                    *(int*)(attach + PolicyNative.BpfAttrAttachType) = attachType;
                    if (Libc.Syscall(LinuxConstants.SYS_bpf, PolicyNative.BPF_PROG_ATTACH, (nint)attach, PolicyNative.BpfAttrSize, 0, 0, 0) != 0)
                    {
                        throw new ScenarioSetupException($"bpf(BPF_PROG_ATTACH, type {attachType}) failed with errno {Libc.LastError}");
                    }
                }
                finally
                {
                    // The attachment keeps its own reference to the program.
                    Libc.Close(program);
                }
            }
        }
        finally
        {
            Libc.Close(target);
        }
    }

    private static int LoadRefusingProgram(int programType, int attachType)
    {
        // r0 = 0; exit: a socket-address or socket-creation hook that returns 0 refuses the call.
        ulong* instructions = stackalloc ulong[2];
        instructions[0] = PolicyNative.BPF_ALU64_MOV_K;
        instructions[1] = PolicyNative.BPF_JMP_EXIT;
        byte* license = stackalloc byte[] { (byte)'G', (byte)'P', (byte)'L', 0 };
        byte* load = stackalloc byte[PolicyNative.BpfAttrSize];
        new Span<byte>(load, PolicyNative.BpfAttrSize).Clear();
        *(int*)(load + PolicyNative.BpfAttrProgType) = programType;
        *(int*)(load + PolicyNative.BpfAttrInsnCount) = 2;
        *(ulong*)(load + PolicyNative.BpfAttrInsns) = (ulong)instructions;
        *(ulong*)(load + PolicyNative.BpfAttrLicense) = (ulong)license;
        *(int*)(load + PolicyNative.BpfAttrExpectedAttachType) = attachType;
        int program = (int)Libc.Syscall(LinuxConstants.SYS_bpf, PolicyNative.BPF_PROG_LOAD, (nint)load, PolicyNative.BpfAttrSize, 0, 0, 0);
        if (program < 0)
        {
            int error = Libc.LastError;
            if (attachType == PolicyNative.BPF_CGROUP_UNIX_CONNECT && error == 22)
            {
                throw new ScenarioUnavailableException("the kernel has no BPF_CGROUP_UNIX_CONNECT hook (it arrived in Linux 6.7)");
            }

            throw new ScenarioSetupException($"bpf(BPF_PROG_LOAD, attach type {attachType}) failed with errno {error}");
        }

        return program;
    }

    /// <summary>One write(2) to a cgroup control file, as the cgroup interface expects (no truncation, no locking).</summary>
    private static void WriteControlFile(string path, string value)
    {
        int fd = Libc.Open(path, PolicyNative.O_WRONLY | LinuxConstants.O_CLOEXEC, 0);
        if (fd < 0)
        {
            throw new ScenarioSetupException($"open({path}) failed with errno {Libc.LastError}");
        }

        try
        {
            byte[] bytes = System.Text.Encoding.ASCII.GetBytes(value);
            fixed (byte* data = bytes)
            {
                if (Libc.Write(fd, data, (nuint)bytes.Length) != bytes.Length)
                {
                    throw new ScenarioSetupException($"writing '{value}' to {path} failed with errno {Libc.LastError}");
                }
            }
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    private static string FindCgroup2Mount()
    {
        // /proc/self/mountinfo: "... mount-point options ... - fstype source super-options"
        foreach (string line in File.ReadLines("/proc/self/mountinfo"))
        {
            string[] fields = line.Split(' ');
            int separator = Array.IndexOf(fields, "-");
            if (separator > 4 && separator + 1 < fields.Length && fields[separator + 1] == "cgroup2")
            {
                return fields[4];
            }
        }

        throw new ScenarioSetupException("no cgroup2 file system is mounted");
    }

    private static string CurrentCgroupPath()
    {
        foreach (string line in File.ReadLines("/proc/self/cgroup"))
        {
            if (line.StartsWith("0::", StringComparison.Ordinal))
            {
                return line[3..].TrimStart('/');
            }
        }

        throw new ScenarioSetupException("the process has no cgroup v2 membership in /proc/self/cgroup");
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        // The child first: a cgroup with children cannot be removed. Both are empty of tasks by
        // now (CreateInside moved everything back), and sockets charged to them do not block rmdir.
        foreach (string path in (ReadOnlySpan<string>)[threadedPath, domainPath])
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path);
                }
            }
            catch (IOException)
            {
                // Clean-up goes on with the run's other resources: a directory left behind holds no
                // task, so its hooks can refuse nothing.
            }
        }
    }
}
