using ErrorCatalog.Generator.Spec;

namespace ErrorCatalog.Generator.Emit;

// The native error struct: a raw code on a platform, never collapsed onto a catalog entry. Its
// shape is the same for every catalog, so it is one template.
internal static partial class Emitter
{
    private static void EmitNativeError(SourceWriter writer, EmitSpec spec)
    {
        var names = spec.Names;
        var self = names.NativeErrorName;
        writer.WriteLine($$"""
            /// <summary>A native error code of <c>{{spec.FunctionXml}}</c> exactly as one platform reported it. The raw number and platform are kept even when the catalog does not know the code.</summary>
            {{GeneratedCodeAttribute}}
            public readonly struct {{spec.DeclaredNames.NativeErrorName}} : global::System.IEquatable<{{self}}>
            {
                /// <summary>Wraps <paramref name="code"/> as reported on <paramref name="platform"/>.</summary>
                /// <param name="platform">The platform whose numbering <paramref name="code"/> follows.</param>
                /// <param name="code">The raw code, as the call reported it.</param>
                public {{spec.DeclaredNames.NativeErrorName}}({{names.PlatformName}} platform, int code)
                {
                    Platform = platform;
                    Code = code;
                }

                /// <summary>The platform whose numbering <see cref="Code"/> follows.</summary>
                public {{names.PlatformName}} Platform { get; }

                /// <summary>The raw code, exactly as reported.</summary>
                public int Code { get; }

                /// <summary>The catalog's error for this code, or <see langword="null"/> when the catalog does not list the code on this platform.</summary>
                public {{names.ErrorName}}? Error => {{names.ErrorsName}}.TryFromNative(Platform, Code, out var error) ? error : null;

                /// <summary><see langword="true"/> when the catalog lists this code on this platform.</summary>
                public bool IsKnown => {{names.ErrorsName}}.TryFromNative(Platform, Code, out _);

                /// <summary>The native name of this code on this platform (the canonical name, or the alias that carries the number), or <see langword="null"/> when unknown.</summary>
                public string? Name => {{names.ErrorsName}}.GetNativeName(Platform, Code);

                /// <summary>Two values are equal when both platform and code are equal.</summary>
                /// <param name="other">The value to compare with.</param>
                /// <returns><see langword="true"/> when platform and code are equal.</returns>
                public bool Equals({{self}} other) => Platform == other.Platform && Code == other.Code;

                /// <inheritdoc/>
                public override bool Equals(object? obj) => obj is {{self}} other && Equals(other);

                /// <inheritdoc/>
                public override int GetHashCode() => unchecked(((int)Platform * 397) ^ Code);

                /// <summary>For example <c>ENAME (5 on platform-id)</c>, or <c>unknown code 5 on platform-id</c>.</summary>
                /// <returns>The name, code and platform id.</returns>
                public override string ToString() => Name is { } name
                    ? name + " (" + Code.ToString({{InvariantCulture}}) + " on " + {{names.ErrorsName}}.DescribePlatform(Platform) + ")"
                    : "unknown code " + Code.ToString({{InvariantCulture}}) + " on " + {{names.ErrorsName}}.DescribePlatform(Platform);

                /// <summary>Equality of platform and code.</summary>
                /// <param name="left">The first value.</param>
                /// <param name="right">The second value.</param>
                /// <returns><see langword="true"/> when platform and code are equal.</returns>
                public static bool operator ==({{self}} left, {{self}} right) => left.Equals(right);

                /// <summary>Inequality of platform or code.</summary>
                /// <param name="left">The first value.</param>
                /// <param name="right">The second value.</param>
                /// <returns><see langword="true"/> when platform or code differ.</returns>
                public static bool operator !=({{self}} left, {{self}} right) => !left.Equals(right);
            }
            """);
    }
}
