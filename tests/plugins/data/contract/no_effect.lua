-- Contract: a plugin must do something.
return {
  id = "no_effect", title = "Does nothing", description = "no overrides, no hooks",
  evidence = { "004 L877" },
}
