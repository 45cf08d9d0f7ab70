-- A plugin that uses finalizers and to-be-closed values harmlessly: a seed for the plugin loader's fuzzing.
local count = 0
local mt = { __gc = function(o) count = count + o.n end }
for i = 1, 10 do setmetatable({ n = i }, mt) end
do
  local r <close> = setmetatable({}, { __close = function() count = count + 1 end })
end
local kept = setmetatable({ n = 0 }, { __gc = function() count = 0 end, __index = function() return 1 end })
return {
  id = "finalizers", title = "Finalizers", description = "finalizers and __close, harmless",
  evidence = { "fuzz seed" },
  params = { share = { label = "Share", units = "fraction", default = 0.5, min = 0, max = 1 } },
  overrides = { constants = { rate = function(p, base) return (base or 0) * p.share + kept.n end } },
}
