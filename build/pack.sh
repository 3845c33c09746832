#!/usr/bin/env bash
# Packs every package of the project into one folder (default artifacts/packages), usable as a
# local NuGet feed: ErrorCatalog.Catalog, ErrorCatalog.Generator, ErrorCatalog.Runtime and the
# errcat tool, each with its symbol package (.snupkg).
#   build/pack.sh [OUTPUT_FOLDER] [extra dotnet pack arguments, e.g. -p:Version=0.2.0]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
output=${1:-artifacts/packages}
shift || true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

projects=(
  catalog/ErrorCatalog.Catalog/ErrorCatalog.Catalog.csproj
  generator/ErrorCatalog.Generator/ErrorCatalog.Generator.csproj
  runtime/ErrorCatalog.Runtime/ErrorCatalog.Runtime.csproj
  cli/ErrorCatalog.Cli/ErrorCatalog.Cli.csproj
)
mkdir -p "$output"
for project in "${projects[@]}"; do
  dotnet pack "$project" -c Release -o "$output" -nologo -v quiet "$@"
done
echo "build/pack.sh: packages in $output:"
ls -1 "$output"
