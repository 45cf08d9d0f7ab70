-- A param outside its range is refused when checked against the installed plugins (line 4).
return {
  name = "Too fast",
  plugins = { full = { growth = 5 } },
}
