package nl.jeugdhulp.registratie.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the container forwards an error to be shown. Asked for directly there is
 * no error, and Spring Boot's error controller would answer 500; such a request is simply not found
 * (404 with the Dutch error page). Error dispatches themselves are not filtered.
 */
@Component
class DirectErrorRequests extends OncePerRequestFilter {

    private static final String ERROR_PATH = "/error";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // The container's error dispatch carries the status; only a request that names /error itself has none.
        return !path.equals(ERROR_PATH) || request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
