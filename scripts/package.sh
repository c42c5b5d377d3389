#!/usr/bin/env bash
# Builds the deployment package of the isolated-worker function app (functions/Triggers.Functions) that Azure
# Functions Flex Consumption (runtime dotnet-isolated 10.0) runs, for `az functionapp deploy` and other tools that take
# a zip. (`azd up` packages the same project itself, from azure.yaml.)
#
#   artifacts/package/          `dotnet publish` of functions/Triggers.Functions: host.json, Triggers.Functions.dll, and
#                               what the Functions SDK generates for the host (functions.metadata, worker.config.json,
#                               extensions.json, .azurefunctions/ with the host-side extensions)
#   artifacts/package.zip       the same folder zipped, for `az functionapp deploy --type zip`
#
# Usage: scripts/package.sh [--output DIR] [--build-dir DIR]
#   --output DIR     package folder (default artifacts/package); the zip is written beside it as DIR.zip
#   --build-dir DIR  where dotnet builds (default artifacts/build), apart from the bin/obj of everyday builds so a
#                    packaging run never races them
# Needs: the .NET SDK and zip.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$root/artifacts/package"
build="$root/artifacts/build"

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
mkdir -p "$build"
build="$(cd "$build" && pwd)"

echo "Publishing functions/Triggers.Functions (Release) to $output"
if ! dotnet publish "$root/functions/Triggers.Functions/Triggers.Functions.csproj" \
  --configuration Release --artifacts-path "$build" --output "$output" --nologo \
  >"$build/publish.log" 2>&1; then
  cat "$build/publish.log" >&2
  echo "package.sh: publishing functions/Triggers.Functions failed" >&2
  exit 1
fi

for generated in host.json functions.metadata worker.config.json extensions.json Triggers.Functions.dll; do
  if [ ! -f "$output/$generated" ]; then
    echo "package.sh: the publish did not produce $generated, which the Functions host reads" >&2
    exit 1
  fi
done

echo "Zipping to $zip_file"
(cd "$output" && zip -q -r -X "$zip_file" .)

echo "Package ready: $output ($(du -sh "$output" | cut -f1)), $zip_file ($(du -sh "$zip_file" | cut -f1))"
