package nl.jeugdhulp.registratie.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Dutch unless the user picks English (?lang=en, the link in the header), remembered in the cookie "taal". The
 * browser's Accept-Language is not consulted: the product is Dutch and a Dutch user with an English browser
 * should not get English by surprise. Only nl and en exist; any other language (?lang=fr, a forged cookie)
 * falls back to Dutch instead of showing message keys.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new SupportedLanguages("taal");
        resolver.setDefaultLocale(DUTCH);
        return resolver;
    }

    /** Message flashes in a cookie, other flashes in the session; DispatcherServlet looks it up by this name. */
    @Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    FlashMapManager flashMapManager() {
        return new CookieFlashMapManager();
    }

    /** Keeps the locale to the two languages that have a message bundle. */
    static final class SupportedLanguages extends CookieLocaleResolver {

        SupportedLanguages(String cookieName) {
            super(cookieName);
        }

        static boolean supported(Locale locale) {
            return locale != null && (locale.getLanguage().equals("nl") || locale.getLanguage().equals("en"));
        }

        @Override
        protected Locale parseLocaleValue(String value) {
            Locale locale = super.parseLocaleValue(value);
            return supported(locale) ? locale : null;
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            // null removes the cookie and leaves the default, Dutch.
            super.setLocale(request, response, supported(locale) ? locale : null);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(new InvalidFormStatus());
    }
}
