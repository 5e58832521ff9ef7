-- best_accuracy: the paper's Fig. 6 table. Each trial's best test accuracy over its evaluations,
-- averaged over seeds per setting, then per k x strategy x coupling the best over lr x weight
-- decay, with the winning lr and weight decay. Language-model trials (accuracy NaN) are left out.
-- Views: trials, evals.
WITH strategies AS (
    -- a product grid's k = 1 trial is Adam under every strategy: it counts for each strategy of its sweep
    SELECT DISTINCT sweep, strategy FROM trials WHERE k > 1
),
shared AS (
    SELECT t.sweep, t.trial_id, t.k, COALESCE(s.strategy, t.strategy) AS strategy, t.coupling, t.lr, t.weight_decay, t.seed
    FROM trials t
    LEFT JOIN strategies s ON s.sweep = t.sweep AND t.k = 1 AND t.strategy = 'adam'
),
per_trial AS (
    SELECT t.sweep, t.k, t.strategy, t.coupling, t.lr, t.weight_decay, t.seed,
           MAX(e.accuracy) AS accuracy
    FROM shared t
    JOIN evals e ON e.sweep = t.sweep AND e.trial_id = t.trial_id
    WHERE NOT isnan(e.accuracy)
    GROUP BY t.sweep, t.k, t.strategy, t.coupling, t.lr, t.weight_decay, t.seed
),
per_setting AS (
    SELECT sweep, k, strategy, coupling, lr, weight_decay, AVG(accuracy) AS accuracy, COUNT(*) AS seeds
    FROM per_trial
    GROUP BY sweep, k, strategy, coupling, lr, weight_decay
),
ranked AS (
    SELECT per_setting.*,
           ROW_NUMBER() OVER (PARTITION BY sweep, k, strategy, coupling ORDER BY accuracy DESC, lr, weight_decay) AS rank
    FROM per_setting
)
SELECT sweep, k, strategy, coupling, accuracy AS best_accuracy, lr AS best_lr, weight_decay AS best_weight_decay, seeds
FROM ranked
WHERE rank = 1
ORDER BY sweep, strategy, coupling, k
