package dev.logsentry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layers of ARCHITECTURE.md and ADR 0001/0002, each rule named as the sentence it enforces: ui
 * -> core, cli -> core, never back; no package cycles; view-models testable without a window.
 */
@AnalyzeClasses(packages = "dev.logsentry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsFreeOfJavaFx =
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
    static final ArchRule noPackagesDependOnEachOtherInACycle =
            slices().matching("dev.logsentry.(**)")
                    .should()
                    .beFreeOfCycles()
                    .because("a cycle makes two packages one; ADR 0002 gives each its direction");

    @ArchTest
    static final ArchRule onlyTheCliPrintsToStandardStreams =
            noClasses()
                    .that()
                    .resideOutsideOfPackage("dev.logsentry.cli..")
                    .and()
                    .doNotHaveFullyQualifiedName("dev.logsentry.Main")
                    .should()
                    .accessField(System.class, "out")
                    .orShould()
                    .accessField(System.class, "err")
                    .because(
                            "core reports through return values and sinks, the UI through its"
                                    + " views; the CLI decides what to print");

    @ArchTest
    static final ArchRule viewModelsAreFreeOfStagesAndInputEvents =
            noClasses()
                    .that()
                    .haveSimpleNameEndingWith("ViewModel")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("javafx.stage..", "javafx.scene.input..")
                    .because(
                            "view-models get dialogs, choosers and the clipboard through their"
                                    + " constructors (ui.common.Dialogs) and are tested without a"
                                    + " Stage");

    @ArchTest
    static final ArchRule eachViewTalksToItsOwnViewModel =
            classes()
                    .that()
                    .haveSimpleNameEndingWith("View")
                    .and()
                    .resideInAPackage("dev.logsentry.ui..")
                    .should(useNoViewModelButTheirOwn())
                    .because("views follow the selection service, never reach into each other");

    private static ArchCondition<JavaClass> useNoViewModelButTheirOwn() {
        return new ArchCondition<>("use no view-model but their own") {
            @Override
            public void check(JavaClass view, ConditionEvents events) {
                String own = view.getSimpleName() + "Model";
                for (Dependency d : view.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getSimpleName();
                    if (target.endsWith("ViewModel") && !target.equals(own)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
