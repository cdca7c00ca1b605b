package dev.lrlab;

import dev.lrlab.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the LR Lab web app, or runs a CLI command ({@code simulate}, {@code presets},
 * {@code share}, {@code unshare}, {@code help}) without starting Spring.
 */
@SpringBootApplication
public class LrLabApplication {

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(new Cli(System.in, System.out, System.err).run(args));
        }
        SpringApplication.run(LrLabApplication.class, args);
    }
}
