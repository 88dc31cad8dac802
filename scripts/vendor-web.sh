#!/usr/bin/env bash
# vendor-web.sh copies the GraphiQL playground's third-party files from the
# npm registry into ui/playground/static/, where go:embed puts them into the binary.
# The playground must work offline and under a strict CSP, so nothing is
# loaded from a CDN: the files are committed and `go build` needs no npm.
#
# Reproducible: versions and tarball integrity are pinned below; the script
# refuses a tarball whose sha512 differs, and records the sha256 of every
# copied file in ui/playground/static/VERSIONS. Run it only to change a version.
set -euo pipefail

cd "$(dirname "$0")/.."
DEST=ui/playground/static

# name version integrity (npm's dist.integrity of the tarball)
PKGS=(
	"graphiql 3.8.3 sha512-cuPDYtXVKV86Pu5PHBX642Odi/uVEE2y1Jxq5rGO/Qy1G2lRp7ZZ7a/T30RzxhuLSWo9zUbzq0P3U49//H0Ugw=="
	"react 18.3.1 sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ=="
	"react-dom 18.3.1 sha512-5m4nQKp+rZRb09LNH59GM4BxTh9251/ylbKIbpe7TpGxfJ+9kv6BLkLBXIjjspbgbnIBNqlI23tRnTWT0snUIw=="
)

# files to copy: package, path inside the tarball, name in ui/playground/static
FILES=(
	"graphiql package/graphiql.min.js graphiql.min.js"
	"graphiql package/graphiql.min.css graphiql.min.css"
	"graphiql package/LICENSE graphiql.LICENSE"
	"react package/umd/react.production.min.js react.production.min.js"
	"react package/LICENSE react.LICENSE"
	"react-dom package/umd/react-dom.production.min.js react-dom.production.min.js"
	"react-dom package/LICENSE react-dom.LICENSE"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

declare -A dir ver
for spec in "${PKGS[@]}"; do
	read -r name version integrity <<<"$spec"
	tgz=$(cd "$work" && npm pack --silent "$name@$version" | tail -n1)
	got="sha512-$(openssl dgst -sha512 -binary "$work/$tgz" | base64 -w0)"
	if [ "$got" != "$integrity" ]; then
		echo "vendor-web: $name@$version: integrity $got, want $integrity" >&2
		exit 1
	fi
	dir[$name]="$work/$name"
	ver[$name]=$version
	mkdir -p "${dir[$name]}"
	tar -xzf "$work/$tgz" -C "${dir[$name]}"
done

mkdir -p "$DEST"
{
	echo "# Third-party files of the GraphiQL playground, written by scripts/vendor-web.sh."
	echo "# Do not edit by hand. Columns: file, npm package@version, sha256."
	for spec in "${FILES[@]}"; do
		read -r name src dst <<<"$spec"
		cp "${dir[$name]}/$src" "$DEST/$dst"
		printf '%s %s@%s %s\n' "$dst" "$name" "${ver[$name]}" "$(sha256sum "$DEST/$dst" | cut -d' ' -f1)"
	done
} >"$DEST/VERSIONS"

echo "vendor-web: wrote $(($(wc -l <"$DEST/VERSIONS") - 2)) files to $DEST"
