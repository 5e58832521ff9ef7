-- best_loss: for every trial, the lowest test loss within the first n1 and the first n2
-- iterations of its sweep (an evaluation at step index s comes after s + 1 iterations), as in the
-- paper's Fig. 4b (1000 and 3000). NULL when the trial was not evaluated that early.
-- Views: trials, evals, analysis (each sweep's n1 and n2).
SELECT t.sweep,
       t.idx,
       t.trial_id,
       t.beta,
       t.gamma,
       t.c,
       t.region,
       t.arc_s,
       t.status,
       a.n1,
       a.n2,
       MIN(CASE WHEN e.step < a.n1 AND NOT isnan(e.test_loss) THEN e.test_loss END) AS best_loss_n1,
       MIN(CASE WHEN e.step < a.n2 AND NOT isnan(e.test_loss) THEN e.test_loss END) AS best_loss_n2
FROM trials t
JOIN analysis a ON a.sweep = t.sweep
LEFT JOIN evals e ON e.sweep = t.sweep AND e.trial_id = t.trial_id
GROUP BY t.sweep, t.idx, t.trial_id, t.beta, t.gamma, t.c, t.region, t.arc_s, t.status, a.n1, a.n2
ORDER BY t.sweep, t.idx
