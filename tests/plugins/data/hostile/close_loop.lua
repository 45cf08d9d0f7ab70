-- Hostile: a to-be-closed variable whose __close never returns (Lua runs __close with hooks on).
do
  local guard <close> = setmetatable({}, { __close = function() while true do end end })
end
return {
  id = "close_loop", title = "Close loop", description = "a __close that never returns",
  evidence = { "test" }, overrides = { constants = { rate = 0.02 } },
}
