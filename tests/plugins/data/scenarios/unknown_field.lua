-- Unknown fields are refused (line 4).
return {
  name = "Typo",
  plugin = { full = true },
}
