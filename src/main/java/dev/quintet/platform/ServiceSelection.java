package dev.quintet.platform;

import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * Leaves the classes of services that {@code quintet.services} does not name out of component scanning,
 * so a disabled service has no beans, no endpoints and no migrations. One rule in one place instead of
 * a condition on every class.
 */
public class ServiceSelection implements TypeFilter, EnvironmentAware {

    private static final String ROOT = "dev.quintet.";

    private List<String> enabled = QuintetProperties.ALL_SERVICES;

    @Override
    public void setEnvironment(Environment environment) {
        enabled = Binder.get(environment).bind("quintet.services", String[].class)
                .map(List::of).orElse(QuintetProperties.ALL_SERVICES);
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        String service = serviceOf(reader.getClassMetadata().getClassName());
        return service != null && !enabled.contains(service);
    }

    /** The service a class belongs to, or null for the platform, the console and anything else. */
    public static String serviceOf(String className) {
        if (!className.startsWith(ROOT)) {
            return null;
        }
        String rest = className.substring(ROOT.length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return null; // a class in the root package, such as the application itself
        }
        String top = rest.substring(0, dot);
        return QuintetProperties.ALL_SERVICES.contains(top) ? top : null;
    }
}
