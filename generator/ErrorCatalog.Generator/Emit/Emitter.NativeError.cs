using ErrorCatalog.Generator.Spec;

namespace ErrorCatalog.Generator.Emit;

// The native error struct: a raw code on a platform, never collapsed onto a catalog entry.
internal static partial class Emitter
{
    private static void EmitNativeError(SourceWriter writer, EmitSpec spec)
    {
        var names = spec.Names;
        var self = names.NativeError;
        writer.WriteLine($"/// <summary>A native error code of <c>{spec.FunctionXml}</c> exactly as one platform reported it. The raw number and platform are kept even when the catalog does not know the code.</summary>");
        writer.WriteLine(GeneratedCodeAttribute);
        writer.OpenBlock($"public readonly struct {names.NativeErrorName} : global::System.IEquatable<{self}>");

        writer.WriteLine("/// <summary>Wraps <paramref name=\"code\"/> as reported on <paramref name=\"platform\"/>.</summary>");
        writer.WriteLine("/// <param name=\"platform\">The platform whose numbering <paramref name=\"code\"/> follows.</param>");
        writer.WriteLine("/// <param name=\"code\">The raw code, as the call reported it.</param>");
        writer.OpenBlock($"public {names.NativeErrorName}({names.Platform} platform, int code)");
        writer.WriteLine("Platform = platform;");
        writer.WriteLine("Code = code;");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>The platform whose numbering <see cref=\"Code\"/> follows.</summary>");
        writer.WriteLine($"public {names.Platform} Platform {{ get; }}");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The raw code, exactly as reported.</summary>");
        writer.WriteLine("public int Code { get; }");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The catalog's error for this code, or <see langword=\"null\"/> when the catalog does not list the code on this platform.</summary>");
        writer.WriteLine($"public {names.Error}? Error => {names.Errors}.TryFromNative(Platform, Code, out var error) ? error : null;");
        writer.WriteLine();
        writer.WriteLine("/// <summary><see langword=\"true\"/> when the catalog lists this code on this platform.</summary>");
        writer.WriteLine($"public bool IsKnown => {names.Errors}.TryFromNative(Platform, Code, out _);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The native name of this code on this platform (the canonical name, or the alias that carries the number), or <see langword=\"null\"/> when unknown.</summary>");
        writer.WriteLine($"public string? Name => {names.Errors}.GetNativeName(Platform, Code);");
        writer.WriteLine();
        EmitNativeErrorEquality(writer, self);
        writer.WriteLine("/// <summary>For example <c>ENAME (5 on platform-id)</c>, or <c>unknown code 5 on platform-id</c>.</summary>");
        writer.WriteLine("/// <returns>The name, code and platform id.</returns>");
        writer.WriteLine("public override string ToString() => Name is { } name");
        writer.WriteLine($"    ? name + \" (\" + Code.ToString({InvariantCulture}) + \" on \" + {names.Errors}.DescribePlatform(Platform) + \")\"");
        writer.WriteLine($"    : \"unknown code \" + Code.ToString({InvariantCulture}) + \" on \" + {names.Errors}.DescribePlatform(Platform);");
        writer.WriteLine();
        EmitNativeErrorOperator(writer, self, "==", "Equality of platform and code.", "platform and code are equal", "left.Equals(right)");
        writer.WriteLine();
        EmitNativeErrorOperator(writer, self, "!=", "Inequality of platform or code.", "platform or code differ", "!left.Equals(right)");
        writer.CloseBlock();
    }

    private static void EmitNativeErrorEquality(SourceWriter writer, string self)
    {
        writer.WriteLine("/// <summary>Two values are equal when both platform and code are equal.</summary>");
        writer.WriteLine("/// <param name=\"other\">The value to compare with.</param>");
        writer.WriteLine("/// <returns><see langword=\"true\"/> when platform and code are equal.</returns>");
        writer.WriteLine($"public bool Equals({self} other) => Platform == other.Platform && Code == other.Code;");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public override int GetHashCode() => unchecked(((int)Platform * 397) ^ Code);");
        writer.WriteLine();
    }

    private static void EmitNativeErrorOperator(SourceWriter writer, string self, string op, string summary, string whenTrue, string body)
    {
        writer.WriteLine($"/// <summary>{summary}</summary>");
        writer.WriteLine("/// <param name=\"left\">The first value.</param>");
        writer.WriteLine("/// <param name=\"right\">The second value.</param>");
        writer.WriteLine($"/// <returns><see langword=\"true\"/> when {whenTrue}.</returns>");
        writer.WriteLine($"public static bool operator {op}({self} left, {self} right) => {body};");
    }
}
