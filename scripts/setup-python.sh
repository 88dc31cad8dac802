#!/usr/bin/env bash
# Installs the Python tools the export and TRAPI tests use
# (scripts/kgx-check.py: NetworkX and the Biolink Model schema;
# scripts/trapi-check.py: reasoner-pydantic as well) into a virtualenv at .cache/venv,
# which the Go tests find on their own. Safe to run again: it does nothing
# when the venv already holds what the requirements ask for.
#
#   scripts/setup-python.sh                  # NetworkX, PyYAML, biolink-model,
#                                            # reasoner-pydantic
#   KAPGRAPH_KGX=1 scripts/setup-python.sh   # also the kgx validator (heavy;
#                                            # the Go test then runs it too)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.cache/venv
req=scripts/requirements-export.txt
kgxreq=scripts/requirements-kgx.txt
biolink=biolink-model==4.4.6
stamp=$venv/.requirements.sha256

want=$( (cat "$req"; echo "$biolink"; [ -z "${KAPGRAPH_KGX:-}" ] || cat "$kgxreq") | sha256sum | cut -d' ' -f1)
if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
	echo "setup-python: $venv is up to date" >&2
	exit 0
fi

python=${PYTHON:-python3}
if [ ! -x "$venv/bin/python" ]; then
	"$python" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
if [ -n "${KAPGRAPH_KGX:-}" ]; then
	"${pip[@]}" -r "$kgxreq" -r "$req"
else
	"${pip[@]}" -r "$req"
fi
# Only the schema files are needed; its dependencies (the LinkML runtime)
# would conflict with the validator's pins and are not used.
"${pip[@]}" --no-deps "$biolink"
"$venv/bin/python" -c 'import networkx, yaml, reasoner_pydantic, importlib.resources as r; r.files("biolink_model").joinpath("schema/biolink_model.yaml").read_bytes()'
echo "$want" >"$stamp"
echo "setup-python: $venv ready" >&2
