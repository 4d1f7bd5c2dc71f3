package io.airlines.security;

import io.airlines.config.AirlinesSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The settings records the servlet filters take, bound from the same properties as in the
 * application: there {@code @ConfigurationPropertiesScan} binds them, a scan a controller slice
 * does not run ({@code support.WebSlice}). Here so that it may name the package-private record.
 */
@EnableConfigurationProperties({AirlinesSettings.class, SecuritySettings.class})
public class FilterSettings {
}
