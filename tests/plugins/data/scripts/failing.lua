-- A script whose run names a plugin that does not exist: the error must name this file and line.
local model = sdw.load_model("models/adult_social_care/adult_social_care.xmile")
local r = sdw.sweep(model, { parameter = "no_such_plugin.x", values = { 1 }, outcomes = { "council_spend" } })
