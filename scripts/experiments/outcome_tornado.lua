-- Experiment: tornado (one-at-a-time sensitivity) of each outcome measure to every lever param over its
-- evidence range, from the baseline with every lever on at its defaults (a param varies only when its lever is
-- on, so every bar shares that one baseline). Each bar: the outcome at the param's min and max.
-- Usage: sdw script scripts/experiments/outcome_tornado.lua [MODEL] [OUT.csv]
local model_path = sdw.args[1] or "models/adult_social_care/adult_social_care.xmile"
local out = sdw.args[2] or "outcome_tornado.csv"
local outcomes = dofile(sdw.root .. "/scripts/experiments/outcomes.lua")

local model = sdw.load_model(model_path)
local ranges, on = {}, {}
for _, plugin in ipairs(sdw.plugins()) do
  on[plugin.id] = true
  for _, p in ipairs(plugin.params) do
    if p.max > p.min then ranges[p.key] = { p.min, p.max } end
  end
end

-- One baseline and two runs per param serve every outcome: rows come back grouped by outcome, widest first.
local rows = sdw.tornado(model, { ranges = ranges, outcomes = outcomes, base = { plugins = on } })
local shown = {}
for _, b in ipairs(rows) do
  shown[b.outcome] = (shown[b.outcome] or 0) + 1
  if shown[b.outcome] == 1 then print(string.format("%s (baseline %.4g): widest bars", b.outcome, b.baseline)) end
  if shown[b.outcome] <= 5 then
    print(string.format("  %-58s %12.4g .. %-12.4g", b.parameter, b.outcome_low, b.outcome_high))
  end
end
sdw.write_csv(out, rows, { "outcome", "parameter", "low", "high", "outcome_low", "outcome_high", "baseline", "swing" })
print("wrote " .. out)
