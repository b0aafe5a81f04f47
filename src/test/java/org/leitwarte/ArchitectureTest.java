package org.leitwarte;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape agreed in ARCHITECTURE.md, checked on every build. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.leitwarte");
  }

  @Test
  void feature_packages_are_free_of_cycles() {
    slices().matching("org.leitwarte.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void collectors_know_nothing_of_what_happens_to_their_samples() {
    noClasses().that().resideInAPackage("org.leitwarte.collect..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.leitwarte.metrics..", "org.leitwarte.web..", "org.leitwarte.store..",
            "org.leitwarte.alerting..", "org.leitwarte.incident..", "org.leitwarte.cli..")
        .check(classes);
  }

  @Test
  void the_pure_core_does_not_use_vertx() {
    classes().that().haveSimpleNameStartingWith("PollPlan")
        .or().haveSimpleName("DeviceStates")
        .or().haveSimpleName("Sample")
        .or().resideInAPackage("org.leitwarte.config..")
        .or().resideInAPackage("org.leitwarte.incident.routing..")
        .or().resideInAPackage("org.leitwarte.status")
        .or().haveSimpleNameStartingWith("EscalationPlan")
        .or().haveSimpleNameStartingWith("OnCallTimeline")
        .or().haveSimpleNameStartingWith("Rotation")
        .should().onlyDependOnClassesThat().resideOutsideOfPackage("io.vertx..")
        .check(classes);
  }

  @Test
  void only_the_command_line_writes_to_the_console() {
    noClasses().that().resideOutsideOfPackage("org.leitwarte.cli..")
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .check(classes);
  }
}
