-- Contract: an event may only set variables the plugin declares in 'modifies' (line 7).
return {
  id = "event_undeclared", title = "Event sets undeclared", description = "sets rate at t=5",
  evidence = { "004 L877" },
  modifies = { "x" },
  events = {
    { time = 5, set = { rate = 0.5 } },
  },
}
