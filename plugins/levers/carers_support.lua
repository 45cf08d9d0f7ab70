-- Lever: carers' support. Fewer informal carers break down, so fewer of the people they hold move on to
-- formal demand. Evidence: 004 L802 (preventive measures against family-carer breakdown); 000 L427 (the duty
-- to assess carers); 002 L879 (carer support "piecemeal", on short-term money). No source gives an effect
-- size: the default is an assumption, and the range is wide.
return {
  id = "carers_support",
  title = "Carers' support",
  description = "Reduce the rate at which informal carers break down (assumption: no figure in the sources).",
  evidence = { "004 L802", "000 L427", "002 L879" },
  params = {
    breakdown_reduction = { default = 0.2, min = 0, max = 0.5, step = 0.05, units = "share",
                            label = "Cut in the carer-breakdown rate (assumption)" },
  },
  overrides = {
    constants = {
      carer_breakdown_rate = function(p, base) return base * (1 - p.breakdown_reduction) end,
    },
  },
}
