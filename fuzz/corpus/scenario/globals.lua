-- A scenario may assign globals instead of returning a table.
name = "Globals"
constants = { a = 1 }
local t = {}
for i = 1, 10 do t[#t + 1] = string.rep("x", i) end
description = table.concat(t, ",")
sim_specs = { stop = 10 }
