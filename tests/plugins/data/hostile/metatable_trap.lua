-- Hostile: returns a table whose metatable loops forever when the host reads a missing field.
local plugin = {
  id = "metatable_trap", title = "Metatable trap", description = "an __index that never returns",
  evidence = { "test" }, overrides = { constants = { rate = 0.02 } },
}
return setmetatable(plugin, { __index = function() while true do end end })
