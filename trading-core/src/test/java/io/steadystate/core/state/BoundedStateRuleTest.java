package io.steadystate.core.state;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.steadystate.core.archfixture.JustifiedMatrix;
import io.steadystate.core.archfixture.LeakyRallyDetector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedStateRuleTest {

    @Test
    void rejectsAnUnboundedListField() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyRallyDetector.class);
        assertThatThrownBy(() -> BoundedStateRule.collectionFieldsMustBeBounded().check(leaky))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyRallyDetector.dataCache")
                .hasMessageContaining("can grow with input");
    }

    @Test
    void acceptsBoundedPrimitivesAndJustifiedFields() {
        JavaClasses fine = new ClassFileImporter().importClasses(JustifiedMatrix.class);
        BoundedStateRule.collectionFieldsMustBeBounded().check(fine);
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
