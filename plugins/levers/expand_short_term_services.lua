-- Lever: expand short-term services (reablement). Routes more older people to reablement, from hospital and from
-- the community, and adds the staff to see them; the staff are its cost. Evidence: 004 L633 (at least 90,000 more
-- older people could benefit each year, a 40% increase; with upper-quartile effectiveness, GBP 867m a year of
-- long-term care, shared with the reablement_effectiveness lever), 004 L922 (almost twice as many could benefit),
-- 004 L928 (Lancashire: +64% appropriate volume).
local function clamp(x, lo, hi) return math.max(lo, math.min(hi, x)) end

return {
  id = "expand_short_term_services",
  title = "Expand short-term services",
  description = "Route 40% more older people to reablement (up to twice as many) and grow reablement staff to "
    .. "match; the staff are the cost.",
  evidence = { "004 L633", "004 L922", "004 L928" },
  params = {
    referral_multiplier = { default = 1.4, min = 1, max = 2, step = 0.05, units = "x",
                            label = "People routed to reablement (x today's)" },
    staff_multiplier = { default = 1.4, min = 1, max = 2, step = 0.05, units = "x",
                         label = "Reablement staff (x today's)" },
  },
  overrides = {
    constants = {
      reablement_referral_factor = function(p, base) return clamp(base * p.referral_multiplier, 0, 3) end,
      reablement_staff = function(p, base) return base * p.staff_multiplier end,
    },
  },
}
