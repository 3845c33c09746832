using System;
using System.Net.Sockets;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime.WindowsHarness.Checks;

/// <summary>The catalog's <c>windows</c> column, as generated, against .NET's own Winsock numbers.</summary>
internal static class MappingChecks
{
    public static void Register(CheckRunner runner, WinsockView winsock)
    {
        runner.Run("windows-column-names", () => EveryWinsockNameReadsBack(winsock));
        runner.Run("windows-column-vs-socketerror", () => ColumnAgreesWithSocketError(winsock));
    }

    /// <summary>Every generated <see cref="ConnectWindowsCode"/> member reads back as its own name and a catalog entry.</summary>
    private static string EveryWinsockNameReadsBack(WinsockView winsock)
    {
        var members = Enum.GetValues<ConnectWindowsCode>();
        Expect.True(members.Length > 0, "ConnectWindowsCode has no members");
        foreach (var member in members)
        {
            var read = winsock.Read((int)member);
            Expect.Equal(member.ToString(), read.Name, $"native name of {(int)member}");
            Expect.True(read.Error is not null, $"{member} ({(int)member}) has no catalog entry in the {winsock.Column} column");
        }

        return $"{members.Length} Winsock codes read back with their names and entries";
    }

    /// <summary>
    /// .NET numbers <see cref="SocketError"/> with the Winsock codes, so for every catalog code that
    /// .NET names, the entry's <c>dotnet:</c> member must be that very SocketError. The codes .NET
    /// has no member for (WSAEBADF, WSAELOOP, WSAENAMETOOLONG) are counted, not compared.
    /// </summary>
    private static string ColumnAgreesWithSocketError(WinsockView winsock)
    {
        int compared = 0, unnamed = 0;
        foreach (var member in Enum.GetValues<ConnectWindowsCode>())
        {
            var code = (int)member;
            if (!Enum.IsDefined((SocketError)code))
            {
                unnamed++;
                continue;
            }

            var error = winsock.Read(code).Error;
            Expect.True(error is not null, $"{member} ({code}) has no catalog entry in the {winsock.Column} column");
            Expect.True(ConnectErrors.TryGetSocketError(error!.Value, out var socketError), $"{ConnectErrors.GetName(error.Value)} has no SocketError member");
            Expect.Equal((SocketError)code, socketError, $"SocketError of {ConnectErrors.GetName(error.Value)}, the entry of {member}");
            compared++;
        }

        return $"{compared} codes agree with SocketError, {unnamed} have no SocketError member";
    }
}
