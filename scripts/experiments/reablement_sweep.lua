-- Experiment: sweep the share routed to reablement (the expand_short_term_services lever, 1x to 2x today's,
-- 004 L633, L922) and report the outcome measures after ten years.
-- Usage: sdw script scripts/experiments/reablement_sweep.lua [MODEL] [OUT.csv]
local model_path = sdw.args[1] or "models/adult_social_care/adult_social_care.xmile"
local out = sdw.args[2] or "reablement_sweep.csv"
local outcomes = dofile(sdw.root .. "/scripts/experiments/outcomes.lua")

local model = sdw.load_model(model_path)
local values = {}
for i = 0, 10 do values[#values + 1] = 1 + i / 10 end

-- Staff grow with the referrals, so the extra people routed to reablement find a place (004 L928).
local rows = {}
for _, staff in ipairs({ 1.0, 1.5 }) do
  local sweep = sdw.sweep(model, {
    parameter = "expand_short_term_services.referral_multiplier",
    values = values,
    outcomes = outcomes,
    base = { plugins = { expand_short_term_services = { staff_multiplier = staff } } },
  })
  for _, row in ipairs(sweep) do
    row.staff_multiplier = staff
    rows[#rows + 1] = row
  end
end

local columns = { "staff_multiplier", "expand_short_term_services.referral_multiplier" }
for _, o in ipairs(outcomes) do columns[#columns + 1] = o end
sdw.write_csv(out, rows, columns)

print(string.format("%-8s %-10s %16s %16s %18s", "staff", "referrals", "care home adm/yr", "independent", "council spend"))
for _, r in ipairs(rows) do
  print(string.format("x%-7.2f x%-9.2f %16.1f %16.3f %18.0f", r.staff_multiplier,
    r["expand_short_term_services.referral_multiplier"], r.care_home_admissions_per_year,
    r.share_independent_after_reablement, r.council_spend))
end
print("wrote " .. out)
