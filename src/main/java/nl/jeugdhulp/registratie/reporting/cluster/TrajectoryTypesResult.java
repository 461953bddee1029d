package nl.jeugdhulp.registratie.reporting.cluster;

import java.util.List;

/**
 * The outcome of {@link TrajectoryTypes#classify}: how many rows there were, how many were clustered
 * and the types found.
 *
 * @param population number of rows offered
 * @param clustered number of rows clustered (equal to {@code population} unless sampled)
 * @param sampled whether a random sample was clustered because the population exceeded the limit
 * @param types the three types in {@link TrajectoryType.Name} order; empty when fewer than three
 *     rows or fewer than three distinct rows were clustered
 */
public record TrajectoryTypesResult(int population, int clustered, boolean sampled, List<TrajectoryType> types) {

    /** Copies {@code types} into an unmodifiable list. */
    public TrajectoryTypesResult {
        types = List.copyOf(types);
    }
}
