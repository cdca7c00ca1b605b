package dev.lrlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CorePurityTest {
    @Test
    void coreIsPlainJava() {
        noClasses().that().resideInAPackage("dev.lrlab.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..",
                        "com.fasterxml..", "dev.lrlab.spec..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.lrlab.core"));
    }
}
