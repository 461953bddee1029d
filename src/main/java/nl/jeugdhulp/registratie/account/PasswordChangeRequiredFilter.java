package nl.jeugdhulp.registratie.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** After an administrator's reset the user can do nothing but choose a new password (or log out). */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
                && principal.mustChangePassword() && !isAllowed(path)) {
            response.sendRedirect(request.getContextPath() + "/account/wachtwoord");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isAllowed(String path) {
        return path.equals("/account/wachtwoord") || path.equals("/logout") || path.equals("/privacy") || path.startsWith("/account/tweede-factor") || path.startsWith("/webjars/")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/error");
    }
}
