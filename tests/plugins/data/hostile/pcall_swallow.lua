-- Hostile: tries to swallow the budget error with pcall and keep looping.
return {
  id = "pcall_swallow", title = "Swallow the budget error", description = "pcall around an endless loop",
  evidence = { "test" },
  on_step = function(ctx)
    while true do
      pcall(function() while true do end end)
    end
  end,
}
