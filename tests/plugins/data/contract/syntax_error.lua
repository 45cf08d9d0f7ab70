-- Contract: a syntax error names the line (line 4).
return {
  id = "syntax_error", title = "Syntax", description = "missing comma",
  evidence = { "004 L877" } overrides = {},
}
