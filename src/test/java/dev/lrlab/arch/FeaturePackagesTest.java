package dev.lrlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The structure the product grows on: surfaces (ui, api, cli) stand on the application layer
 * (experiment), which stands on the spec and the numeric core; feature packages never form a cycle,
 * and no surface reaches into another.
 */
class FeaturePackagesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lrlab");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.lrlab.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void uiPackagesHaveNoCycles() {
        slices().matching("dev.lrlab.ui.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void uiUsesTheApplicationLayerNotOtherSurfaces() {
        noClasses().that().resideInAPackage("dev.lrlab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lrlab.api..", "dev.lrlab.cli..")
                .check(CLASSES);
    }

    @Test
    void apiAndCliUseTheApplicationLayerNotEachOtherOrTheUi() {
        noClasses().that().resideInAPackage("dev.lrlab.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lrlab.ui..", "dev.lrlab.cli..",
                        "dev.lrlab.live..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.lrlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lrlab.ui..", "dev.lrlab.api..",
                        "dev.lrlab.live..")
                .check(CLASSES);
    }

    @Test
    void theApplicationLayerKnowsNoSurfaceAndNoWebStack() {
        noClasses().that().resideInAPackage("dev.lrlab.experiment..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lrlab.ui..", "dev.lrlab.api..",
                        "dev.lrlab.cli..", "com.vaadin..", "org.springframework..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void linksStandOnTheApplicationLayerAndKnowNoSurface() {
        noClasses().that().resideInAPackage("dev.lrlab.links..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lrlab.ui..", "dev.lrlab.api..",
                        "dev.lrlab.cli..", "dev.lrlab.live..", "com.vaadin..", "jakarta.servlet..",
                        "org.springframework.web..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.lrlab.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lrlab.experiment..", "dev.lrlab.links..",
                        "dev.lrlab.ui..", "dev.lrlab.api..", "dev.lrlab.cli..", "com.vaadin..")
                .check(CLASSES);
    }

    /** Class sessions are plain Java on the application layer: every surface (UI, API) stands on them. */
    @Test
    void classroomKnowsNoSurfaceAndNoWebStack() {
        noClasses().that().resideInAPackage("dev.lrlab.classroom..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lrlab.ui..", "dev.lrlab.api..",
                        "dev.lrlab.cli..", "dev.lrlab.live..", "com.vaadin..", "jakarta.servlet..",
                        "org.springframework.web..")
                .check(CLASSES);
    }

    @Test
    void specAndShareCodecAreBelowTheApplicationLayer() {
        noClasses().that().resideInAnyPackage("dev.lrlab.spec..", "dev.lrlab.share..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lrlab.experiment..", "dev.lrlab.ui..",
                        "dev.lrlab.api..", "dev.lrlab.cli..", "dev.lrlab.live..", "com.vaadin..",
                        "org.springframework..")
                .check(CLASSES);
    }

    @Test
    void viewsAreReachedThroughTheMenuNotImportedByTheShell() {
        noClasses().that().haveFullyQualifiedName("dev.lrlab.ui.MainLayout")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lrlab.ui.playground..", "dev.lrlab.ui.views..")
                .check(CLASSES);
    }
}
