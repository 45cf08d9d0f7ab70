-- Contract: ids are snake_case (line 3).
return {
  id = "Expand Reablement!", title = "Bad id", description = "spaces and capitals",
  evidence = { "004 L877" },
  overrides = { constants = { rate = 0.02 } },
}
