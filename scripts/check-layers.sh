#!/usr/bin/env bash
# The layering rule, checked rather than remembered: solver/ includes no GUI or Lua header; plugins/ no GUI
# header; workbench/app/ (the application layer) and workbench/cli/ no GUI header and nothing of workbench/ui/;
# workbench/ui/ never includes lua.h; python/ (the Python module) no GUI or Lua header.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
check() {  # folder, pattern, rule
  local hits
  hits=$(grep -rlE "#include\s*[<\"]($2)" "$1" 2>/dev/null || true)
  if [ -n "$hits" ]; then
    echo "check-layers: $3:"; echo "$hits" | sed 's/^/  /'; fail=1
  fi
}
check solver 'imgui|GLFW|GL/|lua|lauxlib|lualib|backends/' "solver/ must not include GUI or Lua headers"
check plugins 'imgui|GLFW|GL/|backends/' "plugins/ must not include GUI headers"
[ -d workbench/app ] && check workbench/app 'imgui|GLFW|GL/|backends/|lua|lauxlib|lualib|workbench/ui/|workbench/cli/' \
  "workbench/app/ must not include GUI or Lua headers, nor the faces above it (ui/, cli/)"
[ -d workbench/ui ] && check workbench/ui 'lua|lauxlib|lualib' "workbench/ui/ must not include Lua headers"
[ -d workbench/cli ] && check workbench/cli 'imgui|GLFW|GL/|backends/|workbench/ui/' "workbench/cli/ must not include GUI headers or workbench/ui/"
[ -d python ] && check python 'imgui|GLFW|GL/|backends/|lua|lauxlib|lualib' "python/ must not include GUI or Lua headers (it uses plugins/host)"
if [ $fail -ne 0 ]; then exit 1; fi
echo "check-layers: ok"
