-- bound_violations: for every Adam trial (k = 1), how many of its steps had a max-update above
-- the Eq. 5 bound of its (beta, gamma) at that step, and the largest ratio max_update / bound.
-- B_n = 1/sqrt(C) in B+, exp(n|C|/2)/sqrt(|C|) in B-, sqrt(n+1) on B0 (|C| <= 1e-9): n counts
-- from 0 and sqrt(n+1) is the number of steps taken (the paper's sqrt(n) is 0 at n = 0).
-- Views: trials, steps.
WITH checked AS (
    SELECT s.sweep,
           s.trial_id,
           s.max_update,
           SQRT(1 - POWER(t.beta, s.step + 1)) / (1 - POWER(t.gamma, s.step + 1))
             * (1 - t.gamma) / t.gamma * SQRT(t.beta / (1 - t.beta))
             * CASE WHEN t.c > 1e-9 THEN 1 / SQRT(t.c)
                    WHEN t.c < -1e-9 THEN EXP(s.step * ABS(t.c) / 2) / SQRT(ABS(t.c))
                    ELSE SQRT(s.step + 1) END AS bound
    FROM steps s
    JOIN trials t ON s.sweep = t.sweep AND s.trial_id = t.trial_id
    WHERE t.k = 1
)
SELECT t.sweep,
       t.idx,
       t.trial_id,
       t.beta,
       t.gamma,
       t.c,
       t.region,
       t.status,
       COUNT(checked.max_update) AS steps_checked,
       COALESCE(SUM(CASE WHEN checked.max_update > checked.bound THEN 1 ELSE 0 END), 0) AS violations,
       MAX(checked.max_update / checked.bound) AS max_ratio
FROM trials t
LEFT JOIN checked ON checked.sweep = t.sweep AND checked.trial_id = t.trial_id
WHERE t.k = 1
GROUP BY t.sweep, t.idx, t.trial_id, t.beta, t.gamma, t.c, t.region, t.status
ORDER BY t.sweep, t.idx
