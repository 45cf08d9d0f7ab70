-- Hostile: loops forever inside on_step. The instruction budget must stop it, naming the plugin and the time.
return {
  id = "infinite_loop", title = "Infinite loop", description = "never returns from on_step",
  evidence = { "test" },
  on_step = function(ctx)
    if ctx:time() >= 3 then
      while true do end
    end
  end,
}
