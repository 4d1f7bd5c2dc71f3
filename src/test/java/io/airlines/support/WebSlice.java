package io.airlines.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.airlines.security.FilterSettings;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A controller slice: MockMvc over the named controllers with the product's error handling
 * ({@code api.ApiProblems}) and its servlet filters (host check, API key, size limits...), no
 * Kafka and no store. The filters take settings records, which the application binds by
 * {@code @ConfigurationPropertiesScan}, a scan a slice does not run: {@link FilterSettings} binds
 * the two they need from the same properties, so each filter runs with the product's defaults.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(FilterSettings.class)
public @interface WebSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
