using System;
using System.Net;
using System.Net.Sockets;
using ErrorCatalog.Tests.Bind;
using Xunit;

namespace ErrorCatalog.Generator.Tests;

/// <summary>
/// Calls the code generated from Catalogs/bind.yaml, which the generator compiled into this test
/// assembly through the ProjectReference-as-Analyzer setup: a second catalog with its own
/// platforms and sources, proving nothing in the generator is specific to one catalog.
/// </summary>
public class BindBehaviourTests
{
    [Theory]
    [InlineData(BindPlatform.LinuxGeneric, 98, "EADDRINUSE")]
    [InlineData(BindPlatform.LinuxParisc, 226, "EADDRINUSE")]
    [InlineData(BindPlatform.Winsock, 10048, "WSAEADDRINUSE")]
    public void NativeCodeMapsToTheEntryOnEachPlatform(BindPlatform platform, int code, string nativeName)
    {
        Assert.True(BindErrors.TryFromNative(platform, code, out var error));
        Assert.Equal(BindError.AddressInUse, error);
        Assert.Equal(code, BindErrors.GetCode(BindError.AddressInUse, platform));
        Assert.Equal(nativeName, BindErrors.GetNativeName(platform, code));
    }

    [Fact]
    public void PerPlatformMethodsAndCodeEnumsAgree()
    {
        Assert.True(BindErrors.TryFromLinuxParisc((int)BindLinuxPariscCode.EADDRNOTAVAIL, out var parisc));
        Assert.Equal(BindError.AddressNotAvailable, parisc);
        Assert.Equal(227, (int)BindLinuxPariscCode.EADDRNOTAVAIL);
        Assert.Equal(99, (int)BindLinuxGenericCode.EADDRNOTAVAIL);
        Assert.Equal(10049, BindErrors.GetWinsockCode(BindError.AddressNotAvailable));
        Assert.False(BindErrors.TryFromWinsock(99, out _));
    }

    [Fact]
    public void AliasWithItsOwnNumberMapsToTheEntryAndKeepsItsName()
    {
        Assert.True(BindErrors.TryFromLinuxGeneric(21, out var error));
        Assert.Equal(BindError.NullAddress, error);
        Assert.Equal("EISDIR", BindErrors.GetNativeName(BindPlatform.LinuxGeneric, 21));
        Assert.Equal("EDESTADDRREQ", BindErrors.GetNativeName(BindPlatform.LinuxGeneric, 89));
        Assert.Equal(21, (int)BindLinuxGenericCode.EISDIR);
        // The canonical number stays the entry's code; the alias number is only read, never written.
        Assert.Equal(89, BindErrors.GetCode(BindError.NullAddress, BindPlatform.LinuxGeneric));
    }

    [Fact]
    public void WinsockNamesCarryThePrefixOnceEvenWhenAnAliasSpellsItOut()
    {
        // A winsock platform spells EACCES as WSAEACCES; the alias that writes WSAEACCES with the
        // same number adds no second member.
        Assert.Equal(10013, (int)BindWinsockCode.WSAEACCES);
        Assert.False(Enum.IsDefined(typeof(BindWinsockCode), "EACCES"));
        Assert.Equal("WSAEACCES", BindErrors.GetNativeName(BindPlatform.Winsock, 10013));
        Assert.Equal("EACCES", BindErrors.GetNativeName(BindPlatform.LinuxGeneric, 13));
    }

    [Fact]
    public void AbsentCodeIsExplicitlyAbsent()
    {
        Assert.Null(BindErrors.GetCode(BindError.ReadOnlyFileSystem, BindPlatform.Winsock));
        Assert.False(BindErrors.TryGetCode(BindError.ReadOnlyFileSystem, BindPlatform.Winsock, out var code));
        Assert.Equal(0, code);
        Assert.True(BindErrors.TryGetCode(BindError.ReadOnlyFileSystem, BindPlatform.LinuxParisc, out code));
        Assert.Equal(30, code);
        Assert.False(Enum.IsDefined(typeof(BindWinsockCode), "EROFS"));
    }

    [Fact]
    public void UnknownNativeCodeIsKeptRawNeverCollapsed()
    {
        var native = BindErrors.FromNative(BindPlatform.LinuxParisc, 98);

        // 98 is EADDRINUSE on generic Linux but nothing on PA-RISC.
        Assert.False(native.IsKnown);
        Assert.Null(native.Error);
        Assert.Null(native.Name);
        Assert.Equal(98, native.Code);
        Assert.Equal(BindPlatform.LinuxParisc, native.Platform);
        Assert.Equal("unknown code 98 on linux-parisc", native.ToString());

        var exception = BindErrors.CreateException(native);
        Assert.Equal(typeof(BindException), exception.GetType());
        Assert.Null(exception.Error);
        Assert.Equal(98, exception.Code);
        Assert.Equal(SocketError.SocketError, exception.SocketErrorCode);
        Assert.Equal("bind() failed with unknown code 98 on linux-parisc.", exception.Message);
    }

    [Fact]
    public void NamesAndAliasesParse()
    {
        Assert.True(BindErrors.TryParse("EDESTADDRREQ", out var canonical));
        Assert.True(BindErrors.TryParse("EISDIR", out var alias));
        Assert.True(BindErrors.TryParse("WSAEACCES", out var winsockAlias));
        Assert.Equal(BindError.NullAddress, canonical);
        Assert.Equal(BindError.NullAddress, alias);
        Assert.Equal(BindError.PermissionDenied, winsockAlias);
        Assert.False(BindErrors.TryParse("eisdir", out _));
        Assert.False(BindErrors.TryParse("ECONNREFUSED", out _));
        Assert.False(BindErrors.TryParse(null, out _));
        Assert.Equal("EDESTADDRREQ", BindErrors.GetName(BindError.NullAddress));
    }

    [Fact]
    public void UndefinedEnumValuesAreRejectedClearly()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BindErrors.GetName((BindError)999));
        Assert.Throws<ArgumentOutOfRangeException>(() => BindErrors.GetPlatformId((BindPlatform)0));
        Assert.Null(BindErrors.GetCode((BindError)999, BindPlatform.LinuxGeneric));
        Assert.False(BindErrors.TryFromNative((BindPlatform)77, 98, out _));
        Assert.Equal("unknown code 98 on platform 77", BindErrors.FromNative((BindPlatform)77, 98).ToString());
    }

    [Fact]
    public void SocketErrorMapsBothWays()
    {
        Assert.Equal(SocketError.AddressAlreadyInUse, BindErrors.ToSocketError(BindError.AddressInUse));
        Assert.True(BindErrors.TryGetSocketError(BindError.AddressInUse, out var socketError));
        Assert.Equal(SocketError.AddressAlreadyInUse, socketError);
        Assert.True(BindErrors.TryFromSocketError(SocketError.AddressAlreadyInUse, out var error));
        Assert.Equal(BindError.AddressInUse, error);

        // EBADF has no SocketError member.
        Assert.False(BindErrors.TryGetSocketError(BindError.BadDescriptor, out socketError));
        Assert.Equal(SocketError.SocketError, socketError);
        Assert.Equal(SocketError.SocketError, BindErrors.ToSocketError(BindError.BadDescriptor));
        Assert.False(BindErrors.TryFromSocketError(SocketError.TimedOut, out _));
    }

    [Fact]
    public void PlatformIdsRoundTrip()
    {
        foreach (var platform in Enum.GetValues<BindPlatform>())
        {
            Assert.True(BindErrors.TryParsePlatform(BindErrors.GetPlatformId(platform), out var parsed));
            Assert.Equal(platform, parsed);
        }

        Assert.Equal("linux-parisc", BindErrors.GetPlatformId(BindPlatform.LinuxParisc));
        Assert.False(BindErrors.TryParsePlatform("LinuxParisc", out _));
    }

    [Fact]
    public void FactoryCreatesTheEntryTypeUnderItsGroup()
    {
        var endPoint = new IPEndPoint(IPAddress.Loopback, 8080);
        var exception = BindErrors.CreateException(BindPlatform.LinuxParisc, 226, endPoint);

        var specific = Assert.IsType<BindException.AddressInUse>(exception);
        Assert.IsAssignableFrom<BindException.AddressProblem>(specific);
        Assert.IsAssignableFrom<SocketException>(specific);
        Assert.Equal(BindError.AddressInUse, specific.Error);
        Assert.Equal(226, specific.Code);
        Assert.Equal(BindPlatform.LinuxParisc, specific.Platform);
        Assert.Same(endPoint, specific.EndPoint);
        Assert.Equal(BindClassification.Contended, specific.Classification);
        Assert.Equal(SocketError.AddressAlreadyInUse, specific.SocketErrorCode);
        Assert.Equal("bind() failed with EADDRINUSE (226 on linux-parisc) for 127.0.0.1:8080: Another socket already holds the requested address.", specific.Message);

        Assert.IsType<BindException.PermissionDenied>(BindErrors.CreateException(BindPlatform.Winsock, 10013));
        Assert.IsType<BindException.NullAddress>(BindErrors.CreateException(BindPlatform.LinuxGeneric, 21));
        Assert.IsAssignableFrom<BindException.PathProblem>(BindErrors.CreateException(BindPlatform.LinuxGeneric, 21));
    }

    [SkippableFact]
    public void NativeErrorCodeIsTheBaseClassTranslationNotTheRawCode()
    {
        // Documented limit: SocketException only takes a SocketError, and derives NativeErrorCode
        // from it in the running OS's numbering. On x64/arm64 Linux that is the generic errno.
        Skip.IfNot(OperatingSystem.IsLinux(), "The translation checked here is the one .NET does on Linux.");
        var exception = BindErrors.CreateException(BindPlatform.LinuxParisc, 226);

        Assert.Equal(98, exception.NativeErrorCode);
        Assert.Equal(98, exception.ErrorCode);
        Assert.Equal(226, exception.Code);
    }

    [Fact]
    public void EntryExceptionRefusesANativeErrorOfAnotherEntry()
    {
        var wrong = BindErrors.FromNative(BindPlatform.LinuxGeneric, 13);

        var exception = Assert.Throws<ArgumentException>(() => new BindException.AddressInUse(wrong));
        Assert.Equal("nativeError", exception.ParamName);
    }

    [Fact]
    public void ClassificationSummaryAndActionComeFromTheCatalog()
    {
        Assert.Equal(BindClassification.UnusablePath, BindErrors.GetClassification(BindError.TooManySymbolicLinks));
        Assert.Equal("The descriptor refers to something other than a socket.", BindErrors.GetSummary(BindError.NotASocket));
        Assert.Equal("Bind each socket once, and pass the address length that matches its family.", BindErrors.GetAction(BindError.InvalidArgument));
    }

    [Fact]
    public void MappingsDoNotAllocate()
    {
        var sink = 0;
        for (var warmUp = 0; warmUp < 2; warmUp++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                BindErrors.TryFromNative(BindPlatform.LinuxParisc, 226, out var error);
                sink += BindErrors.GetName(error).Length;
                sink += BindErrors.GetCode(error, BindPlatform.Winsock) ?? 0;
                BindErrors.TryParse("EISDIR", out error);
                sink += (int)BindErrors.ToSocketError(error);
                sink += BindErrors.FromNative(BindPlatform.Winsock, 10048).Error is { } known ? (int)known : 0;
                sink += BindErrors.GetNativeName(BindPlatform.LinuxGeneric, 21)!.Length;
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (warmUp == 1)
            {
                Assert.Equal(0, allocated);
            }
        }

        Assert.NotEqual(0, sink);
    }
}
