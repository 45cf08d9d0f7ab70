-- Hostile: a backtracking pattern search that would run for hours in C, where the instruction budget never
-- looks. The sandbox must refuse it, naming the plugin and the time.
return {
  id = "pattern_bomb", title = "Pattern bomb", description = "searches with forty repetition items",
  evidence = { "test" },
  on_step = function(ctx)
    if ctx:time() >= 2 then
      local s = ("a"):rep(40)
      return s:find(("a*"):rep(40) .. "b")
    end
  end,
}
