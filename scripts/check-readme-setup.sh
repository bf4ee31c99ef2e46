#!/usr/bin/env bash
# check-readme-setup.sh -- the README's first command works on a fresh Debian machine.
#
# A fresh machine or container has empty apt package lists: `apt-get install` alone fails
# there with "Unable to locate package libgsl-dev" (CI never sees it because .ci/run
# updates the lists first). This script checks the first command of README.md:
#
#   (README=path checks another file, for the test that this check can fail.)
#   scripts/check-readme-setup.sh             # static: the first command begins with
#                                             # `apt-get update &&` and installs libgsl-dev
#   scripts/check-readme-setup.sh --simulate  # also run its apt-get part the way a fresh
#                                             # machine would: with empty package lists and
#                                             # an empty dpkg status, in a temporary
#                                             # directory (needs the network; the system's
#                                             # lists and packages are not touched; installs
#                                             # are simulated with -s)
#
# --simulate first shows that `apt-get install` without `update` fails on empty lists (so
# the check can fail), then runs the README's apt-get commands as written, with only the
# state directories redirected, and requires success. Slow (it downloads the package
# lists), so it is not part of scripts/test.sh; the static check is (CLI test suite too).
set -euo pipefail
cd "$(dirname "$0")/.."

# The first command: the first line of the first ```sh block that is not a comment.
readme=${README:-README.md}
first=$(awk '/^```sh/{inblock=1; next} /^```/{if (inblock) exit} inblock && !/^[[:space:]]*#/ && NF {print; exit}' "$readme")
[[ -n "$first" ]] || { echo "check-readme-setup: no sh block in $readme" >&2; exit 1; }
echo "README's first command: $first"

fail() { echo "check-readme-setup: $*" >&2; exit 1; }
[[ "$first" == "apt-get update && "* ]] || fail "the first command does not begin with 'apt-get update && ' (a fresh machine has empty package lists)"
[[ "$first" == *"apt-get install -y "*"libgsl-dev"* ]] || fail "the first command does not install libgsl-dev"
# The apt-get part must come before anything that needs GSL.
apt_part=${first%%&& swift*}
[[ "$apt_part" != "$first" ]] || fail "the first command does not build with swift after installing"
echo "ok: the first command updates the package lists before installing"

[[ "${1:-}" == "--simulate" ]] || exit 0
command -v apt-get >/dev/null || fail "--simulate needs apt-get (Debian or Ubuntu)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial"
: > "$tmp/status"
opts=(-o "Dir::State::Lists=$tmp/lists" -o "Dir::Cache=$tmp/cache" -o "Dir::State::status=$tmp/status" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")

# Without update, on empty lists, the install fails: the failure the README avoids.
if apt-get "${opts[@]}" install -s -y libgsl-dev pkg-config >"$tmp/without.log" 2>&1; then
    fail "apt-get install succeeded on empty package lists: the simulation is not a fresh machine"
fi
grep -q "Unable to locate package" "$tmp/without.log" || { cat "$tmp/without.log" >&2; fail "unexpected error without update"; }
echo "ok: without apt-get update, empty lists fail: $(grep -m1 'Unable to locate' "$tmp/without.log")"

# The README's apt-get commands as written, state redirected, installs simulated.
read -r -a words <<<"$apt_part"
run=()
for w in "${words[@]}"; do
    case "$w" in
        apt-get) run+=(apt-get "${opts[@]}") ;;
        install) run+=(install -s) ;;
        "&&") "${run[@]}" >"$tmp/step.log" 2>&1 || { cat "$tmp/step.log" >&2; fail "step failed: ${run[*]}"; }; run=() ;;
        *) run+=("$w") ;;
    esac
done
[[ ${#run[@]} -eq 0 ]] || { "${run[@]}" >"$tmp/step.log" 2>&1 || { cat "$tmp/step.log" >&2; fail "step failed: ${run[*]}"; }; }
grep -q "libgsl-dev" "$tmp/step.log" || { cat "$tmp/step.log" >&2; fail "the install step does not mention libgsl-dev"; }
echo "ok: the README's apt-get commands work on empty lists ($(grep -c '^Inst ' "$tmp/step.log") packages would be installed)"
