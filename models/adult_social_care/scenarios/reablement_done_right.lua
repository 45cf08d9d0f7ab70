-- Workshop scenario: reablement done right, Lancashire 2016-18 (004 L928, L2121-2134). Lua data; no levers needed.
return {
  name = "Reablement done right (Lancashire)",
  description = [[
Lancashire started with half the reablement access of its peers (004 L2121). It rewrote its contracts around
outcomes and got a 64% rise in appropriate volume (004 L928) and a service 15% more effective at achieving
independence (004 L2134). In the model: 64% more referrals routed to reablement, 64% more reablement staff to take
them, and 15% more people leaving independent.
Watch: short_term_episodes_per_year, share_independent_after_reablement, people_in_home_care, home_care_hours and
the ledger (ledger_council_invest_to_save against ledger_council_long_term_care_spend).
What the sources say: each reablement episode saves about GBP 8,700 of long-term care, seven times its cost
(004 L877). Derbyshire showed people could reach their goals twice as fast (004 L1824): try
reablement_length_of_stay = 3 on top of this scenario to see the capacity it frees.
Lever equivalent: expand_short_term_services { uplift = 0.64 } and reablement_effectiveness.]],
  plugins = {},
  constants = {
    reablement_referral_share = 0.23,      -- 0.14 x 1.64 (004 L928)
    reablement_staff = 270,                -- 165 x 1.64: capacity to match the volume
    reablement_independence_share = 0.69,  -- 0.60 x 1.15 (004 L2134)
  },
  seed = 1,
}
