-- slope_vs_c: for every Adam trial (k = 1), the measured slope of log ||u_n||_inf at its sweep's
-- slope step n, taken from steps n - 5 and n + 5 as in the paper's Fig. 3b, against the predicted |C|/2
-- (B- only) and the exact growth rate ln(gamma) - ln(beta)/2 of an update whose gradient has
-- vanished (a few percent below |C|/2 near beta, gamma = 1: that gap is expected).
-- Views: trials, steps, analysis (each sweep's slope_step; see the Parquet layout in the README).
SELECT t.sweep,
       t.idx,
       t.trial_id,
       t.beta,
       t.gamma,
       t.c,
       t.region,
       t.arc_s,
       t.status,
       t.steps_done,
       a.slope_step,
       CASE WHEN t.c < 0 THEN ABS(t.c) / 2 ELSE 0 END AS predicted_slope,
       LN(t.gamma) - LN(t.beta) / 2 AS discrete_rate,
       (LN(hi.max_update) - LN(lo.max_update)) / 10 AS measured_slope,
       CASE WHEN t.c < 0
            THEN ((LN(hi.max_update) - LN(lo.max_update)) / 10 - ABS(t.c) / 2) / (ABS(t.c) / 2)
       END AS relative_error
FROM trials t
JOIN analysis a ON a.sweep = t.sweep
LEFT JOIN steps lo ON lo.sweep = t.sweep AND lo.trial_id = t.trial_id AND lo.step = a.slope_step - 5
LEFT JOIN steps hi ON hi.sweep = t.sweep AND hi.trial_id = t.trial_id AND hi.step = a.slope_step + 5
WHERE t.k = 1
ORDER BY t.sweep, t.idx
