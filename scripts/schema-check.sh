#!/usr/bin/env bash
# schema-check.sh guards the published GraphQL schema, the contract
# clients build against (schema/published.graphql, kept equal to
# schema/*.graphqls by `go test ./schema`). Policy (README, "Schema
# contract"):
#   - a breaking change, as GraphQL Inspector judges it, lands only in a
#     commit that also updates CHANGELOG.md;
#   - a field, argument, enum value or input field is removed only after a
#     published version deprecated it (@deprecated(reason:)); removing a
#     deprecated member is then not counted as breaking.
# It checks every commit that changed the snapshot (against the version
# before it) and, if the working tree changes it, that change too.
# Usage: scripts/schema-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot=schema/published.graphql
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Install the pinned packages unless they are installed from this lock.
if [ ! -e tools/contract/node_modules/.package-lock.json ] || [ tools/contract/package-lock.json -nt tools/contract/node_modules/.package-lock.json ]; then
	(cd tools/contract && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
inspector=tools/contract/node_modules/.bin/graphql-inspector

failed=0
# judge NAME OLD NEW CHANGELOG_TOUCHED
judge() {
	local name=$1 old=$2 new=$3 changelog=$4
	echo "schema-check: $name" >&2
	if ! node tools/contract/removals.mjs "$old" "$new"; then
		echo "schema-check: $name removes members that were not deprecated first" >&2
		failed=1
	fi
	if ! "$inspector" diff "$old" "$new" --rule suppressRemovalOfDeprecatedField >"$tmp/diff.txt" 2>&1; then
		sed 's/^/    /' "$tmp/diff.txt" >&2
		if [ "$changelog" = yes ]; then
			echo "schema-check: $name is breaking, and CHANGELOG.md records it in the same change: allowed" >&2
		else
			echo "schema-check: $name is breaking and does not update CHANGELOG.md" >&2
			failed=1
		fi
	fi
}

# Every commit that changed the snapshot, oldest first; the first one
# (which created it) has nothing to compare with.
mapfile -t commits < <(git log --reverse --format=%H -- "$snapshot")
for c in "${commits[@]}"; do
	git cat-file -e "$c^:$snapshot" 2>/dev/null || continue
	git show "$c^:$snapshot" >"$tmp/old.graphql"
	git show "$c:$snapshot" >"$tmp/new.graphql"
	touched=no
	git diff-tree --no-commit-id --name-only -r "$c" | grep -qx CHANGELOG.md && touched=yes
	judge "commit $(git log -1 --format='%h %s' "$c" | cut -c1-72)" "$tmp/old.graphql" "$tmp/new.graphql" "$touched"
done

# Uncommitted work.
if git cat-file -e "HEAD:$snapshot" 2>/dev/null && ! git diff --quiet HEAD -- "$snapshot"; then
	git show "HEAD:$snapshot" >"$tmp/old.graphql"
	touched=no
	git diff --quiet HEAD -- CHANGELOG.md || touched=yes
	judge "working tree" "$tmp/old.graphql" "$snapshot" "$touched"
fi

if [ "$failed" -ne 0 ]; then
	exit 1
fi
echo "schema-check: ${#commits[@]} published version(s) of the schema, no unrecorded breaking change" >&2
