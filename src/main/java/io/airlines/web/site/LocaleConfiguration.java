package io.airlines.web.site;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * French or English: {@code ?lang=fr|en} switches and is remembered in a cookie; without one the
 * browser's Accept-Language decides (first of its languages we speak), English otherwise.
 */
@Configuration
class LocaleConfiguration implements WebMvcConfigurer {

    public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);
    static final String COOKIE = "airlines-lang";

    @Bean
    public LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(LocaleConfiguration::fromBrowser);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch(localeResolver()))
                .excludePathPatterns("/api/**", "/actuator/**", "/webjars/**", "/css/**", "/js/**", "/basemap/**");
    }

    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") != null) {
            for (Locale wanted : Collections.list(request.getLocales())) {
                Locale spoken = supported(wanted.getLanguage());
                if (spoken != null) {
                    return spoken;
                }
            }
        }
        return Locale.ENGLISH;
    }

    static Locale supported(String language) {
        return SUPPORTED.stream().filter(l -> l.getLanguage().equalsIgnoreCase(language)).findFirst().orElse(null);
    }

    /** Only our two languages are accepted from the query string; anything else is ignored. */
    record LanguageSwitch(LocaleResolver resolver) implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            Locale chosen = lang == null ? null : supported(lang.trim());
            if (chosen != null) {
                resolver.setLocale(request, response, chosen);
            }
            return true;
        }
    }
}
