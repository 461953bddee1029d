-- Other disciplines in a practice are kept per category in practice_discipline only; the free-text
-- column practice.other_disciplines goes. Up to V5 the demo seeder wrote display labels as categories
-- ("POH-GGZ", "POH-somatiek", "Doktersassistent", ...): they become codes. A label that is none of the
-- known categories is counted under ANDERS (summed per practice, at most 100).
CREATE TEMPORARY TABLE practice_discipline_v5 ON COMMIT DROP AS
SELECT practice_id,
       CASE WHEN code IN ('POH_GGZ', 'POH_SOMATIEK', 'PRAKTIJKVERPLEEGKUNDIGE', 'DOKTERSASSISTENT', 'FYSIOTHERAPEUT',
                          'MAATSCHAPPELIJK_WERKER') THEN code ELSE 'ANDERS' END AS category,
       amount
  FROM (SELECT practice_id, upper(btrim(regexp_replace(btrim(category), '[^A-Za-z]+', '_', 'g'), '_')) AS code, amount
          FROM practice_discipline) normalised;

DELETE FROM practice_discipline;

INSERT INTO practice_discipline (practice_id, category, amount)
SELECT practice_id, category, least(sum(amount), 100)
  FROM practice_discipline_v5
 GROUP BY practice_id, category;

ALTER TABLE practice_discipline
    ADD CONSTRAINT practice_discipline_category_known
        CHECK (category IN ('POH_GGZ', 'POH_SOMATIEK', 'PRAKTIJKVERPLEEGKUNDIGE', 'DOKTERSASSISTENT', 'FYSIOTHERAPEUT',
                            'MAATSCHAPPELIJK_WERKER', 'ANDERS'));

-- The structured rows replace it; the application no longer reads or writes it.
ALTER TABLE practice DROP COLUMN other_disciplines;
