namespace ErrorCatalog.Runtime;

internal static partial class Interop
{
    internal static class Libraries
    {
        // The .NET host resolves "libc" to the platform's C library (libc.so.6 on glibc Linux,
        // /usr/lib/libc.dylib, part of libSystem, on macOS).
        internal const string Libc = "libc";
    }
}
