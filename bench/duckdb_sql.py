"""The hand-written DuckDB query of the national check bench (``duckdb_findings.py`` loads its
tables and runs it): every finding of tinhgon's check of a sở-shaped agency — or of the sở of
many provinces, each with its class — on one date, as (rule, unit, person, severity, actual,
limit). The law's numbers come in as tables made from tinhgon's parameter files; the query
does the counting, the tree, the joins and the judging.
"""

SQL = """
WITH RECURSIVE
anc(u, a, d) AS (
    SELECT u, u, 0 FROM units
    UNION ALL
    SELECT anc.u, units.parent, anc.d + 1 FROM anc JOIN units ON units.u = anc.a
    WHERE units.parent >= 0
),
agg AS (
    SELECT u, count(*) FILTER (WHERE role = 'head') AS heads,
           count(*) FILTER (WHERE role = 'deputy') AS deps
    FROM people GROUP BY u
),
uu AS (
    SELECT x.u, x.id, x.parent, x.class, x.kind, p.class AS pclass, x.province,
           pr.class AS province_class,
           coalesce(agg.heads, 0) AS heads, coalesce(agg.deps, 0) AS deps
    FROM units x LEFT JOIN units p ON p.u = x.parent LEFT JOIN agg ON agg.u = x.u
    JOIN provinces pr ON pr.province = x.province
),
pu AS (SELECT u, category, count(*) AS n FROM people GROUP BY ALL),
own_count AS (  -- people of the counted categories in each unit itself, per rule
    SELECT c.rule, pu.u, sum(pu.n) AS n FROM pu JOIN counted c USING (category) GROUP BY ALL
),
tree_count AS (  -- the same with every sub-unit's
    SELECT o.rule, anc.a AS u, sum(o.n) AS n FROM own_count o JOIN anc ON anc.u = o.u GROUP BY ALL
),
given AS (  -- the quota of the counted categories for the year, per rule and unit
    SELECT c.rule, q.u, sum(q.value) AS n
    FROM quotas q JOIN counted c USING (category) WHERE q.year = $year GROUP BY ALL
),
minimum(rule, u) AS (
    SELECT 'SO-1', u FROM uu WHERE class = 'department' AND kind <> 'inspectorate' AND pclass = 'agency'
    UNION ALL SELECT 'SO-4', u FROM uu WHERE class = 'sub_department'
    UNION ALL SELECT 'SO-5', u FROM uu WHERE class = 'department' AND pclass = 'sub_department'
    UNION ALL SELECT 'PSU-1', u FROM uu WHERE class = 'public_service_unit'
    UNION ALL SELECT 'EZ-3', u FROM uu WHERE class = 'department' AND pclass = 'agency'
),
minimum_found AS (
    SELECT m.rule, m.u, m.u IN (SELECT u FROM planned) AS planned,
           coalesce(g.n, CASE WHEN m.rule IN (SELECT rule FROM recursive) THEN t.n ELSE o.n END, 0)
               AS posts
    FROM minimum m
    LEFT JOIN given g ON g.rule = m.rule AND g.u = m.u
    LEFT JOIN own_count o ON o.rule = m.rule AND o.u = m.u
    LEFT JOIN tree_count t ON t.rule = m.rule AND t.u = m.u
),
children AS (
    SELECT parent AS u, count(*) AS n FROM units WHERE class = 'department' GROUP BY ALL
),
deputy(rule, u, n) AS (
    SELECT 'SO-2', uu.u, coalesce(o.n, 0) FROM uu LEFT JOIN own_count o ON o.rule = 'SO-2' AND o.u = uu.u
    WHERE class = 'department' AND kind NOT IN ('office', 'inspectorate') AND pclass = 'agency'
    UNION ALL
    SELECT 'SO-6', uu.u, coalesce(o.n, 0) FROM uu LEFT JOIN own_count o ON o.rule = 'SO-6' AND o.u = uu.u
    WHERE class = 'department' AND kind = 'inspectorate' AND pclass = 'agency'
    UNION ALL
    SELECT 'SO-8', uu.u, coalesce(o.n, 0) FROM uu LEFT JOIN own_count o ON o.rule = 'SO-8' AND o.u = uu.u
    WHERE class = 'department' AND kind = 'office' AND pclass = 'agency'
    UNION ALL
    SELECT 'SO-7', uu.u, coalesce(c.n, 0) FROM uu LEFT JOIN children c ON c.u = uu.u
    WHERE class = 'sub_department'
    UNION ALL
    SELECT 'EZ-1', uu.u, coalesce(o.n, 0) FROM uu LEFT JOIN own_count o ON o.rule = 'EZ-1' AND o.u = uu.u
    WHERE class = 'department'
),
checks(rule, u) AS (  -- the units each rule checks: its selection above, else its class
    SELECT rule, u FROM minimum UNION ALL SELECT rule, u FROM deputy
    UNION ALL
    SELECT g.rule, x.u FROM gaps g JOIN units x ON x.class = g.class
    WHERE g.rule NOT IN ('SO-1', 'SO-4', 'SO-5', 'PSU-1', 'SO-2', 'SO-6', 'SO-7', 'SO-8', 'EZ-1',
                         'EZ-3')
),
q AS (SELECT u, category, value FROM quotas WHERE year = $year),
owner AS (  -- each unit's people of a category count against the nearest quota above them
    SELECT pu.u, pu.category, pu.n, arg_min(anc.a, anc.d) AS owner
    FROM pu JOIN anc ON anc.u = pu.u JOIN q ON q.u = anc.a AND q.category = pu.category
    GROUP BY ALL
),
transition AS (  -- SO-9: a unit formed by restructuring while the transition is in force
    SELECT x.u, r.rule,
           CAST(x.established_on + to_months(t.months) - INTERVAL 1 DAY AS DATE) AS until
    FROM units x CROSS JOIN transitional r CROSS JOIN transition_period t
    WHERE x.predecessors > 0 AND x.established_on BETWEEN t.since AND $on
),
eligible AS (  -- RA-5: people whose facts meet a threshold of Decree 135/2020 Art. 5
    SELECT p.i, p.u, p.sex, p.by, p.bm FROM people p
    WHERE (p.hazardous IS NOT NULL OR p.difficult IS NOT NULL OR p.loss IS NOT NULL)
      AND (EXISTS (SELECT 1 FROM thresholds t WHERE t.kind = 'years'
                   AND t.n = least(p.hazardous, t.top) AND p.hazardous >= t.lim)
        OR EXISTS (SELECT 1 FROM thresholds t WHERE t.kind = 'years'
                   AND t.n = least(p.difficult, t.top) AND p.difficult >= t.lim)
        OR EXISTS (SELECT 1 FROM thresholds t WHERE t.kind = 'loss'
                   AND t.n = least(p.loss, t.top) AND p.loss >= t.lim))
),
found(rule, u, person, severity, actual, lim) AS (
    SELECT m.rule, m.u, NULL, CASE WHEN m.planned THEN 'violation' ELSE 'warning' END,
           m.posts, b.lim
    FROM minimum_found m JOIN uu USING (u) JOIN tops t ON t.rule = m.rule
    JOIN bands b ON b.rule = m.rule AND b.class = uu.province_class
                AND b.n = least(m.posts, t.top)
    WHERE m.rule IN (SELECT rule FROM in_force) AND m.posts < b.lim
    UNION ALL
    SELECT d.rule, d.u, NULL,
           CASE WHEN b.lim IS NULL OR tr.until >= $on THEN 'info' ELSE 'violation' END,
           uu.deps, b.lim
    FROM deputy d JOIN uu USING (u) JOIN tops t ON t.rule = d.rule
    LEFT JOIN bands b ON b.rule = d.rule AND b.class = uu.province_class
                     AND b.n = least(d.n, t.top)
    LEFT JOIN transition tr ON tr.u = d.u AND tr.rule = d.rule
    WHERE d.rule IN (SELECT rule FROM in_force) AND uu.deps > 0
      AND (b.lim IS NULL OR uu.deps > b.lim)
    UNION ALL
    SELECT 'SO-3', uu.u, NULL, 'info', uu.deps, b.lim
    FROM uu JOIN tops t ON t.rule = 'SO-3'
    JOIN bands b ON b.rule = 'SO-3' AND b.class = uu.province_class
                AND b.n = least(uu.deps, t.top)
    WHERE uu.parent < 0 AND uu.class = 'agency' AND 'SO-3' IN (SELECT rule FROM in_force)
    UNION ALL  -- EZ-2: the board's own deputies, the limit looked up by their number
    SELECT 'EZ-2', uu.u, NULL, 'violation', uu.deps, b.lim
    FROM uu JOIN tops t ON t.rule = 'EZ-2'
    JOIN bands b ON b.rule = 'EZ-2' AND b.class = uu.province_class
                AND b.n = least(uu.deps, t.top)
    WHERE uu.parent < 0 AND uu.class = 'agency' AND uu.deps > b.lim
      AND 'EZ-2' IN (SELECT rule FROM in_force)
    UNION ALL
    SELECT 'QT-1', q.u, NULL, 'violation', sum(o.n), q.value
    FROM q JOIN owner o ON o.owner = q.u AND o.category = q.category
    GROUP BY q.u, q.category, q.value HAVING sum(o.n) > q.value
    UNION ALL
    SELECT 'QT-2', u, NULL, 'warning', NULL, NULL FROM uu
    WHERE (parent < 0 AND class = 'agency' OR class = 'public_service_unit')
      AND u NOT IN (SELECT u FROM q)
    UNION ALL
    SELECT 'LD-1', u, NULL, 'violation', heads, 1 FROM uu WHERE heads > 1
    UNION ALL
    SELECT 'LD-2', u, NULL, 'warning', 0, 1 FROM uu WHERE class = 'department' AND heads = 0
    UNION ALL
    SELECT 'LD-3', u, NULL, 'info', deps, NULL FROM uu WHERE heads = 0 AND deps > 0
    UNION ALL
    SELECT 'RA', p.u, p.i, CASE WHEN $on > r.retires_on AND p.category <> 'contract_worker'
                                THEN 'violation' ELSE 'info' END, NULL, NULL
    FROM people p JOIN retire r ON r.sex = p.sex AND r.by = p.by AND r.bm = p.bm
    WHERE r.retires_on <= $horizon
    UNION ALL
    SELECT 'RA-5', e.u, e.i, 'info', NULL, NULL
    FROM eligible e JOIN early r ON r.sex = e.sex AND r.by = e.by AND r.bm = e.bm
    WHERE r.retires_on <= $horizon AND 'RA-5' IN (SELECT rule FROM in_force)
    UNION ALL  -- a rule without a value for the date, if it has units to check: one note
    SELECT g.rule, (SELECT min(u) FROM units x WHERE x.parent < 0 AND x.province = pr.province),
           NULL, 'info', NULL, NULL
    FROM gaps g CROSS JOIN provinces pr
    WHERE EXISTS (SELECT 1 FROM checks c JOIN units x USING (u)
                  WHERE c.rule = g.rule AND x.province = pr.province)
)
SELECT rule, u, person, severity, actual, lim FROM found
"""
