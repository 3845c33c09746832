namespace ErrorCatalog.Runtime.Tests.TestSupport;

/// <summary>
/// Linux errno numbers, copied by hand from linux-libc-dev's asm-generic/errno-base.h and
/// asm-generic/errno.h. Kept apart from the catalog on purpose: the tests check the catalog's
/// mapping and the runtime's raw codes against the kernel headers, not against themselves.
/// </summary>
internal static class LinuxErrno
{
    internal const int EPERM = 1;
    internal const int ENOENT = 2;
    internal const int EINTR = 4;
    internal const int EBADF = 9;
    internal const int EAGAIN = 11;
    internal const int EACCES = 13;
    internal const int ENOTDIR = 20;
    internal const int EINVAL = 22;
    internal const int ELOOP = 40;
    internal const int ENOTSOCK = 88;
    internal const int EPROTOTYPE = 91;
    internal const int EAFNOSUPPORT = 97;
    internal const int EADDRINUSE = 98;
    internal const int EADDRNOTAVAIL = 99;
    internal const int ENETUNREACH = 101;
    internal const int ECONNABORTED = 103;
    internal const int EISCONN = 106;
    internal const int ENOTCONN = 107;
    internal const int ETIMEDOUT = 110;
    internal const int ECONNREFUSED = 111;
    internal const int EHOSTUNREACH = 113;
    internal const int EALREADY = 114;
    internal const int EINPROGRESS = 115;
}
