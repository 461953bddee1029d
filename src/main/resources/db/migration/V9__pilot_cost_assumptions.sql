-- Cost assumptions of a pilot for the municipal summary's cost-benefit estimate. A row holds from
-- its valid_from on, until the next row of the same pilot; the first row also covers the time
-- before it. Amounts in euro. The checks mirror CostAssumptionForm.
CREATE TABLE pilot_cost_assumption (
    id                     BIGSERIAL PRIMARY KEY,
    pilot_id               BIGINT NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,
    valid_from             DATE NOT NULL,
    amount_per_trajectory  NUMERIC(9, 2) NOT NULL,
    staff_cost_per_year    NUMERIC(11, 2) NOT NULL,
    housing_cost_per_year  NUMERIC(11, 2) NOT NULL,
    version                INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT pilot_cost_assumption_amount_range CHECK (amount_per_trajectory BETWEEN 0 AND 1000000),
    CONSTRAINT pilot_cost_assumption_staff_range CHECK (staff_cost_per_year BETWEEN 0 AND 100000000),
    CONSTRAINT pilot_cost_assumption_housing_range CHECK (housing_cost_per_year BETWEEN 0 AND 100000000),
    CONSTRAINT pilot_cost_assumption_one_per_day UNIQUE (pilot_id, valid_from)
);
