-- Lever: strengths-based practice. Practitioners decide in groups and start from what people can do: support
-- plans of adults with a learning disability are reviewed that way (8% fewer formal support hours on average),
-- and more assessments find a community solution instead of a service. The older-people part draws on the same
-- pool of needs as the community front door (the model's community_solvable_share), so the two cannot add up to
-- more than it. Evidence: 004 L643 and L655 (8% fewer support hours for working-age adults with a learning
-- disability, GBP 261m a year nationally), 004 L1309 and L1485 (decisions achieving 30% more independent outcomes
-- in early trials), 003 L456 and L468 (volunteer pilot teams did best; results dip at scale).
-- Defaults: every learning-disability plan reviewed within a year; 5% more assessments reaching a community
-- solution (a sixth of the trials' 30%, because the trials used volunteer teams; range 0-30%); the practice
-- programme (leads, group decision forums and their time) costs GBP 0.4m a year (assumption).
return {
  id = "strengths_based_practice",
  title = "Strengths-based practice",
  description = "Review learning-disability support plans from people's strengths (8% fewer hours); 5% more "
    .. "assessments find a community solution (30% in early trials); GBP 0.4m a year for the programme "
    .. "(assumption).",
  evidence = { "004 L643", "004 L655", "004 L1309", "004 L1485", "003 L456", "003 L468" },
  params = {
    learning_disability_review_share = { default = 1, min = 0, max = 1, step = 0.05, units = "share",
                                         label = "Learning-disability plans reviewed strengths-first" },
    independent_decision_gain = { default = 0.05, min = 0, max = 0.3, step = 0.01, units = "share",
                                  label = "More assessments finding a community solution (relative)" },
    investment = { default = 0.4, min = 0, max = 2, step = 0.1, units = "GBP million/year",
                   label = "Yearly cost: practice leads and forums (assumption)" },
  },
  overrides = {
    constants = {
      strengths_based_review_share = function(p, base) return math.max(base, p.learning_disability_review_share) end,
      assessment_reach = function(p, base) return math.min(1, base * (1 + p.independent_decision_gain)) end,
      practice_development_investment = function(p, base) return base + p.investment end,
    },
  },
}
