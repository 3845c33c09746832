#!/usr/bin/env bash
# The test command. On a fresh Debian machine with the .NET 10 SDK it installs what the tests
# need (apt packages: headers for the catalog cross-checks, man pages, iproute2 for network
# namespaces, Chromium for the docs-site end-to-end test, clang and zlib for errcat's NativeAOT
# publish, Wine for the Windows harness), builds the solution and runs every test project, then
# publishes tests/ErrorCatalog.Runtime.WindowsHarness for win-x64 and runs it under Wine, and
# compiles the runtime and errcat for macOS and FreeBSD. As root (as CI runs it) it installs what
# is missing; as another user it says what is missing, and the tests that need it report skipped
# with the reason. Under CI=true the Windows harness must run: no Wine is a failure there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Headers: the catalog's linux* and windows* numbers are checked against these, through cpp.
apt_packages=(
  cpp gcc libc6-dev linux-libc-dev
  linux-libc-dev-mips-cross linux-libc-dev-sparc64-cross linux-libc-dev-alpha-cross linux-libc-dev-hppa-cross
  mingw-w64-common manpages-dev iproute2 nftables util-linux chromium
  clang zlib1g-dev
  wine wine64
  zsh fish
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

# PowerShell, for errcat's completion test, is not a Debian package: it comes as the PowerShell
# .NET tool (a version listed as served in the package registry), into a folder of its own.
powershell_tools="${XDG_CACHE_HOME:-$HOME/.cache}/errorcatalog-tools"
if ! command -v pwsh >/dev/null; then
  [[ -x $powershell_tools/pwsh ]] || dotnet tool install PowerShell --version 7.6.9 --tool-path "$powershell_tools" >/dev/null \
    || echo "build/test.sh: could not install the PowerShell tool; the PowerShell completion test reports skipped" >&2
  export PATH="$PATH:$powershell_tools"
fi
results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"
export ARTIFACTS_DIR="$PWD/artifacts"

# Scenario replays and runtime tests make network namespaces named PREFIX-PID-N and delete them;
# one left behind by a test process that no longer runs is deleted here, whatever the outcome.
remove_test_namespaces() {
  command -v ip >/dev/null && [[ $(id -u) -eq 0 ]] || return 0
  local name pid
  for name in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E '^(ecreplay|ectest|dial)-[0-9]+-' || true); do
    pid=${name#*-}; pid=${pid%%-*}
    [[ -d /proc/$pid ]] || ip netns del "$name" 2>/dev/null || true
  done
}

# The Windows harness runs in a Wine prefix of its own, made in a temporary folder and deleted at
# the end. Creating a prefix takes a while, so it is made in the background during the build.
wine_prefix=""
remove_wine_prefix() {
  [[ -n $wine_prefix && -d $wine_prefix ]] || return 0
  # Debian's wineserver keeps its socket in /tmp/wine-XXXXXX/server-DEV-INODE (of the prefix, in hex).
  local server server_dir
  server=$(printf 'server-%x-%x' $(stat -c '%d %i' "$wine_prefix"))
  WINEPREFIX="$wine_prefix" wineserver -k 2>/dev/null || true
  for server_dir in "${TMPDIR:-/tmp}"/wine-*/"$server"; do
    [[ ! -d $server_dir ]] || rm -rf "$(dirname "$server_dir")"
  done
  rm -rf "$wine_prefix" "$wine_prefix.boot"
}
trap 'remove_test_namespaces; remove_wine_prefix' EXIT

windows_skip=""
if ! command -v wine >/dev/null; then
  windows_skip="wine is not installed (apt packages wine wine64)"
  if [[ ${CI:-} == true ]]; then
    echo "build/test.sh: CI=true but $windows_skip: the Windows code path cannot run" >&2
    exit 1
  fi
else
  wine_prefix=$(mktemp -d "${TMPDIR:-/tmp}/errorcatalog-wine.XXXXXX")
  export WINEPREFIX="$wine_prefix" WINEDEBUG=-all
  wine_boot_started=$SECONDS
  (timeout 600 wineboot --init </dev/null >"$results/wineboot.log" 2>&1; echo "$? $((SECONDS - wine_boot_started))" >"$wine_prefix.boot") &
  wine_boot_pid=$!
fi

dotnet build ErrorCatalog.sln -c Release -nologo -v quiet
status=0
dotnet test ErrorCatalog.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?

# The Windows code path, run: the harness is published once, self-contained for win-x64 with
# errcat.exe beside it, and run under Wine. Its self-test (--break-mapping) reads Winsock codes
# with the wrong catalog column and must fail every check that reads one, or those checks could
# pass whatever the mapping says. Its counts join the closing line.
windows_passed=0 windows_failed=0
run_windows_harness() {
  local harness=artifacts/windows-harness started=$SECONDS publish_seconds boot_status=1 boot_seconds="?"
  local harness_status=0 summary self_test_status=0 self_test
  if ! dotnet publish tests/ErrorCatalog.Runtime.WindowsHarness -c Release -r win-x64 --self-contained \
      -o "$harness" -nologo -v quiet; then
    echo "build/test.sh: the Windows harness did not publish" >&2
    windows_failed=1
    return
  fi
  publish_seconds=$((SECONDS - started))
  start_platform_builds
  wait "$wine_boot_pid" || true
  [[ ! -f $wine_prefix.boot ]] || read -r boot_status boot_seconds <"$wine_prefix.boot"
  if ((boot_status != 0)); then
    echo "build/test.sh: wineboot failed ($boot_status), see $results/wineboot.log" >&2
    windows_failed=1
    return
  fi

  started=$SECONDS
  # Wine's console ends lines with CR LF.
  timeout 600 wine "$harness/windows-harness.exe" </dev/null 2>&1 | tr -d '\r' | tee "$results/windows-harness.txt" || harness_status=$?
  summary=$(grep -E '^windows harness: [0-9]+ passed, [0-9]+ failed$' "$results/windows-harness.txt" | tail -n 1 || true)
  if [[ $summary =~ ^windows\ harness:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    windows_passed=${BASH_REMATCH[1]} windows_failed=${BASH_REMATCH[2]}
    ((harness_status == 0 || windows_failed > 0)) || windows_failed=1
  else
    echo "build/test.sh: the Windows harness printed no summary (exit $harness_status)" >&2
    windows_failed=1
  fi

  timeout 600 wine "$harness/windows-harness.exe" --break-mapping </dev/null 2>&1 | tr -d '\r' >"$results/windows-harness-self-test.txt" || self_test_status=$?
  self_test=$(grep -E '^windows harness: ' "$results/windows-harness-self-test.txt" | tail -n 1 || true)
  if ((self_test_status == 1)) && [[ $self_test =~ ^windows\ harness:\ 1\ passed,\ ([0-9]+)\ failed$ ]] && ((BASH_REMATCH[1] > 0)); then
    echo "windows (wine) self-test: with the mapping broken, all ${BASH_REMATCH[1]} checks that read Winsock codes failed, as they must"
    windows_passed=$((windows_passed + 1))
  else
    echo "build/test.sh: the harness's self-test did not fail as it must (exit $self_test_status, '$self_test'); see $results/windows-harness-self-test.txt" >&2
    windows_failed=$((windows_failed + 1))
  fi
  echo "build/test.sh: Wine prefix made in ${boot_seconds} s (during the build), harness published in ${publish_seconds} s, run and self-test took $((SECONDS - started)) s"
}

# macOS: errcat, and the runtime with it, published framework-dependent for both macOS RIDs in the
# background while Wine runs: compiled, not run (runtime/README.md says what that covers). The
# SDK knows freebsd-x64 but NuGet has no runtime pack for it, so FreeBSD gets the platform-neutral
# build above, which compiles the same code.
platform_rids=(osx-arm64 osx-x64)
platform_builds_pid=""
start_platform_builds() {
  [[ -z $platform_builds_pid ]] || return 0
  (
    for rid in "${platform_rids[@]}"; do
      if dotnet publish cli/ErrorCatalog.Cli -c Release -r "$rid" --self-contained false \
          -p:DisableTransitiveFrameworkReferenceDownloads=true -o "artifacts/errcat-$rid" -nologo -v quiet \
          >"$results/publish-$rid.log" 2>&1; then
        echo "$rid passed"
      else
        echo "$rid failed"
      fi
    done >"$results/platform-builds.txt"
  ) &
  platform_builds_pid=$!
}

if [[ -z $windows_skip ]]; then
  run_windows_harness
  echo "windows (wine): $windows_passed passed, $windows_failed failed"
  ((windows_failed == 0)) || status=1
else
  echo "windows (wine): skipped: $windows_skip"
fi

start_platform_builds
wait "$platform_builds_pid" || true
builds_passed=$(grep -c ' passed$' "$results/platform-builds.txt" 2>/dev/null || true)
builds_passed=${builds_passed:-0}
builds_failed=$((${#platform_rids[@]} - builds_passed))
echo "macos publishes (compiled, not run): $builds_passed passed, $builds_failed failed"
if ((builds_failed > 0)); then
  echo "build/test.sh: a macOS publish failed; see $results/publish-*.log" >&2
  status=1
fi

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
passed=$((passed + windows_passed + builds_passed))
failed=$((failed + windows_failed + builds_failed))
[[ -z $windows_skip ]] || skipped=$((skipped + 1))
if [[ -z $windows_skip ]]; then
  windows_summary="windows under wine: $windows_passed passed, $windows_failed failed"
else
  windows_summary="windows under wine: skipped"
fi
echo "tests: $passed passed, $failed failed, $skipped skipped ($windows_summary)"
if ((status == 0 && passed == 0)); then
  echo "build/test.sh: no test ran" >&2
  status=1
fi
exit "$status"
