package nl.jeugdhulp.registratie.registration;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TrajectoryRepository extends JpaRepository<Trajectory, Long> {

    Optional<Trajectory> findByIdAndSupporterId(long id, long supporterId);

    boolean existsByIdAndSupporterId(long id, long supporterId);
}
