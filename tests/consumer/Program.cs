using System;
using System.Net;
using Consumer.Listening;

// Prints a few mappings of the generated code; ErrorCatalog.Generator.Tests compares the output.
internal static class Program
{
    private static int Main()
    {
        ListenErrors.TryFromNative(ListenPlatform.Windows, 10048, out var fromWindows);
        Console.WriteLine("windows 10048 -> " + ListenErrors.GetName(fromWindows));
        Console.WriteLine("EADDRINUSE on linux -> " + ListenErrors.GetCode(ListenError.AddressInUse, ListenPlatform.Linux));
        Console.WriteLine("ENOTSUP parses: " + (ListenErrors.TryParse("ENOTSUP", out var alias) && alias == ListenError.NotSupported));
        Console.WriteLine("linux 95 -> " + ListenErrors.GetNativeName(ListenPlatform.Linux, 95) + ", alias member ENOTSUP = " + (int)ListenLinuxCode.ENOTSUP);
        Console.WriteLine("linux 4000 -> " + ListenErrors.FromNative(ListenPlatform.Linux, 4000));
        var exception = ListenErrors.CreateException(ListenPlatform.Linux, 98, new IPEndPoint(IPAddress.Loopback, 80));
        Console.WriteLine(exception.GetType().FullName + " " + exception.SocketErrorCode);
        Console.WriteLine(exception.Message);
        return 0;
    }
}
