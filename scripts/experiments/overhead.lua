-- Experiment: the cost of plugins on a real model. Times runs with no plugin, with every lever on, and with
-- a no-op on_step plugin (tests/plugins/data/good), and prints the cost per on_step call.
-- Usage: SDW_PLUGIN_PATH=tests/plugins/data/good sdw script scripts/experiments/overhead.lua [MODEL] [REPEATS]
local model_path = sdw.args[1] or "models/adult_social_care/adult_social_care.xmile"
local repeats = tonumber(sdw.args[2] or "10")
local model = sdw.load_model(model_path)

local all, overrides_only, has_noop = {}, {}, false
for _, p in ipairs(sdw.plugins()) do
  if p.id == "noop_step" then has_noop = true
  elseif p.file:find("/plugins/levers/", 1, true) then
    all[p.id] = true
    if p.id ~= "workforce_pay" then overrides_only[p.id] = true end  -- the one lever with an on_step
  end
end

local function time_runs(opts)
  local steps
  local t0 = os.clock()
  for _ = 1, repeats do
    local r = sdw.run(model, opts)
    assert(r:ok(), r:errors())
    steps = #r:series("time")
  end
  return (os.clock() - t0) / repeats, steps
end

local none, saved = time_runs({})
local levers = time_runs({ plugins = all })
local overrides = time_runs({ plugins = overrides_only })
local pay = time_runs({ plugins = { workforce_pay = true } })
print(string.format("no plugins:       %8.2f ms per run", none * 1e3))
print(string.format("all levers on:    %8.2f ms per run (%+.1f%%)", levers * 1e3, 100 * (levers / none - 1)))
print(string.format("10 override-only: %8.2f ms per run (%+.1f%%)", overrides * 1e3, 100 * (overrides / none - 1)))
print(string.format("workforce_pay:    %8.2f ms per run (%+.1f%%; its on_step sets a constant every step)", pay * 1e3,
  100 * (pay / none - 1)))
if has_noop then
  local spec = sdw.run(model, {})
  local noop = time_runs({ plugins = { noop_step = true } })
  local s = spec:series("time")
  local steps = math.floor((s[#s] - s[1]) / (s[2] - s[1]) + 0.5)
  print(string.format("no-op on_step:    %8.2f ms per run -> %.3f us per on_step call (%d saved rows)", noop * 1e3,
    (noop - none) / steps * 1e6, saved))
end
