using System.Runtime.InteropServices;

namespace ErrorCatalog.Cli.Commands.Connect;

/// <summary>What a Unix socket path names, as far as it matters for explaining connect().</summary>
public enum UnixPathKind
{
    /// <summary>Not looked at (not Linux), or statx() failed for another reason.</summary>
    Unknown,

    /// <summary>The last component is missing; its folder exists.</summary>
    Missing,

    /// <summary>A folder on the path is missing.</summary>
    FolderMissing,

    /// <summary>Something on the path before the last component is a file, not a folder.</summary>
    FileAsFolder,

    /// <summary>A socket file (with or without a listener).</summary>
    Socket,

    /// <summary>A regular file.</summary>
    RegularFile,

    /// <summary>A folder.</summary>
    Folder,

    /// <summary>Another kind of file (FIFO, device).</summary>
    Other,
}

/// <summary>Looks at a Unix socket path with statx(), whose result layout is the same on every Linux architecture.</summary>
public static class UnixPathInspector
{
    // fcntl.h AT_FDCWD and linux/stat.h STATX_TYPE: a path relative to the working folder, and only the file type asked for.
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;

    // struct statx (linux/stat.h) is 256 bytes with stx_mode at offset 28; S_IFMT masks the type out of the mode.
    private const int StatxModeOffset = 28, StatxSize = 256, FileTypeMask = 0xF000;

    // asm-generic/errno-base.h, which every Linux architecture shares for these numbers.
    private const int ENOENT = 2, ENOTDIR = 20;

    public static UnixPathKind Inspect(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return UnixPathKind.Unknown;
        }

        var buffer = new byte[StatxSize];
        var pinned = GCHandle.Alloc(buffer, GCHandleType.Pinned);
        var nativePath = Marshal.StringToCoTaskMemUTF8(path);
        try
        {
            // connect() follows symbolic links, so statx() does too (flags 0).
            if (Statx(AtCurrentDirectory, nativePath, 0, StatxType, pinned.AddrOfPinnedObject()) != 0)
            {
                return Marshal.GetLastPInvokeError() switch
                {
                    ENOENT => Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))) ? UnixPathKind.Missing : UnixPathKind.FolderMissing,
                    ENOTDIR => UnixPathKind.FileAsFolder,
                    _ => UnixPathKind.Unknown,
                };
            }

            return (BitConverter.ToUInt16(buffer, StatxModeOffset) & FileTypeMask) switch
            {
                0xC000 => UnixPathKind.Socket,
                0x8000 => UnixPathKind.RegularFile,
                0x4000 => UnixPathKind.Folder,
                _ => UnixPathKind.Other,
            };
        }
        finally
        {
            Marshal.FreeCoTaskMem(nativePath);
            pinned.Free();
        }
    }

    // Only pointer-sized and integer arguments, so no marshalling code is needed (NativeAOT-friendly).
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, nint path, int flags, uint mask, nint buffer);
}
