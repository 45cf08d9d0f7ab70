-- Lever: care-worker pay. Raising pay relative to retail, phased in over time, to cut turnover (about 30%
-- in the independent sector) towards Scotland's level (below 22.9%). Evidence: 004 L1850 (turnover around
-- 30%), 004 L1935 (fairer pay, lower turnover; Scotland below 22.9%). The pay-to-turnover response is the
-- model's assumption, so the target ratio's range is wide. The rise is paid for through the home-care rate (the
-- model passes the labour share of the price on: labour_share_of_price).
-- The rise is phased in at step boundaries by on_step (time in the model's unit, weeks in the default model).
local start_time, start_ratio

return {
  id = "workforce_pay",
  title = "Workforce pay",
  description = "Raise care-worker pay relative to retail, phased in, to bring turnover from 30% towards 23%; the "
    .. "home-care rate rises to pay for it.",
  evidence = { "004 L1850", "004 L1935" },
  params = {
    target_pay_ratio = { default = 1.05, min = 0.8, max = 1.3, step = 0.01, units = "ratio",
                         label = "Care-worker pay / retail pay (target; assumption)" },
    phase_in_time = { default = 52, min = 0, max = 260, step = 4, units = "weeks",
                      label = "Time to phase the rise in" },
  },
  modifies = { "care_worker_pay_ratio" },
  on_start = function(ctx)
    start_time = ctx:time()
    start_ratio = ctx:get("care_worker_pay_ratio")
  end,
  on_step = function(ctx)
    local p = ctx.params
    local progress = 1
    if p.phase_in_time > 0 then
      progress = math.min(1, (ctx:time() - start_time) / p.phase_in_time)
    end
    ctx:set("care_worker_pay_ratio", start_ratio + (p.target_pay_ratio - start_ratio) * progress)
  end,
}
