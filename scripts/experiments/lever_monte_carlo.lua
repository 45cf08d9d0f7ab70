-- Experiment: Monte Carlo over the evidence ranges of every lever's params, all levers on, Latin hypercube
-- sampled (seeded: the same seed gives the same numbers). Reports the spread of each outcome measure.
-- Usage: sdw script scripts/experiments/lever_monte_carlo.lua [MODEL] [SAMPLES] [SEED] [OUT.csv]
local model_path = sdw.args[1] or "models/adult_social_care/adult_social_care.xmile"
local samples = tonumber(sdw.args[2] or "64")
local seed = tonumber(sdw.args[3] or "1")
local out = sdw.args[4] or "lever_monte_carlo.csv"
local outcomes = dofile(sdw.root .. "/scripts/experiments/outcomes.lua")

local model = sdw.load_model(model_path)
local ranges, on = {}, {}
for _, plugin in ipairs(sdw.plugins()) do
  on[plugin.id] = true
  for _, p in ipairs(plugin.params) do
    -- on/off switches (a step as wide as the range) are left at their default, not sampled
    if p.max > p.min and p.step < p.max - p.min then ranges[p.key] = { p.min, p.max } end
  end
end

local rows = sdw.monte_carlo(model, {
  samples = samples, seed = seed, ranges = ranges, outcomes = outcomes, base = { plugins = on },
})
sdw.write_csv(out, rows)

local function quantile(sorted, q)
  local i = math.max(1, math.min(#sorted, math.floor(q * (#sorted - 1) + 1.5)))
  return sorted[i]
end
print(string.format("%d samples, seed %d, %d parameters", #rows, seed, (function()
  local n = 0 for _ in pairs(ranges) do n = n + 1 end return n end)()))
print(string.format("%-36s %14s %14s %14s", "outcome (final value)", "p5", "median", "p95"))
for _, o in ipairs(outcomes) do
  local v = {}
  for _, r in ipairs(rows) do v[#v + 1] = r[o] end
  table.sort(v)
  print(string.format("%-36s %14.4g %14.4g %14.4g", o, quantile(v, 0.05), quantile(v, 0.5), quantile(v, 0.95)))
end
print("wrote " .. out)
