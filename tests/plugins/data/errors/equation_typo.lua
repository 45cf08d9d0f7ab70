-- A plugin whose equation override names a variable the model lacks: the compile error must name this
-- plugin, not a line of the model file.
return {
  id = "equation_typo", title = "Equation typo", description = "an equation override with a typo",
  evidence = { "test" },
  overrides = { equations = { x = "population * 3 + popualtion" } },
}
