using System;
using System.Buffers.Binary;
using System.Threading;
using ErrorCatalog.Replay.Environment;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Unix;

/// <summary>
/// A FUSE file system served from this process that answers every lookup with one chosen error:
/// the way to make a path lookup fail as a failing disk (EIO) or a server out of memory (ENOMEM)
/// would, without either. It is mounted in a
/// private mount namespace of one dedicated thread, so nothing outside that thread ever sees it;
/// when the thread ends the namespace and the mount go away, and the kernel ends the FUSE
/// connection. Request and reply layouts and opcodes are those of linux/fuse.h (protocol 7),
/// printed by a C program: fuse_in_header 40 bytes (len, opcode, unique at 0, 4, 8),
/// fuse_out_header 16 bytes (len, error, unique), fuse_init_in.minor and max_readahead at 4 and 8,
/// fuse_init_out 64 bytes with max_write at 20.
/// </summary>
internal sealed unsafe class UnixFailingFileSystem : IDisposable
{
    private const int OpLookup = 1;
    private const int OpForget = 2;
    private const int OpInit = 26;
    private const int OpInterrupt = 36;
    private const int OpBatchForget = 42;
    private const int InHeaderSize = 40;
    private const int OutHeaderSize = 16;
    private const int InitOutSize = 64;
    private const int ProtocolMajor = 7;
    private const int MaxWrite = 4096;

    /// <summary>EIO's number on every Linux architecture (asm-generic/errno-base.h).</summary>
    public const int LinuxErrnoEio = 5;

    /// <summary>ENOMEM's number on every Linux architecture (asm-generic/errno-base.h).</summary>
    public const int LinuxErrnoEnomem = 12;

    /// <summary>libfuse's read buffer: the kernel refuses reads smaller than a request can be.</summary>
    private const int ReadBufferSize = (1 << 20) + 4096;

    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(2);

    private readonly ScenarioContext context;
    private readonly Fd device;
    private readonly Thread server;
    private readonly ManualResetEventSlim initAnswered = new();
    private readonly int lookupErrno;
    private volatile bool stopping;
    private int failedLookups;

    private UnixFailingFileSystem(ScenarioContext context, Fd device, int lookupErrno)
    {
        this.context = context;
        this.device = device;
        this.lookupErrno = lookupErrno;
        server = new Thread(Serve) { IsBackground = true, Name = "ErrorCatalog.Replay FUSE server" };
        server.Start();
    }

    /// <summary>How many lookups the file system has failed (a check that the error came from it).</summary>
    public int FailedLookups => Volatile.Read(ref failedLookups);

    /// <summary>
    /// Opens /dev/fuse and starts serving, answering every lookup with the Linux errno
    /// <paramref name="lookupErrno"/>; the mount itself happens in <see cref="RunMounted{T}"/>.
    /// </summary>
    public static UnixFailingFileSystem Start(ScenarioContext context, int lookupErrno)
    {
        int descriptor = Libc.Open("/dev/fuse", UnixNative.O_RDWR | LinuxConstants.O_CLOEXEC, 0);
        if (descriptor < 0)
        {
            throw new ScenarioUnavailableException($"/dev/fuse cannot be opened ({context.NameOf(Libc.LastError)}): the kernel offers no FUSE");
        }

        return context.Own(new UnixFailingFileSystem(context, new Fd(descriptor), lookupErrno));
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a new thread that has a private mount namespace in which
    /// this file system is mounted at <paramref name="mountPoint"/>.
    /// </summary>
    public T RunMounted<T>(string mountPoint, Func<T> work) =>
        DedicatedThread.Run(() =>
        {
            context.Check(UnixNative.Unshare(UnixNative.CLONE_NEWNS), "unshare(CLONE_NEWNS)");
            // Private propagation, so the mount below never reaches the parent namespace.
            context.Check(UnixNative.Mount(null, "/", null, UnixNative.MS_REC | UnixNative.MS_PRIVATE, null), "mount(MS_REC | MS_PRIVATE)");
            string options = FormattableString.Invariant($"fd={device.Value},rootmode=40000,user_id=0,group_id=0");
            context.Check(UnixNative.Mount("errorcatalog-replay", mountPoint, "fuse", UnixNative.MS_NOSUID | UnixNative.MS_NODEV, options), "mount(fuse)");
            return work();
        });

    private void Serve()
    {
        var buffer = new byte[ReadBufferSize];
        var reply = new byte[OutHeaderSize + InitOutSize];
        while (!stopping)
        {
            var ready = new Libc.PollFd { Fd = device.Value, Events = LinuxConstants.POLLIN };
            if (Libc.Poll(&ready, 1, 100) <= 0)
            {
                continue;
            }

            nint length;
            fixed (byte* bytes = buffer)
            {
                length = UnixNative.Read(device.Value, bytes, (nuint)buffer.Length);
            }

            if (length < 0)
            {
                // Before the mount the device refuses reads (EPERM); once the mount is gone it reports ENODEV.
                if (context.NameOf(Libc.LastError) == "ENODEV")
                {
                    return;
                }

                Thread.Sleep(20);
                continue;
            }

            int opcode = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(4));
            ulong unique = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(8));
            switch (opcode)
            {
                case OpForget or OpBatchForget or OpInterrupt:
                    break; // the kernel expects no reply
                case OpInit:
                    Array.Clear(reply);
                    BinaryPrimitives.WriteInt32LittleEndian(reply.AsSpan(OutHeaderSize), ProtocolMajor);
                    // The kernel's own minor version, and its read-ahead, echoed back; no optional features.
                    buffer.AsSpan(InHeaderSize + 4, 8).CopyTo(reply.AsSpan(OutHeaderSize + 4));
                    BinaryPrimitives.WriteInt32LittleEndian(reply.AsSpan(OutHeaderSize + 20), MaxWrite);
                    Reply(reply, OutHeaderSize + InitOutSize, 0, unique);
                    initAnswered.Set();
                    break;
                default:
                    if (opcode == OpLookup)
                    {
                        Interlocked.Increment(ref failedLookups);
                    }

                    Reply(reply, OutHeaderSize, -lookupErrno, unique);
                    break;
            }
        }
    }

    private void Reply(byte[] reply, int length, int error, ulong unique)
    {
        BinaryPrimitives.WriteInt32LittleEndian(reply, length);
        BinaryPrimitives.WriteInt32LittleEndian(reply.AsSpan(4), error);
        BinaryPrimitives.WriteUInt64LittleEndian(reply.AsSpan(8), unique);
        fixed (byte* bytes = reply)
        {
            Libc.Write(device.Value, bytes, (nuint)length);
        }
    }

    /// <summary>
    /// Ends the server the way a crashed FUSE daemon ends, with the mount left in place: once the
    /// kernel's INIT request is answered, stops serving and closes /dev/fuse. The kernel then
    /// aborts the connection, and every later request on the mount fails without reaching a
    /// server. Call it inside <see cref="RunMounted{T}"/>, after the mount.
    /// </summary>
    public void Abandon()
    {
        if (!initAnswered.Wait(StopLimit))
        {
            throw new ScenarioSetupException("the kernel never sent FUSE_INIT after the mount");
        }

        Stop();
    }

    private void Stop()
    {
        // The server thread must be gone before the descriptor it reads is closed.
        stopping = true;
        server.Join(StopLimit);
        device.Dispose();
    }

    public void Dispose()
    {
        Stop();
        initAnswered.Dispose();
    }
}
