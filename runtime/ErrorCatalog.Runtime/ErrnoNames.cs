using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime;

/// <summary>
/// Names of errno values reported by calls other than connect(). The connect() catalog is asked
/// first; the small table below only covers what the runtime's other calls document on Linux and
/// the catalog does not list. A future socket() catalog replaces the table.
/// </summary>
internal static class ErrnoNames
{
    internal static string? Find(ConnectPlatform platform, int errno) =>
        ConnectErrors.FromNative(platform, errno).Name
        ?? (platform == ConnectPlatform.Linux ? Linux(errno) : null);

    /// <summary>
    /// Linux numbers (asm-generic/errno-base.h, asm-generic/errno.h) of the errors documented by
    /// socket(2), fcntl(2), epoll_create1(2) and epoll_ctl(2).
    /// </summary>
    private static string? Linux(int errno) => errno switch
    {
        1 => "EPERM",
        2 => "ENOENT",
        9 => "EBADF",
        12 => "ENOMEM",
        13 => "EACCES",
        17 => "EEXIST",
        22 => "EINVAL",
        23 => "ENFILE",
        24 => "EMFILE",
        28 => "ENOSPC",
        40 => "ELOOP",
        93 => "EPROTONOSUPPORT",
        94 => "ESOCKTNOSUPPORT",
        97 => "EAFNOSUPPORT",
        105 => "ENOBUFS",
        _ => null,
    };
}
