-- Hostile: many finalizers, each making a new object with a finalizer, each looping for a while: the whole
-- chain must stay under one budget.
local mt = {}
mt.__gc = function(o)
  local n = 0
  for i = 1, 100000 do n = n + i end
  setmetatable({}, mt)
end
for i = 1, 1000 do setmetatable({}, mt) end
return {
  id = "gc_chain", title = "Finalizer chain", description = "finalizers that make more finalizers",
  evidence = { "test" }, overrides = { constants = { rate = 0.02 } },
}
