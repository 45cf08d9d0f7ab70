-- Hostile: from step 2, on_step leaves garbage whose finalizer loops; the collector runs it during a call.
return {
  id = "gc_loop_on_step", title = "Finalizer loop in a run", description = "garbage with a looping __gc",
  evidence = { "test" },
  on_step = function(ctx)
    if ctx:time() >= 2 then
      for i = 1, 200000 do
        setmetatable({ i }, { __gc = function() while true do end end })
      end
    end
  end,
}
