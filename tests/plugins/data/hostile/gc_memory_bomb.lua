-- Hostile: a finalizer that fills memory. The memory cap must hold inside it.
setmetatable({}, { __gc = function()
  local t = {}
  for i = 1, 1e9 do t[i] = string.rep("x", 1 << 20) .. i end
end })
return {
  id = "gc_memory_bomb", title = "Finalizer memory bomb", description = "a __gc that fills memory",
  evidence = { "test" }, overrides = { constants = { rate = 0.02 } },
}
