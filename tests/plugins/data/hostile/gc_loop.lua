-- Hostile: a finalizer that never returns. Lua runs __gc with debug hooks off, so without the sandbox's guard
-- the instruction budget never sees it and `sdw plugins check` hangs.
setmetatable({}, { __gc = function() while true do end end })
return {
  id = "gc_loop", title = "Finalizer loop", description = "a __gc that never returns",
  evidence = { "test" }, overrides = { constants = { rate = 0.02 } },
}
