#!/usr/bin/env bash
# The test command. On a fresh Debian machine with the .NET 10 SDK it installs what the tests
# need (apt packages: headers for the catalog cross-checks, man pages, iproute2 for network
# namespaces, Chromium for the docs-site end-to-end test, clang and zlib for errcat's NativeAOT
# publish), builds the solution and runs every test project. As root (as CI runs it) it installs
# what is missing; as another user it says what is missing, and the tests that need it report
# skipped with the reason.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Headers: the catalog's linux* and windows* numbers are checked against these, through cpp.
apt_packages=(
  cpp gcc libc6-dev linux-libc-dev
  linux-libc-dev-mips-cross linux-libc-dev-sparc64-cross linux-libc-dev-alpha-cross linux-libc-dev-hppa-cross
  mingw-w64-common manpages-dev iproute2 nftables util-linux chromium
  clang zlib1g-dev
)

missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "build/test.sh: not root, so these apt packages stay missing and the tests that need them report skipped: ${missing[*]}" >&2
  else
    echo "build/test.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"
export ARTIFACTS_DIR="$PWD/artifacts"

# Scenario replays and runtime tests make network namespaces named PREFIX-PID-N and delete them;
# one left behind by a test process that no longer runs is deleted here, whatever the outcome.
remove_test_namespaces() {
  command -v ip >/dev/null && [[ $(id -u) -eq 0 ]] || return 0
  local name pid
  for name in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E '^(ecreplay|ectest)-[0-9]+-' || true); do
    pid=${name#*-}; pid=${pid%%-*}
    [[ -d /proc/$pid ]] || ip netns del "$name" 2>/dev/null || true
  done
}
trap remove_test_namespaces EXIT

dotnet build ErrorCatalog.sln -c Release -nologo -v quiet
status=0
dotnet test ErrorCatalog.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?

# One closing line with the totals of every test project, read from the trx files. A skipped test
# is a result whose outcome is NotExecuted; the Counters element does not count those.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [[ -e $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $({ grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" || true; } | wc -l)))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
if ((status == 0 && passed == 0)); then
  echo "build/test.sh: no test ran" >&2
  status=1
fi
exit "$status"
