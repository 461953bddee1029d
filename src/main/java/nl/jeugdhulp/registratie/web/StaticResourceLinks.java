package nl.jeugdhulp.registratie.web;

import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;

/**
 * Only links to static files go through the resource chain, which gives them their content-hashed URL
 * ({@code /css/app-<md5>.css}). Thymeleaf sends every {@code @{...}} link through it, and for a page link
 * such as {@code /trajecten} the chain looked for a file of that name in every static location on the
 * class path on every render (misses are not cached): about a fifth of the server time of the
 * new-trajectory form (docs/performance.md, "Page load in the browser").
 */
@Component
class StaticResourceLinks implements BeanPostProcessor {

    /** The URL prefixes of the static files: src/main/resources/static/{css,js} and the WebJars. */
    static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/webjars/");

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof TemplateEngine engine && !engine.isInitialized()) {
            engine.setLinkBuilder(new StaticOnly());
        }
        return bean;
    }

    static final class StaticOnly extends StandardLinkBuilder {

        @Override
        protected String processLink(IExpressionContext context, String link) {
            if (context instanceof IWebContext web && isStatic(web.getExchange().getRequest().getApplicationPath(), link)) {
                return super.processLink(context, link);
            }
            // Sessions are tracked by cookie only, so a page link needs no URL rewriting either.
            return link;
        }

        static boolean isStatic(String contextPath, String link) {
            String path = contextPath != null && link.startsWith(contextPath) ? link.substring(contextPath.length()) : link;
            return STATIC_PREFIXES.stream().anyMatch(path::startsWith);
        }
    }
}
