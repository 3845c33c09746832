#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of the given projects (default: the catalog library and the
# runtime) from what the compiler sees, generated code included: the file is reset, the project is
# rebuilt, and every public symbol the PublicApiAnalyzers report as undeclared (RS0016) is written
# back, sorted. Review the diff: it is the public API change.
#   build/public-api.sh [PROJECT_FOLDER...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
projects=("$@")
((${#projects[@]})) || projects=(catalog/ErrorCatalog.Catalog runtime/ErrorCatalog.Runtime)

for project in "${projects[@]}"; do
  unshipped="$project/PublicAPI.Unshipped.txt"
  printf '#nullable enable\n' >"$unshipped"
  symbols=$(dotnet build "$project" -c Release --no-incremental -nologo -p:TreatWarningsAsErrors=false 2>&1 \
    | sed -n "s/.*warning RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" \
    | LC_ALL=C sort -u)
  [[ -z $symbols ]] || printf '%s\n' "$symbols" >>"$unshipped"
  echo "build/public-api.sh: $unshipped: $(($(wc -l <"$unshipped") - 1)) symbols"
  dotnet build "$project" -c Release -nologo -v quiet
done
