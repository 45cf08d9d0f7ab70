-- Hostile: raises an error inside on_step at time 4.
local function check(t)
  if t >= 4 then
    error("the lever's data table is missing a row")
  end
end
return {
  id = "error_in_on_step", title = "Error in on_step", description = "fails at time 4",
  evidence = { "test" },
  on_step = function(ctx)
    check(ctx:time())
  end,
}
