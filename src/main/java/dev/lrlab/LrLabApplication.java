package dev.lrlab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the LR Lab web app. */
@SpringBootApplication
public class LrLabApplication {

    public static void main(String[] args) {
        SpringApplication.run(LrLabApplication.class, args);
    }
}
