package dev.logsentry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of ../shared/ARCHITECTURE.md: ui -> core, cli -> core, never back. */
@AnalyzeClasses(packages = "dev.logsentry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsHeadless =
            noClasses()
                    .that()
                    .resideInAPackage("dev.logsentry.core..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
                    .because("the core runs headless from cron and must never load a toolkit");

    @ArchTest
    static final ArchRule coreAndCliDoNotUseTheUi =
            noClasses()
                    .that()
                    .resideInAnyPackage("dev.logsentry.core..", "dev.logsentry.cli..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.logsentry.ui..")
                    .because("the UI adapts core types, never the other way round");

    @ArchTest
    static final ArchRule coreDoesNotUseTheCli =
            noClasses()
                    .that()
                    .resideInAPackage("dev.logsentry.core..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.logsentry.cli..")
                    .because("commands are thin adapters over core services");

    @ArchTest
    static final ArchRule coreDoesNotPrintToStandardStreams =
            noClasses()
                    .that()
                    .resideInAPackage("dev.logsentry.core..")
                    .should()
                    .accessField(System.class, "out")
                    .orShould()
                    .accessField(System.class, "err")
                    .because(
                            "core reports through return values and sinks, the CLI decides what to print");
}
