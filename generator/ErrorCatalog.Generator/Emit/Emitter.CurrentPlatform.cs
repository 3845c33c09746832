using ErrorCatalog.Generator.Spec;

namespace ErrorCatalog.Generator.Emit;

// CurrentPlatform: the column of the running system, from the catalog's runs-on data.
internal static partial class Emitter
{
    private const string RuntimeInformation = "global::System.Runtime.InteropServices.RuntimeInformation";

    /// <summary>
    /// The property, and behind it a nested class whose static field holds the answer: the
    /// detection runs once, on first use of the property, and not when the mapping tables of the
    /// outer class are first touched, so those stay plain data.
    /// Operating systems are tested with <c>RuntimeInformation.IsOSPlatform</c>, which exists on
    /// every target framework and on .NET 5 and later asks <c>OperatingSystem.IsOSPlatform</c>;
    /// architectures are compared as numbers because older frameworks lack the newer members.
    /// </summary>
    private static void EmitCurrentPlatform(SourceWriter writer, EmitSpec spec)
    {
        var platformType = spec.Names.PlatformName;
        writer.WriteLine($"/// <summary>The platform whose numbering the running process's native calls report codes in, or <see langword=\"null\"/> when the <c>runs-on</c> of no platform in the <c>{spec.CatalogIdXml}</c> catalog covers this operating system and process architecture.</summary>");
        writer.Write("/// <remarks>Worked out once, on first use, from <see cref=\"" + RuntimeInformation + ".IsOSPlatform\"/> and <see cref=\"" + RuntimeInformation + ".ProcessArchitecture\"/>.");
        if (spec.Detection.IsEmpty)
        {
            writer.WriteLine(" No platform of this catalog says where it runs, so this is always <see langword=\"null\"/>.</remarks>");
            writer.WriteLine($"public static {platformType}? CurrentPlatform => null;");
            return;
        }

        foreach (var detection in spec.Detection)
        {
            writer.Write($" <see cref=\"{platformType}.{detection.Symbol}\"/> on {detection.OperatingSystemNames}");
            writer.Write(detection.ArchitectureValues.IsEmpty ? " (any processor)." : " (" + detection.ArchitectureNames + ").");
        }

        writer.WriteLine("</remarks>");
        writer.WriteLine($"public static {platformType}? CurrentPlatform => CurrentPlatformDetection.Platform;");
        writer.WriteLine();
        writer.OpenBlock("private static class CurrentPlatformDetection");
        writer.WriteLine($"internal static readonly {platformType}? Platform = Detect();");
        writer.WriteLine();
        writer.OpenBlock($"private static {platformType}? Detect()");
        var anyArchitecture = false;
        foreach (var detection in spec.Detection)
        {
            anyArchitecture |= !detection.ArchitectureValues.IsEmpty;
        }

        if (anyArchitecture)
        {
            writer.WriteLine($"var architecture = (int){RuntimeInformation}.ProcessArchitecture;");
        }

        foreach (var detection in spec.Detection)
        {
            writer.Write("if (");
            if (!detection.ArchitectureValues.IsEmpty && detection.OperatingSystemLiterals.Count > 1)
            {
                writer.Write("(");
            }

            for (var i = 0; i < detection.OperatingSystemLiterals.Count; i++)
            {
                writer.Write(i == 0 ? string.Empty : " || ");
                writer.Write($"IsOperatingSystem({detection.OperatingSystemLiterals[i]})");
            }

            if (!detection.ArchitectureValues.IsEmpty)
            {
                writer.Write(detection.OperatingSystemLiterals.Count > 1 ? ") && architecture is " : " && architecture is ");
                for (var i = 0; i < detection.ArchitectureValues.Count; i++)
                {
                    writer.Write((i == 0 ? string.Empty : " or ") + Text.Number(detection.ArchitectureValues[i]));
                }
            }

            writer.WriteLine(")");
            writer.OpenBlock();
            writer.WriteLine($"return {platformType}.{detection.Symbol};");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("return null;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("private static bool IsOperatingSystem(string name) =>");
        writer.WriteLine($"    {RuntimeInformation}.IsOSPlatform(global::System.Runtime.InteropServices.OSPlatform.Create(name));");
        writer.CloseBlock();
    }
}
