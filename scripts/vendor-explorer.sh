#!/usr/bin/env bash
# vendor-explorer.sh copies the graph explorer's third-party files from the
# npm registry into ui/explorer/assets/vendor/, where go:embed puts them into
# the binary. The explorer (/explore) must work offline and under a strict
# CSP (script-src 'self'), so nothing is loaded from a CDN: the files are
# committed and `go build` needs no npm.
#
# Reproducible: the version and tarball integrity are pinned below; the
# script refuses a tarball whose sha512 differs, and records the sha256 of
# every copied file in ui/explorer/assets/vendor/VERSIONS (which
# explorer_test.go checks against the committed files). Run it only to
# change a version.
#
# cytoscape-fcose (with its layout-base and cose-base) lays out
# neighbourhoods: cytoscape's built-in force-directed layout leaves the
# review's hub-and-spoke graph stretched and tangled.
#
# SVG export is written in ui/explorer/assets/js/export.js rather than taken from
# cytoscape-svg: that extension is GPL-3.0, which would bind the whole
# binary.
set -euo pipefail

cd "$(dirname "$0")/.."
DEST=ui/explorer/assets/vendor

# name version integrity (npm's dist.integrity of the tarball)
PKGS=(
	"cytoscape 3.34.4 sha512-msY99tMY8iWTg+sIPGfSqDcPNOt4xcj+v/K/7qUFaCUxxlqnMkUYLBjRUzn9W5CU/R2hrmtJa5+UtovrEM2ctg=="
	"layout-base 2.0.1 sha512-dp3s92+uNI1hWIpPGH3jK2kxE2lMjdXdr+DH8ynZHpd6PUlH6x6cbuXnoMmiNumznqaNO31xu9e79F0uuZ0JFg=="
	"cose-base 2.2.0 sha512-AzlgcsCbUMymkADOJtQm3wO9S3ltPfYOFD5033keQn9NJzIbtnZj+UdBJe7DYml/8TdbtHJW3j58SOnKhWY/5g=="
	"cytoscape-fcose 2.2.0 sha512-ki1/VuRIHFCzxWNrsshHYPs6L7TvLu3DL+TyIGEsRcvVERmxokbf5Gdk7mFxZnTdiGtnA4cfSmjZJMviqSuZrQ=="
)

# files to copy: package, path inside the tarball, name in $DEST
FILES=(
	"cytoscape package/dist/cytoscape.min.js cytoscape.min.js"
	"cytoscape package/LICENSE cytoscape.LICENSE"
	"layout-base package/layout-base.js layout-base.js"
	"layout-base package/LICENSE layout-base.LICENSE"
	"cose-base package/cose-base.js cose-base.js"
	"cose-base package/LICENSE cose-base.LICENSE"
	"cytoscape-fcose package/cytoscape-fcose.js cytoscape-fcose.js"
	"cytoscape-fcose package/LICENSE cytoscape-fcose.LICENSE"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

declare -A dir ver
for spec in "${PKGS[@]}"; do
	read -r name version integrity <<<"$spec"
	tgz=$(cd "$work" && npm pack --silent "$name@$version" | tail -n1)
	got="sha512-$(openssl dgst -sha512 -binary "$work/$tgz" | base64 -w0)"
	if [ "$got" != "$integrity" ]; then
		echo "vendor-explorer: $name@$version: integrity $got, want $integrity" >&2
		exit 1
	fi
	dir[$name]="$work/$name"
	ver[$name]=$version
	mkdir -p "${dir[$name]}"
	tar -xzf "$work/$tgz" -C "${dir[$name]}"
done

mkdir -p "$DEST"
{
	echo "# Third-party files of the graph explorer, written by scripts/vendor-explorer.sh."
	echo "# Do not edit by hand. Columns: file, npm package@version, sha256."
	for spec in "${FILES[@]}"; do
		read -r name src dst <<<"$spec"
		cp "${dir[$name]}/$src" "$DEST/$dst"
		printf '%s %s@%s %s\n' "$dst" "$name" "${ver[$name]}" "$(sha256sum "$DEST/$dst" | cut -d' ' -f1)"
	done
} >"$DEST/VERSIONS"

echo "vendor-explorer: wrote $(($(wc -l <"$DEST/VERSIONS") - 2)) files to $DEST"
