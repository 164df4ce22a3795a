# Sourced by the other scripts: the repository root as working directory, cargo's tools first on
# PATH, and the build cache outside the checkout so that fresh clones on one machine reuse it.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/vectora/target}"
