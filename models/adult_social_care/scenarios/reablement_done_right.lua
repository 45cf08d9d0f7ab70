-- Workshop scenario: reablement done right, Lancashire 2016-18 (004 L928, L2121-2134). Lua data; runs two levers.
return {
  name = "Reablement done right (Lancashire)",
  description = [[
Lancashire started with half the reablement access of similar councils, and larger packages after reablement than
most (004 L2121). Its new outcomes-based contract paid providers on how many people finish each week, how quickly
they are reabled and how independent they leave (004 L2123-2128): appropriate referrals rose by 2,200 a year and
the service became 15% more effective (004 L2134); volume rose 64% (004 L928).
In the model the county starts where Lancashire did: half as many people routed to reablement
(reablement_referral_factor = 0.5) and packages after reablement a third larger (post_reablement_package_factor =
0.6). The changes are Lancashire's: reablement_effectiveness with episodes 39% shorter (the same staff take 64% more
people) and 15% more effective, and expand_short_term_services routing 64% more people to reablement with no more
staff.
Watch: short_term_episodes_per_year, share_independent_after_reablement, home_care_hours and the business case
(ledger_council_spend against ledger_council_invest_to_save). Compare with the low start alone: remove the plugins.
What the sources say: each reablement episode saves about GBP 8,700 of long-term care, seven times its cost
(004 L877). Derbyshire could reach goals twice as fast (004 L1824): try length_of_stay_factor = 0.5.]],
  plugins = {
    reablement_effectiveness = { independence_gain = 0.15, length_of_stay_factor = 0.61 },  -- 004 L2134, L928
    expand_short_term_services = { referral_multiplier = 1.64, staff_multiplier = 1 },       -- +64%, 004 L928
  },
  constants = {
    reablement_referral_factor = 0.5,        -- half the access of similar councils (004 L2121)
    post_reablement_package_factor = 0.6,    -- larger packages after reablement (004 L2121; assumption)
  },
  seed = 1,
}
