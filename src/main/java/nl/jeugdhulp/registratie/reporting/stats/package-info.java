/**
 * Significance tests for the report's breakdown tables: {@link nl.jeugdhulp.registratie.reporting.stats.IndependenceTest}
 * compares subgroups the way the 2019 study did (Pearson chi-square test of independence, or a Monte Carlo
 * permutation test when expected counts are small) and answers a
 * {@link nl.jeugdhulp.registratie.reporting.stats.TestResult}. Pure computation: no Spring, no database.
 */
package nl.jeugdhulp.registratie.reporting.stats;
