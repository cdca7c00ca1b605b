package dev.lrlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The live session engine serves the playground, Compare and class rooms alike: no UI toolkit in it. */
class LiveIsPlainJavaTest {

    @Test
    void sessionsAndSchedulerImportNoFrameworks() {
        noClasses().that().resideInAPackage("dev.lrlab.live")
                .should().dependOnClassesThat()
                .resideInAnyPackage("com.vaadin..", "org.springframework..", "jakarta.servlet..", "dev.lrlab.ui..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.lrlab.live"));
    }
}
