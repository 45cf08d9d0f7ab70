-- Two plugins written zulu first, then alpha: they apply in the order written, not by name or hash.
return {
  name = "Ordered plugins",
  description = "The order written is the order applied.",
  plugins = {
    zulu_lever = true,
    alpha_lever = { x = 1 },
    middle_lever = true,
  },
}
