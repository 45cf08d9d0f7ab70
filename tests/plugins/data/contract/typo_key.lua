-- Contract: unknown top-level fields are refused (on_steps is a typo of on_step, line 6).
return {
  id = "typo_key", title = "Typo", description = "misspelt on_step",
  evidence = { "004 L877" },
  modifies = { "x" },
  on_steps = function(ctx) ctx:set("x", 1) end,
}
