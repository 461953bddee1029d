package nl.jeugdhulp.registratie.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** After the password, a user who needs a second factor can do nothing until this session has one. */
class SecondFactorFilter extends OncePerRequestFilter {

    private final SecondFactor secondFactor;

    SecondFactorFilter(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
                && secondFactor.requiredFor(principal.user()) && !SecondFactor.verified(request.getSession(false))
                && !isAllowed(path)) {
            response.sendRedirect(request.getContextPath() + "/account/tweede-factor");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isAllowed(String path) {
        return path.equals("/account/tweede-factor") || path.equals("/account/tweede-factor/instellen")
                || path.equals("/logout") || path.equals("/privacy") || path.startsWith("/webjars/")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/error");
    }
}
