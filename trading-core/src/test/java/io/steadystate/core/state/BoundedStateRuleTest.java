package io.steadystate.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.steadystate.core.archfixture.ArraycopyTickLog;
import io.steadystate.core.archfixture.AuditJournal;
import io.steadystate.core.archfixture.GrowingTickLog;
import io.steadystate.core.archfixture.JustifiedMatrix;
import io.steadystate.core.archfixture.LeakyRallyDetector;
import io.steadystate.core.archfixture.PerThreadScratch;
import io.steadystate.core.archfixture.PriceHistoryBook;
import io.steadystate.core.archfixture.ReasonCounters;
import io.steadystate.core.archfixture.SymbolTaggedMetrics;
import org.junit.jupiter.api.Test;

class BoundedStateRuleTest {

    private static JavaClasses classes(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }

    private static String violations(ArchRule rule, JavaClasses classes) {
        return rule.evaluate(classes).getFailureReport().toString();
    }

    @Test
    void rejectsAnUnboundedListField() {
        JavaClasses leaky = classes(LeakyRallyDetector.class);
        assertThatThrownBy(
                        () -> BoundedStateRule.collectionFieldsMustBeBounded().check(leaky))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyRallyDetector.dataCache")
                .hasMessageContaining("can grow with input");
    }

    @Test
    void rejectsACollectionInsideARecordHeldByAStore() {
        JavaClasses book = classes(PriceHistoryBook.class, PriceHistoryBook.PriceHistory.class);
        assertThat(violations(BoundedStateRule.collectionFieldsMustBeBounded(), book))
                .contains("PriceHistoryBook$PriceHistory.prices")
                .contains("a component of a record held by long-lived state");
    }

    @Test
    void leavesRecordsThatNoStateHoldsAlone() {
        // the same record on its own is a message: built once per event, not state
        BoundedStateRule.collectionFieldsMustBeBounded().check(classes(PriceHistoryBook.PriceHistory.class));
    }

    @Test
    void rejectsAnArrayGrownByArraysCopyOf() {
        assertThat(violations(BoundedStateRule.arraysMustNotGrow(), classes(GrowingTickLog.class)))
                .contains("GrowingTickLog.prices is an array reassigned in")
                .contains("GrowingTickLog.onPrice(double)");
    }

    @Test
    void rejectsAnArrayGrownBySystemArraycopy() {
        assertThat(violations(BoundedStateRule.arraysMustNotGrow(), classes(ArraycopyTickLog.class)))
                .contains("ArraycopyTickLog.sizes is an array reassigned in");
    }

    @Test
    void rejectsAThreadLocalField() {
        assertThat(violations(BoundedStateRule.threadLocalsMustBeJustified(), classes(PerThreadScratch.class)))
                .contains("PerThreadScratch.scratch is a ThreadLocal");
    }

    @Test
    void rejectsLibraryTypesThatGrowInside() {
        String report = violations(BoundedStateRule.wrappedCollectionsMustBeBounded(), classes(AuditJournal.class));
        assertThat(report)
                .contains("AuditJournal.journal of type java.lang.StringBuilder wraps growable state")
                .contains("AuditJournal.raw of type java.io.ByteArrayOutputStream wraps growable state")
                .contains("AuditJournal.seen of type java.util.BitSet wraps growable state");
    }

    @Test
    void rejectsMetersTaggedFromInputOutsideStartUp() {
        String report = violations(
                BoundedStateRule.meterRegistrationsMustBeFixedAtStartUp(), classes(SymbolTaggedMetrics.class));
        assertThat(report)
                .contains("SymbolTaggedMetrics.onTick(java.lang.String) calls")
                .contains("SymbolTaggedMetrics.onReject(java.lang.String, java.lang.String) calls")
                .contains("SymbolTaggedMetrics.tagsFor(java.lang.String, java.lang.String) calls Tags.of")
                .contains("outside start-up");
    }

    @Test
    void acceptsMetersRegisteredAtStartUpAndJustifiedOnes() {
        BoundedStateRule.stateMustBeBounded().check(classes(ReasonCounters.class));
    }

    @Test
    void acceptsBoundedPrimitivesAndJustifiedFields() {
        BoundedStateRule.stateMustBeBounded().check(classes(JustifiedMatrix.class, JustifiedMatrix.Quote.class));
    }

    @Test
    void everyCheckIsPartOfWhatTheServicesRun() {
        JavaClasses all = classes(
                LeakyRallyDetector.class,
                PriceHistoryBook.class,
                PriceHistoryBook.PriceHistory.class,
                GrowingTickLog.class,
                PerThreadScratch.class,
                AuditJournal.class,
                SymbolTaggedMetrics.class);
        assertThat(violations(BoundedStateRule.stateMustBeBounded(), all))
                .contains(
                        "LeakyRallyDetector.dataCache",
                        "PriceHistory.prices",
                        "GrowingTickLog.prices",
                        "PerThreadScratch.scratch",
                        "AuditJournal.journal",
                        "SymbolTaggedMetrics.onTick");
    }

    @Test
    void passesOnTradingCoresOwnMainCode() {
        BoundedStateRule.check("io.steadystate.core");
    }

    @Test
    void refusesToPassVacuouslyOnAnEmptyPackage() {
        assertThatThrownBy(() -> BoundedStateRule.check("io.steadystate.nothing.here"))
                .hasMessageContaining("no main classes");
        assertThat(BoundedStateRule.mainClasses("io.steadystate.core")).isNotEmpty();
    }
}
