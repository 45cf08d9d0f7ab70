#!/usr/bin/env bash
# Formatting, checked rather than remembered: every C++ file in the tree matches .clang-format
# (Debian's clang-format 14). Prints the files that differ and how to fix them; exit 1 if any.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null 2>&1; then
  echo "check-format: clang-format is missing (scripts/install-deps.sh installs it)"; exit 1
fi
mapfile -t files < <(find bench fuzz plugins python solver tests workbench -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) | sort)
bad=()
for f in "${files[@]}"; do
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
done
if [ ${#bad[@]} -ne 0 ]; then
  echo "check-format: ${#bad[@]} file(s) differ from .clang-format:"
  printf '  %s\n' "${bad[@]}"
  echo "fix with: clang-format -i ${bad[*]}"
  exit 1
fi
echo "check-format: ok (${#files[@]} files)"
