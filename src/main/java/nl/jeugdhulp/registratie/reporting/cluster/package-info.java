/**
 * Report F4 of the 2019 study: trajectory types found by Ward hierarchical clustering of closed
 * trajectories on eight variables. {@link nl.jeugdhulp.registratie.reporting.cluster.TrajectoryTypes}
 * is the entry point; it takes {@link nl.jeugdhulp.registratie.reporting.cluster.TrajectoryVector} rows
 * and returns a {@link nl.jeugdhulp.registratie.reporting.cluster.TrajectoryTypesResult}. Pure Java,
 * no database or Spring: the caller selects the closed trajectories that are complete on all eight
 * variables.
 */
package nl.jeugdhulp.registratie.reporting.cluster;
