using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using ErrorCatalog.Catalog.Model;
using ErrorCatalog.Replay.Environment;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay;

/// <summary>
/// One run of one scenario with one driver. The implementation prepares the situation with the
/// helpers here (namespaces, sockets, directories: all released when the run ends, in reverse
/// order), then calls <see cref="Observe"/> once for the call the scenario is about.
/// </summary>
public sealed unsafe class ScenarioContext : IDisposable
{
    /// <summary>How long a non-blocking connect may stay pending before the run reports <c>pending</c>.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Stack<IDisposable> resources = new();
    private readonly ErrorCatalog.Catalog.Model.Catalog catalog;

    internal ScenarioContext(ErrorCatalog.Catalog.Model.Catalog catalog, Scenario scenario, ConnectDriver driver)
    {
        this.catalog = catalog;
        Scenario = scenario;
        Driver = driver;
    }

    /// <summary>The scenario as the catalog states it (its `via` decides what <see cref="Observe"/> does).</summary>
    public Scenario Scenario { get; }

    public ConnectDriver Driver { get; }

    /// <summary>The catalog name of a Linux errno (<c>EAGAIN</c> for 11), or <c>errno N</c> when the catalog has no entry with that code.</summary>
    public string NameOf(int errno)
    {
        foreach (var (error, _) in catalog.ErrorsWithCode("linux", errno))
        {
            return error.Name;
        }

        return $"errno {errno}";
    }

    /// <summary>A scenario result for a call's errno: <c>success</c> for 0, otherwise <see cref="NameOf"/>.</summary>
    public string ResultOf(int errno) => errno == 0 ? ScenarioVocabulary.Success : NameOf(errno);

    /// <summary>Releases <paramref name="resource"/> when the run ends.</summary>
    public T Own<T>(T resource)
        where T : IDisposable
    {
        resources.Push(resource);
        return resource;
    }

    /// <summary>Runs <paramref name="cleanup"/> when the run ends.</summary>
    public void Defer(Action cleanup) => resources.Push(new Deferred(cleanup));

    /// <summary>A new network namespace, deleted when the run ends.</summary>
    public NetworkNamespace CreateNamespace() => Own(NetworkNamespace.Create());

    /// <summary>A new empty directory under the temporary folder, deleted with its content when the run ends.</summary>
    public string CreateTempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ecreplay-{System.Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        Defer(() =>
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        });
        return path;
    }

    /// <summary>socket(2) with SOCK_CLOEXEC; closed when the run ends. A failure is a setup failure.</summary>
    public Fd OpenSocket(int family, int type, int protocol = 0)
    {
        int fd = Libc.Socket(family, type | LinuxConstants.SOCK_CLOEXEC, protocol);
        if (fd < 0)
        {
            throw new ScenarioSetupException($"socket({family}, {type}, {protocol}) failed with {NameOf(Libc.LastError)}");
        }

        return Own(new Fd(fd));
    }

    /// <summary>Calls a setup step that returns -1 with errno on failure, and turns a failure into a setup failure.</summary>
    public void Check(int result, string what)
    {
        if (result < 0)
        {
            throw new ScenarioSetupException($"{what} failed with {NameOf(Libc.LastError)}");
        }
    }

    /// <summary>setsockopt(2) with an int value; a failure is a setup failure.</summary>
    public void SetOption(Fd socket, int level, int name, int value)
    {
        Check(Libc.SetSockOpt(socket.Value, level, name, &value, sizeof(int)), $"setsockopt({level}, {name}, {value})");
    }

    /// <summary>setsockopt(2) of SO_SNDTIMEO (or SO_RCVTIMEO) with a struct timeval.</summary>
    public void SetTimeout(Fd socket, int name, TimeSpan timeout)
    {
        long* timeval = stackalloc long[2];
        timeval[0] = (long)timeout.TotalSeconds;
        timeval[1] = timeout.Microseconds + (timeout.Milliseconds * 1000L);
        Check(Libc.SetSockOpt(socket.Value, LinuxConstants.SOL_SOCKET, name, timeval, 16), $"setsockopt(SOL_SOCKET, {name}, {timeout})");
    }

    /// <summary>bind(2); a failure is a setup failure.</summary>
    public void Bind(Fd socket, SockAddr address)
    {
        fixed (byte* bytes = address.Bytes)
        {
            Check(Libc.Bind(socket.Value, bytes, (uint)address.Length), $"bind({address})");
        }
    }

    /// <summary>The port <paramref name="socket"/> is bound to (getsockname), for sockets bound to port 0.</summary>
    public int BoundPort(Fd socket)
    {
        byte* address = stackalloc byte[128];
        uint length = 128;
        Check(Libc.GetSockName(socket.Value, address, &length), "getsockname");
        return (address[2] << 8) | address[3];
    }

    /// <summary>listen(2); a failure is a setup failure.</summary>
    public void Listen(Fd socket, int backlog)
    {
        Check(Libc.Listen(socket.Value, backlog), $"listen({backlog})");
    }

    /// <summary>One raw connect(2) as a setup step (for example the first of two): returns 0 or the errno, never throws.</summary>
    public int RawConnect(Fd socket, SockAddr address) => RawConnect(socket.Value, address);

    private static int RawConnect(int descriptor, SockAddr address)
    {
        fixed (byte* bytes = address.Bytes)
        {
            return Libc.Connect(descriptor, bytes, (uint)address.Length) == 0 ? 0 : Libc.LastError;
        }
    }

    /// <summary>
    /// The observed call. With the libc driver: for `via: connect`, one connect() and its result;
    /// for `via: so-error`, the socket is made non-blocking, connect() must return EINPROGRESS,
    /// poll() waits for the outcome (at most <paramref name="wait"/>) and SO_ERROR is the result;
    /// for `via: second-connect`, one more connect() (the scenario made the first). With a .NET
    /// driver: the descriptor is wrapped in a <see cref="System.Net.Sockets.Socket"/> (which does
    /// not close it) and Connect or ConnectAsync is called with the same address.
    /// </summary>
    public Observation Observe(Fd socket, SockAddr address, TimeSpan? wait = null)
    {
        ArgumentNullException.ThrowIfNull(socket);
        return ObserveDescriptor(socket.Value, address, wait);
    }

    /// <summary>
    /// <see cref="Observe"/> on a bare descriptor number, for scenarios about numbers that are not
    /// an open socket (closed, never opened, a regular file).
    /// </summary>
    public Observation ObserveDescriptor(int descriptor, SockAddr address, TimeSpan? wait = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Driver switch
        {
            ConnectDriver.Libc => ObserveLibc(descriptor, address, wait ?? DefaultWait),
            _ => ObserveDotNet(descriptor, address, wait ?? DefaultWait),
        };
    }

    /// <summary>
    /// The observed call of a scenario with <c>via: socket</c>. With the libc driver: one
    /// socket(<paramref name="family"/>, <paramref name="type"/> | SOCK_CLOEXEC,
    /// <paramref name="protocol"/>), whose descriptor, if any, is closed at once. With the .NET
    /// driver: <c>new Socket(family, type, protocol)</c> with the .NET values of the same numbers;
    /// flag bits in <paramref name="type"/> have no .NET form.
    /// </summary>
    public Observation ObserveSocket(int family, int type, int protocol)
    {
        if (Scenario.Via != ScenarioVocabulary.ViaSocket)
        {
            throw new ScenarioSetupException($"ObserveSocket is the observed call of 'via: {ScenarioVocabulary.ViaSocket}' scenarios, but this one says via '{Scenario.Via}'");
        }

        if (Driver == ConnectDriver.Libc)
        {
            int descriptor = Libc.Socket(family, type | LinuxConstants.SOCK_CLOEXEC, protocol);
            int error = descriptor < 0 ? Libc.LastError : 0;
            if (descriptor >= 0)
            {
                Libc.Close(descriptor);
            }

            return new Observation(ResultOf(error), ObservedStage.Socket);
        }

        if ((type & ~LinuxConstants.SOCK_TYPE_MASK) != 0)
        {
            return Observation.NotExpressible($"the type 0x{type:x} carries flags, which the Socket constructor cannot pass");
        }

        try
        {
            using var created = new Socket(DotNetFamily(family), (SocketType)type, (ProtocolType)protocol);
            return new Observation(nameof(SocketError.Success), ObservedStage.Socket);
        }
        catch (SocketException exception)
        {
            return new Observation(exception.SocketErrorCode.ToString(), ObservedStage.Socket, exception.Message);
        }
        catch (Exception exception) when (exception is NotSupportedException or ArgumentException or PlatformNotSupportedException)
        {
            return new Observation("exception " + exception.GetType().Name, ObservedStage.Socket, exception.Message);
        }
    }

    /// <summary>The .NET <see cref="AddressFamily"/> for a Linux family number (.NET numbers IPv6 as Windows does); other numbers pass unchanged.</summary>
    private static AddressFamily DotNetFamily(int family) => family switch
    {
        LinuxConstants.AF_UNIX => AddressFamily.Unix,
        LinuxConstants.AF_INET => AddressFamily.InterNetwork,
        LinuxConstants.AF_INET6 => AddressFamily.InterNetworkV6,
        _ => (AddressFamily)family,
    };

    private Observation ObserveLibc(int descriptor, SockAddr address, TimeSpan wait)
    {
        switch (Scenario.Via)
        {
            case ScenarioVocabulary.ViaSoError:
                int flags = Libc.Fcntl(descriptor, LinuxConstants.F_GETFL, 0);
                Check(flags, "fcntl(F_GETFL)");
                Check(Libc.Fcntl(descriptor, LinuxConstants.F_SETFL, flags | LinuxConstants.O_NONBLOCK), "fcntl(F_SETFL, O_NONBLOCK)");
                int first = RawConnect(descriptor, address);
                if (first == 0)
                {
                    return new Observation(ScenarioVocabulary.Success, ObservedStage.Connect, "connect() completed at once");
                }

                if (first != LinuxConstants.EINPROGRESS)
                {
                    return new Observation(NameOf(first), ObservedStage.Connect, "connect() failed at once instead of returning EINPROGRESS");
                }

                var poll = new Libc.PollFd { Fd = descriptor, Events = LinuxConstants.POLLOUT };
                int ready = Libc.Poll(&poll, 1, (int)Math.Ceiling(wait.TotalMilliseconds));
                if (ready == 0)
                {
                    return new Observation("pending", ObservedStage.SoError, $"no outcome within {wait.TotalSeconds:0.#} s");
                }

                Check(ready, "poll");
                int error = 0;
                uint length = sizeof(int);
                Check(Libc.GetSockOpt(descriptor, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_ERROR, &error, &length), "getsockopt(SO_ERROR)");
                return new Observation(ResultOf(error), ObservedStage.SoError);
            case ScenarioVocabulary.ViaSecondConnect:
                int second = RawConnect(descriptor, address);
                return new Observation(ResultOf(second), ObservedStage.SecondConnect);
            default:
                int result = RawConnect(descriptor, address);
                return new Observation(ResultOf(result), ObservedStage.Connect);
        }
    }

    private Observation ObserveDotNet(int descriptor, SockAddr address, TimeSpan wait)
    {
        if (address.EndPoint is null)
        {
            return Observation.NotExpressible($"the address {address} has no System.Net form");
        }

        // ownsHandle: false: the scenario's Fd stays the owner and closes it once.
        var stage = Scenario.Via == ScenarioVocabulary.ViaSecondConnect ? ObservedStage.SecondConnect : ObservedStage.Connect;
        try
        {
            using var dotnetSocket = new Socket(new SafeSocketHandle((nint)descriptor, ownsHandle: false));

            // A Socket made from a handle believes it blocks; a .NET program whose socket is
            // non-blocking has set Blocking to false, so mirror the descriptor's own mode.
            int flags = Libc.Fcntl(descriptor, LinuxConstants.F_GETFL, 0);
            if (flags >= 0 && (flags & LinuxConstants.O_NONBLOCK) != 0)
            {
                dotnetSocket.Blocking = false;
            }
            if (Driver == ConnectDriver.DotNetConnect)
            {
                dotnetSocket.Connect(address.EndPoint);
            }
            else
            {
                using var limit = new CancellationTokenSource(wait);
                dotnetSocket.ConnectAsync(address.EndPoint, limit.Token).AsTask().GetAwaiter().GetResult();
            }

            return new Observation(nameof(SocketError.Success), stage);
        }
        catch (SocketException exception)
        {
            return new Observation(exception.SocketErrorCode.ToString(), stage, exception.Message);
        }
        catch (OperationCanceledException)
        {
            return new Observation("pending", stage, $"ConnectAsync had no outcome within {wait.TotalSeconds:0.#} s");
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or ArgumentException or IOException)
        {
            return new Observation("exception " + exception.GetType().Name, stage, exception.Message);
        }
    }

    public void Dispose()
    {
        while (resources.Count > 0)
        {
            resources.Pop().Dispose();
        }
    }

    private sealed class Deferred(Action cleanup) : IDisposable
    {
        public void Dispose() => cleanup();
    }
}
