package dev.quintet;

import dev.quintet.platform.ServiceSelection;
import dev.quintet.platform.cli.QuintetCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * One jar, two faces: with no arguments (or only {@code --options}) it is the HTTP server;
 * with a command ({@code quintet cars fake 1000 0}) it is the command line, on the same beans.
 */
@SpringBootApplication
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM,
        classes = ServiceSelection.class))
@ConfigurationPropertiesScan
public class QuintetApplication {

    public static void main(String[] args) {
        if (QuintetCli.isCommand(args)) {
            System.exit(QuintetCli.run(QuintetApplication.class, args));
        }
        SpringApplication.run(QuintetApplication.class, args);
    }
}
