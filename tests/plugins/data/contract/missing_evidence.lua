-- Contract: every plugin cites its evidence.
return {
  id = "missing_evidence", title = "No evidence", description = "cites nothing",
  overrides = { constants = { rate = 0.02 } },
}
