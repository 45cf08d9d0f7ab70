-- Workshop scenario: reablement done right, Lancashire 2016-18 (004 L928, L2121-2134). Lua data; runs two levers.
return {
  name = "Reablement done right (Lancashire)",
  description = [[
Lancashire started with half the reablement access of its peers (004 L2121). It rewrote its contracts around
outcomes and got a 64% rise in appropriate volume (004 L928) and a service 15% more effective at achieving
independence (004 L2134). In the model: the expand_short_term_services lever with referral_multiplier = 1.64 and
staff_multiplier = 1.64 (64% more people routed to reablement and 64% more staff to take them), and the
reablement_effectiveness lever with independence_gain = 0.15 (15% more people leaving independent) and
length_of_stay_factor = 1 (episodes as long as today's).
Watch: short_term_episodes_per_year, share_independent_after_reablement, people_in_home_care, home_care_hours and
the ledger (ledger_council_invest_to_save against ledger_council_long_term_care_spend).
What the sources say: each reablement episode saves about GBP 8,700 of long-term care, seven times its cost
(004 L877). Derbyshire showed people could reach their goals twice as fast (004 L1824): try
reablement_effectiveness { length_of_stay_factor = 0.5 } on top of this scenario to see the capacity it frees.]],
  plugins = {
    expand_short_term_services = { referral_multiplier = 1.64, staff_multiplier = 1.64 },  -- +64% (004 L928)
    reablement_effectiveness = { independence_gain = 0.15, length_of_stay_factor = 1 },    -- +15% (004 L2134)
  },
  seed = 1,
}
