package dev.runlist.testing.junit5;

import dev.runlist.testing.FakeRunsApi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a fresh {@link FakeRunsApi} (defaults of {@link FakeRunsApi#create()}) as a parameter
 * and closes it afterwards. Use {@code @ExtendWith(FakeRunsApiExtension.class)} or
 * {@code @RegisterExtension}. A test method and its {@code @BeforeEach}/{@code @AfterEach} methods
 * share one fake, closed after the test; a constructor or {@code @BeforeAll} parameter gets one fake
 * for the whole class, closed after all its tests, and never handed to a test method. Stateless and
 * thread-safe.
 */
public final class FakeRunsApiExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FakeRunsApiExtension.class);

    /** Creates the extension; it has no settings. */
    public FakeRunsApiExtension() {}

    /** True for parameters of type {@link FakeRunsApi}. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakeRunsApi.class;
    }

    /** The fake of the current test (or class), created on first use. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // Keyed by the context's own id: a store also answers with its parents' values, and a test
        // must not be handed the fake of its class.
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(context.getUniqueId(), k -> FakeRunsApi.create(), FakeRunsApi.class);
    }

    /** Closes the current test's fake, if one was made. */
    @Override
    public void afterEach(ExtensionContext context) {
        closeIn(context);
    }

    /** Closes the class's fake, if one was made. */
    @Override
    public void afterAll(ExtensionContext context) {
        closeIn(context);
    }

    private static void closeIn(ExtensionContext context) {
        FakeRunsApi fake = context.getStore(NAMESPACE).remove(context.getUniqueId(), FakeRunsApi.class);
        if (fake != null) {
            fake.close();
        }
    }
}
