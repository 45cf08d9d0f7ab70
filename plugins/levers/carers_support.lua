-- Lever: carers' support. More caring families get a carers' assessment, respite and support, so carers' strain
-- falls and fewer break down into a crisis (an emergency admission or an urgent request). The model pays for each
-- family supported. Evidence: 004 L802 (family-carer breakdown can trigger significant and often worse changes;
-- respite for a day or weekend, a support network, practical help), 000 L427 (the duty to assess carers and meet
-- their needs), 002 L879 (carers' support is piecemeal and on short-term money), 003 L367 (spreading the load beyond
-- a single carer). No source gives an effect size: how much support relieves strain is the model's assumption
-- (support_strain_relief), with a wide range.
return {
  id = "carers_support",
  title = "Carers' support",
  description = "Support twice as many caring families (a fifth to two fifths): less strain, fewer breakdowns "
    .. "into crisis; the model pays about GBP 600 a family a year (assumption).",
  evidence = { "004 L802", "000 L427", "002 L879", "003 L367" },
  params = {
    supported_share = { default = 0.4, min = 0, max = 1, step = 0.05, units = "share",
                        label = "Share of caring families supported" },
  },
  overrides = {
    constants = {
      carers_support_share = function(p, base) return math.max(base, p.supported_share) end,
    },
  },
}
