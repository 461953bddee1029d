package nl.jeugdhulp.registratie.registration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TrajectoryRepository extends JpaRepository<Trajectory, Long> {

    Optional<Trajectory> findByIdAndSupporterId(long id, long supporterId);

    List<Trajectory> findBySupporterIdAndSourceIdIn(long supporterId, Collection<String> sourceIds);
}
