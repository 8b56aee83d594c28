#!/usr/bin/env bash
# Refreshes the vendored front-end libraries from the npm registry (ARCHITECTURE.md "Portal UI").
# Each library keeps its licence and the version it came from beside it. Edit VERSIONS to upgrade.
set -euo pipefail
cd "$(dirname "$0")"
declare -A VERSIONS=([sortablejs]=1.15.7)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for name in "${!VERSIONS[@]}"; do
  version=${VERSIONS[$name]}
  (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null && mkdir -p "$name" && tar xzf "$name-$version.tgz" -C "$name")
  mkdir -p "$name"
  case "$name" in
    sortablejs) cp "$tmp/$name/package/Sortable.min.js" "$name/" ;;
  esac
  cp "$tmp/$name/package/LICENSE" "$name/"
  echo "$version" > "$name/VERSION"
done
