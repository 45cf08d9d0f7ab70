-- Hostile: recurses without end.
local function dive(n)
  return 1 + dive(n + 1)
end
return {
  id = "deep_recursion", title = "Deep recursion", description = "recurses until the stack overflows",
  evidence = { "test" },
  on_step = function(ctx)
    dive(1)
  end,
}
