package dev.quintet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.platform.QuintetProperties;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each service is a module that uses only the platform and other modules' public API; no cycles. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(QuintetApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyImplementedServiceIsAModule() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("platform", "console")
                .containsAll(QuintetProperties.ALL_SERVICES);
    }

    @Test
    void writesTheModuleDiagrams() {
        // target/spring-modulith-docs: one PlantUML component diagram per module and one for all
        new Documenter(modules).writeDocumentation();
    }
}
