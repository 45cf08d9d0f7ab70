-- Lever: expand short-term services (reablement). Routes more people to reablement and adds the staff to see
-- them. Evidence: 004 L633 (a 40% increase in people who could benefit), 004 L922 (almost twice as many could
-- benefit), 004 L928 (Lancashire: +64% appropriate volume).
local function clamp(x, lo, hi) return math.max(lo, math.min(hi, x)) end

return {
  id = "expand_short_term_services",
  title = "Expand short-term services",
  description = "Route more hospital discharges and community requests to reablement (+40% nationally, up to "
    .. "almost twice as many) and grow reablement staff to match.",
  evidence = { "004 L633", "004 L922", "004 L928" },
  params = {
    referral_multiplier = { default = 1.4, min = 1, max = 2, step = 0.05, units = "x",
                            label = "Share routed to reablement (x today's)" },
    staff_multiplier = { default = 1.4, min = 1, max = 2, step = 0.05, units = "x",
                         label = "Reablement staff (x today's)" },
  },
  overrides = {
    constants = {
      reablement_referral_share = function(p, base) return clamp(base * p.referral_multiplier, 0, 1) end,
      reablement_staff = function(p, base) return base * p.staff_multiplier end,
    },
  },
}
