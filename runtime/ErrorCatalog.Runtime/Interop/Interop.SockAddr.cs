using System;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime;

internal static partial class Interop
{
    /// <summary>
    /// Builds sockaddr_in, sockaddr_in6 and sockaddr_un byte for byte. Linux starts every
    /// sockaddr with a 2-byte family; macOS and the BSDs start with a 1-byte length (sin_len,
    /// sin6_len, sun_len) followed by a 1-byte family. The rest of the layout is the same:
    /// sockaddr_in is 16 bytes (port at 2, address at 4), sockaddr_in6 is 28 bytes (port at 2,
    /// flow info at 4, address at 8, scope id at 24), sockaddr_un carries the path at offset 2.
    /// </summary>
    internal static class SockAddr
    {
        internal const int SizeOfSockAddrIn = 16;
        internal const int SizeOfSockAddrIn6 = 28;
        internal const int OffsetOfSunPath = 2;

        internal static byte[] Inet(PlatformConstants platform, IPAddress address, int port)
        {
            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                var buffer = new byte[SizeOfSockAddrIn];
                WriteHeader(platform, buffer, platform.AfInet, SizeOfSockAddrIn);
                BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), (ushort)port);
                address.TryWriteBytes(buffer.AsSpan(4, 4), out _);
                return buffer;
            }

            var buffer6 = new byte[SizeOfSockAddrIn6];
            WriteHeader(platform, buffer6, platform.AfInet6, SizeOfSockAddrIn6);
            BinaryPrimitives.WriteUInt16BigEndian(buffer6.AsSpan(2), (ushort)port);
            address.TryWriteBytes(buffer6.AsSpan(8, 16), out _);
            // sin6_scope_id is in host byte order.
            uint scopeId = (uint)address.ScopeId;
            MemoryMarshal.Write(buffer6.AsSpan(24), in scopeId);
            return buffer6;
        }

        /// <summary>A filesystem path: the bytes, then the terminating NUL counted in the length.</summary>
        internal static byte[] UnixPath(PlatformConstants platform, ReadOnlySpan<byte> pathBytes)
        {
            int length = OffsetOfSunPath + pathBytes.Length + 1;
            var buffer = new byte[length];
            WriteHeader(platform, buffer, platform.AfUnix, length);
            pathBytes.CopyTo(buffer.AsSpan(OffsetOfSunPath));
            return buffer;
        }

        /// <summary>A Linux abstract name: a leading NUL, then the name; no terminator, the length bounds it.</summary>
        internal static byte[] UnixAbstract(PlatformConstants platform, ReadOnlySpan<byte> name)
        {
            int length = OffsetOfSunPath + 1 + name.Length;
            var buffer = new byte[length];
            WriteHeader(platform, buffer, platform.AfUnix, length);
            name.CopyTo(buffer.AsSpan(OffsetOfSunPath + 1));
            return buffer;
        }

        /// <summary>Reads the address family of a native sockaddr, or -1 when it is too short to hold one.</summary>
        internal static int ReadFamily(PlatformConstants platform, ReadOnlySpan<byte> address)
        {
            if (address.Length < 2)
            {
                return -1;
            }

            return platform.HasLengthByte
                ? address[1]
                : BitConverter.IsLittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(address) : BinaryPrimitives.ReadUInt16BigEndian(address);
        }

        private static void WriteHeader(PlatformConstants platform, Span<byte> buffer, int family, int length)
        {
            if (platform.HasLengthByte)
            {
                buffer[0] = (byte)length;
                buffer[1] = (byte)family;
            }
            else if (BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(buffer, (ushort)family);
            }
            else
            {
                BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)family);
            }
        }
    }
}
