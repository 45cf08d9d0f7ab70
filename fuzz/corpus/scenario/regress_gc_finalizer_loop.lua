-- Hostile: the table is marked with a harmless __gc, which is swapped for an endless loop afterwards, and is
-- kept alive by the plugin table, so that it is finalized only when the state closes.
local mt = { __gc = function() end }
local kept = setmetatable({}, mt)
mt.__gc = function()
  while true do end
end
return {
  id = "gc_loop_late", title = "Late finalizer loop", description = "a __gc swapped in after marking",
  evidence = { "test" },
  overrides = { constants = { rate = function() return kept and 0.02 end } },
}
