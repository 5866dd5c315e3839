package dev.quintet.citizens;

import dev.quintet.platform.web.BodyLimit;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The beans the citizens service needs from outside its classes: its body limit, its clock, and the
 * admission of large imports on {@code POST /imports}.
 */
@Configuration(proxyBeanMethods = false)
class CitizensConfig implements WebMvcConfigurer {

    private final ImportAdmission admission;

    CitizensConfig(ImportAdmission admission) {
        this.admission = admission;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(admission).addPathPatterns("/imports");
    }

    /** An import of 10,000 citizens with every string at 256 Cyrillic characters is ~63 MB. */
    @Bean
    BodyLimit citizensImportLimit(CitizensProperties settings) {
        return new BodyLimit("POST", "/imports", settings.maxImport());
    }

    /** "Today" for birth dates and ages is the UTC date; a bean so tests can fix it. */
    @Bean
    Clock citizensClock() {
        return Clock.systemUTC();
    }
}
