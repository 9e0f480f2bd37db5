package org.annualreview;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The package-by-feature layout of docs and STYLE, checked: adapters on the outside, small values in shared. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.annualreview");

    @Test
    void onlyTheApplicationReachesIntoTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("org.annualreview.cli..")
                .and().doNotHaveFullyQualifiedName(AnnualReviewApplication.class.getName())
                .should().dependOnClassesThat().resideInAPackage("org.annualreview.cli..")
                .check(CLASSES);
    }

    @Test
    void sharedValuesDependOnNoFeature() {
        noClasses().that().resideInAPackage("org.annualreview.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.annualreview.organisations..", "org.annualreview.decisions..",
                        "org.annualreview.imports..", "org.annualreview.statistics..", "org.annualreview.demo..", "org.annualreview.cli..")
                .check(CLASSES);
    }

    @Test
    void importsAndStatisticsKnowNothingOfEachOther() {
        noClasses().that().resideInAPackage("org.annualreview.imports..")
                .should().dependOnClassesThat().resideInAPackage("org.annualreview.statistics..").check(CLASSES);
        noClasses().that().resideInAPackage("org.annualreview.statistics..")
                .should().dependOnClassesThat().resideInAPackage("org.annualreview.imports..").check(CLASSES);
    }

    @Test
    void theDemoDatasetIsWrittenAsFilesNotIntoTables() {
        noClasses().that().resideInAPackage("org.annualreview.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("org.annualreview.imports..", "org.annualreview.statistics..")
                .check(CLASSES);
    }

    @Test
    void lettersReadTheFiguresAndTheRegisterButNeverTheImportOrTheDemo() {
        noClasses().that().resideInAPackage("org.annualreview.letters..")
                .should().dependOnClassesThat().resideInAnyPackage("org.annualreview.imports..", "org.annualreview.demo..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("org.annualreview.statistics..", "org.annualreview.organisations..", "org.annualreview.imports..")
                .should().dependOnClassesThat().resideInAPackage("org.annualreview.letters..")
                .check(CLASSES);
    }
}
