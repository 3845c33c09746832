using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime.Benchmarks;

/// <summary>
/// One connect per operation, four ways, on the error path (a closed loopback port:
/// ECONNREFUSED) and the success path (a loopback listener that accepts and closes):
/// <list type="bullet">
/// <item>C floor: native/floor.c, compiled with cc at setup, does socket/connect/close in a loop;
/// one P/Invoke runs a whole batch, so its transition cost is spread over <see cref="Batch"/>
/// connects (OperationsPerInvoke), like every other method here.</item>
/// <item>the result API (<see cref="SocketConnector.TryConnect(ConnectTarget, ConnectOptions?)"/>),</item>
/// <item>the throwing API (<see cref="SocketConnector.Connect(ConnectTarget, ConnectOptions?)"/> in try/catch),</item>
/// <item>System.Net.Sockets: new Socket, Connect, catch SocketException.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public unsafe class ConnectBenchmarks
{
    private const int Batch = 64;
    private const int AfInet = 2;
    private const int SockStream = 1;

    private Socket? _closedPortHolder;
    private Socket? _listener;
    private Thread? _acceptor;
    private volatile bool _stopping;
    private ConnectTarget _refused = null!;
    private ConnectTarget _accepting = null!;
    private byte[] _refusedAddress = null!;
    private byte[] _acceptingAddress = null!;
    private delegate* unmanaged<byte*, uint, int, int, int, int*, int> _floor;

    [GlobalSetup]
    public void Setup()
    {
        // Bound, not listening: SYNs to it get a reset.
        _closedPortHolder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _closedPortHolder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _refused = ConnectTarget.FromEndPoint(_closedPortHolder.LocalEndPoint!);

        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(4096);
        _accepting = ConnectTarget.FromEndPoint(_listener.LocalEndPoint!);
        _acceptor = new Thread(AcceptLoop) { IsBackground = true, Name = "benchmark acceptor" };
        _acceptor.Start();

        _refusedAddress = SockAddrIn(_refused.Port);
        _acceptingAddress = SockAddrIn(_accepting.Port);
        string floorLibrary = CompileFloor();
        _floor = (delegate* unmanaged<byte*, uint, int, int, int, int*, int>)NativeLibrary.GetExport(
            NativeLibrary.Load(floorLibrary), "ec_floor_connect_loop");
        // The mapping outlives the file: nothing is left behind in /tmp.
        File.Delete(floorLibrary);

        // Fail fast if a path does not behave as labelled.
        if (SocketConnector.TryConnect(_refused).Error is not { } error || ConnectErrors.GetName(error) != "ECONNREFUSED")
        {
            throw new InvalidOperationException("the error path does not produce ECONNREFUSED");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopping = true;
        _listener?.Dispose();
        _closedPortHolder?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "C socket/connect/close")]
    [BenchmarkCategory("refused")]
    public int Refused_C_floor() => Floor(_refusedAddress, expectConnected: false);

    [Benchmark(OperationsPerInvoke = Batch, Description = "TryConnect (result)")]
    [BenchmarkCategory("refused")]
    public int Refused_result_api()
    {
        int failures = 0;
        for (int i = 0; i < Batch; i++)
        {
            var result = SocketConnector.TryConnect(_refused);
            if (result.Outcome == ConnectOutcome.Failed && result.NativeError.Code != 0)
            {
                failures++;
            }
        }

        return Check(failures);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Connect (throws ConnectException)")]
    [BenchmarkCategory("refused")]
    public int Refused_throwing_api()
    {
        int failures = 0;
        for (int i = 0; i < Batch; i++)
        {
            try
            {
                SocketConnector.Connect(_refused).Dispose();
            }
            catch (ConnectException exception) when (exception.Code != 0)
            {
                failures++;
            }
        }

        return Check(failures);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Socket.Connect + catch SocketException")]
    [BenchmarkCategory("refused")]
    public int Refused_socket_connect_catch()
    {
        int failures = 0;
        var endPoint = _refused.EndPoint!;
        for (int i = 0; i < Batch; i++)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Connect(endPoint);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused)
            {
                failures++;
            }
        }

        return Check(failures);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "C socket/connect/close")]
    [BenchmarkCategory("connected")]
    public int Connected_C_floor() => Floor(_acceptingAddress, expectConnected: true);

    [Benchmark(OperationsPerInvoke = Batch, Description = "TryConnect (result)")]
    [BenchmarkCategory("connected")]
    public int Connected_result_api()
    {
        int connected = 0;
        for (int i = 0; i < Batch; i++)
        {
            var result = SocketConnector.TryConnect(_accepting);
            if (result.IsConnected)
            {
                result.Socket!.Dispose();
                connected++;
            }
        }

        return Check(connected);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Connect (throws ConnectException)")]
    [BenchmarkCategory("connected")]
    public int Connected_throwing_api()
    {
        int connected = 0;
        for (int i = 0; i < Batch; i++)
        {
            using var socket = SocketConnector.Connect(_accepting);
            connected++;
        }

        return Check(connected);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Socket.Connect + catch SocketException")]
    [BenchmarkCategory("connected")]
    public int Connected_socket_connect_catch()
    {
        int connected = 0;
        var endPoint = _accepting.EndPoint!;
        for (int i = 0; i < Batch; i++)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Connect(endPoint);
                connected++;
            }
            catch (SocketException)
            {
            }
        }

        return Check(connected);
    }

    private int Floor(byte[] address, bool expectConnected)
    {
        int lastErrno;
        int connected;
        fixed (byte* pointer = address)
        {
            connected = _floor(pointer, (uint)address.Length, AfInet, SockStream, Batch, &lastErrno);
        }

        return Check(expectConnected ? connected : Batch - connected);
    }

    private static int Check(int count) =>
        count == Batch ? count : throw new InvalidOperationException($"only {count} of {Batch} connects went the expected way");

    private void AcceptLoop()
    {
        while (!_stopping)
        {
            try
            {
                _listener!.Accept().Dispose();
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    private static byte[] SockAddrIn(int port)
    {
        // Linux sockaddr_in: family (host order), port (network order), 127.0.0.1, zero padding.
        var address = new byte[16];
        BitConverter.TryWriteBytes(address.AsSpan(0, 2), (ushort)AfInet);
        address[2] = (byte)(port >> 8);
        address[3] = (byte)port;
        address[4] = 127;
        address[7] = 1;
        return address;
    }

    private static string CompileFloor()
    {
        string source = Path.Combine(AppContext.BaseDirectory, "native", "floor.c");
        string library = Path.Combine(Path.GetTempPath(), $"ecfloor-{Environment.ProcessId}.so");
        using var cc = Process.Start(new ProcessStartInfo("cc", ["-O2", "-shared", "-fPIC", "-o", library, source]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("could not start cc");
        string errors = cc.StandardError.ReadToEnd();
        cc.WaitForExit();
        return cc.ExitCode == 0 ? library : throw new InvalidOperationException($"cc failed: {errors}");
    }
}
