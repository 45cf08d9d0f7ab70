-- Hostile: allocates without limit inside on_step. The memory cap must stop it.
return {
  id = "memory_bomb", title = "Memory bomb", description = "allocates until the machine falls over",
  evidence = { "test" },
  on_step = function(ctx)
    local hoard = {}
    local block = string.rep("x", 1 << 20)
    while true do
      hoard[#hoard + 1] = block .. #hoard
    end
  end,
}
