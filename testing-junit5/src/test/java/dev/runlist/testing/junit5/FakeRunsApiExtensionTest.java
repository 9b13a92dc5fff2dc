package dev.runlist.testing.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.testing.FakeRunsApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The extension's promises: a test and its {@code @BeforeEach} share one fake, each test gets a fresh
 * one (not its class's), closed after it; a constructor or {@code @BeforeAll} parameter is one fake for
 * the whole class, open until all its tests have run.
 */
@ExtendWith(FakeRunsApiExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeRunsApiExtensionTest {

    private static final List<FakeRunsApi> PER_TEST = new ArrayList<>();
    private static FakeRunsApi classFake;

    private final FakeRunsApi constructorFake;
    private FakeRunsApi beforeEachFake;

    FakeRunsApiExtensionTest(FakeRunsApi fake) {
        this.constructorFake = fake;
    }

    @BeforeAll
    static void rememberClassFake(FakeRunsApi fake) {
        classFake = fake;
    }

    @BeforeEach
    void remember(FakeRunsApi fake) {
        beforeEachFake = fake;
    }

    @Test
    @Order(1)
    void aTestAndItsBeforeEachShareOneOpenFake(FakeRunsApi fake) {
        assertThat(fake).isSameAs(beforeEachFake).isNotSameAs(classFake);
        assertThat(constructorFake).isSameAs(classFake);
        assertThat(fake.startHttp()).startsWith("http://127.0.0.1:");
        PER_TEST.add(fake);
    }

    @Test
    @Order(2)
    void theNextTestGetsAFreshFakeAndThePreviousOneIsClosed(FakeRunsApi fake) {
        assertThat(PER_TEST).hasSize(1);
        assertThat(fake).isNotSameAs(PER_TEST.get(0));
        assertThatThrownBy(() -> PER_TEST.get(0).startHttp()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(classFake.startHttp()).as("the class's fake stays open").startsWith("http://127.0.0.1:");
    }

    @AfterAll
    static void theClassFakeIsOpenUntilAfterAll(FakeRunsApi fake) {
        assertThat(fake).isSameAs(classFake);
        assertThat(fake.startHttp()).startsWith("http://127.0.0.1:");
    }
}
