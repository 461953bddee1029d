package nl.jeugdhulp.registratie.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * A submitted form shown again with errors answers 422, not 200, wherever it comes from: one rule
 * for every controller instead of each setting the status itself.
 */
class InvalidFormStatus implements HandlerInterceptor {

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || !"POST".equals(request.getMethod()) || response.getStatus() != HttpStatus.OK.value()
                || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        boolean invalid = view.getModel().values().stream()
                .anyMatch(value -> value instanceof BindingResult result && result.hasErrors());
        if (invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
    }
}
