-- A test experiment: run, sweep, Monte Carlo and tornado on the default model; writes CSVs into sdw.args[1].
local dir = sdw.args[1]
local seed = tonumber(sdw.args[2])
local model = sdw.load_model("models/adult_social_care/adult_social_care.xmile")

local base = sdw.run(model, { stop = 104 })
assert(base:ok(), base:errors())
local lever = sdw.run(model, { stop = 104, plugins = { divert_care_home_admissions = { diversion_share = 0.3 } } })
assert(lever:final("people_in_care_homes") < base:final("people_in_care_homes"), "the lever moved nothing")
assert(#base:series("time") == 105, "series length " .. #base:series("time"))  -- saved weekly, weeks 0 to 104

local sweep = sdw.sweep(model, { parameter = "care_home_diversion_share", values = { 0, 0.25, 0.5 },
                                 outcomes = { "people_in_care_homes" }, base = { stop = 104 } })
sdw.write_csv(dir .. "/sweep.csv", sweep, { "care_home_diversion_share", "people_in_care_homes" })

local mc = sdw.monte_carlo(model, {
  samples = 8, seed = seed, outcomes = { "care_home_admissions_per_year" },
  base = { stop = 104, plugins = { divert_care_home_admissions = true } },  -- its param varies only when it is on
  ranges = { ["divert_care_home_admissions.diversion_share"] = { 0, 0.5 }, reablement_staff = { 100, 300 } },
})
sdw.write_csv(dir .. "/mc.csv", mc)

local bars = sdw.tornado(model, { outcome = "people_in_care_homes", base = { stop = 104 },
  ranges = { care_home_diversion_share = { 0, 0.5 }, reablement_staff = { 150, 180 } } })
sdw.write_csv(dir .. "/tornado.csv", bars, { "parameter", "outcome_low", "outcome_high", "swing" })
