package dev.quintet.citizens;

import dev.quintet.platform.web.BodyLimit;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the citizens service needs from outside its classes: its body limit and its clock. */
@Configuration(proxyBeanMethods = false)
class CitizensConfig {

    /** An import of 10,000 citizens with every string at 256 Cyrillic characters is ~63 MB. */
    @Bean
    BodyLimit citizensImportLimit(CitizensSettings settings) {
        return new BodyLimit("POST", "/imports", settings.maxImport());
    }

    /** "Today" for birth dates and ages is the UTC date; a bean so tests can fix it. */
    @Bean
    Clock citizensClock() {
        return Clock.systemUTC();
    }
}
