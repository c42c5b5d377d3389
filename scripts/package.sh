#!/usr/bin/env bash
# Builds the function app package that Azure Functions (Flex Consumption, runtime `custom`) runs:
#
#   artifacts/package/
#     host.json                     the repository's host.json, unchanged
#     <Function>/function.json      one per FunctionCatalog entry, written by `triggers functions write`
#     app/Triggers.App              the app, published self-contained for linux-x64, where host.json's
#                                   customHandler.description.defaultExecutablePath points
#   artifacts/package.zip           the same folder zipped (file modes kept), for `az functionapp deploy`
#
# Usage: scripts/package.sh [--output DIR] [--build-dir DIR]
#   --output DIR     package folder (default artifacts/package); the zip is written beside it as DIR.zip
#   --build-dir DIR  where dotnet builds (default artifacts/build: app/ and cli/ artifacts paths), apart
#                    from the bin/obj of everyday builds so a packaging run never races them
# Needs: the .NET SDK (the linux-x64 runtime packs come from the NuGet feed) and zip.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$root/artifacts/package"
build="$root/artifacts/build"
runtime="linux-x64"

while [ $# -gt 0 ]; do
  case "$1" in
    --output) output="$2"; shift 2 ;;
    --build-dir) build="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "package.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if ! command -v zip >/dev/null 2>&1; then
  echo "package.sh: 'zip' is not installed (Debian/Ubuntu: apt-get install zip)" >&2
  exit 2
fi

mkdir -p "$(dirname "$output")"
parent="$(cd "$(dirname "$output")" && pwd)"
output="${parent%/}/$(basename "$output")"
zip_file="$output.zip"

# Where the host starts the handler; the publish goes there so the two cannot disagree.
executable="$(sed -n 's/.*"defaultExecutablePath"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$root/host.json")"
if [ -z "$executable" ]; then
  echo "package.sh: host.json has no customHandler.description.defaultExecutablePath" >&2
  exit 2
fi
app_dir="$output/$(dirname "$executable")"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# Only a previous package (or an empty folder) is replaced, so a mistyped --output deletes nothing else.
case "$root/" in
  "$output"/*) echo "package.sh: --output $output holds the repository; choose a folder of its own" >&2; exit 2 ;;
esac
if [ -d "$output" ] && [ -n "$(ls -A "$output")" ] && [ ! -f "$output/host.json" ]; then
  echo "package.sh: $output is not empty and holds no host.json; refusing to replace it" >&2
  exit 2
fi
rm -rf "$output" "$zip_file"
mkdir -p "$app_dir" "$build"
build="$(cd "$build" && pwd)"

echo "Publishing functions/Triggers.App for $runtime (self-contained) to $app_dir"
dotnet publish "$root/functions/Triggers.App/Triggers.App.csproj" \
  --configuration Release --runtime "$runtime" --self-contained \
  --artifacts-path "$build/app" --output "$app_dir" --nologo --verbosity quiet

if [ ! -f "$output/$executable" ]; then
  echo "package.sh: the publish did not produce $executable, which host.json starts" >&2
  exit 1
fi
chmod +x "$output/$executable"

cp "$root/host.json" "$output/host.json"

# The CLI gets a build folder of its own: sharing one with the runtime-specific publish makes each
# restore undo the other's, and every run rebuilds.
echo "Writing function.json files from the function catalog"
if ! dotnet build "$root/functions/Triggers.Cli/Triggers.Cli.csproj" \
  --configuration Release --artifacts-path "$build/cli" --output "$build/cli/out" --nologo \
  >"$build/cli-build.log" 2>&1; then
  cat "$build/cli-build.log" >&2
  echo "package.sh: building functions/Triggers.Cli failed" >&2
  exit 1
fi
dotnet "$build/cli/out/triggers.dll" functions write "$output"

echo "Zipping to $zip_file"
(cd "$output" && zip -q -r -X "$zip_file" .)

echo "Package ready: $output ($(du -sh "$output" | cut -f1)), $zip_file ($(du -sh "$zip_file" | cut -f1))"
