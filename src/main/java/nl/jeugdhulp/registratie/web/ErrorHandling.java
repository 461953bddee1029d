package nl.jeugdhulp.registratie.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Safety net for what a controller did not turn into a field error: a concurrent change or a
 * refused database constraint answers 409 with a Dutch page, never a stack trace or a 500.
 */
@ControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String concurrentChange() {
        return "error/409";
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refusedByDatabase(DataIntegrityViolationException e) {
        log.warn("A database constraint refused a change: {}", e.getMostSpecificCause().getMessage());
        return "error/409";
    }
}
