package dev.lrlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The numeric core must run anywhere: no web framework, no UI toolkit, no JSON library. */
class CoreIsPlainJavaTest {

    // the core only: importing all of dev.lrlab would drag in (and slowly scan) the web stack
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lrlab.core");

    @Test
    void coreImportsNoFrameworks() {
        noClasses().that().resideInAPackage("dev.lrlab.core..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("com.vaadin..", "org.springframework..", "com.fasterxml..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void coreDoesNotReachIntoOuterLayers() {
        noClasses().that().resideInAPackage("dev.lrlab.core..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.lrlab.ui..", "dev.lrlab.live..", "dev.lrlab.api..", "dev.lrlab.spec..",
                        "dev.lrlab.cli..", "dev.lrlab.share..", "dev.lrlab.presets..")
                .check(classes);
    }
}
