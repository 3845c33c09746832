// The tests provoke Linux kernel behaviour (errno values, network namespaces, /proc), so the
// assembly declares itself Linux-only; CI runs on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
