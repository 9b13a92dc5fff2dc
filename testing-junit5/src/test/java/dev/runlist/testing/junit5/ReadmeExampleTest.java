package dev.runlist.testing.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.ListRunsParams;
import dev.runlist.RunsClient;
import dev.runlist.model.Run;
import dev.runlist.testing.FakeRunsApi;
import dev.runlist.testing.Fault;
import dev.runlist.testing.RecordedRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example of README's "Testing your code with runlist-testing" section, kept compiling and passing. */
@ExtendWith(FakeRunsApiExtension.class)
class ReadmeExampleTest {

    @Test
    void retriesARateLimitedPage(FakeRunsApi fake) {
        fake.seedThread("thread_abc", 45, 42L);                          // 45 realistic runs, same every time
        fake.enqueue(Fault.status(429).header("retry-after-ms", "10"));  // the first request is rate limited

        try (RunsClient client = RunsClient.builder()
                .apiKey(FakeRunsApi.DEFAULT_API_KEY)
                .transport(fake.transport())          // or .baseUrl(fake.baseUrl()) with any HTTP transport
                .build()) {
            List<Run> runs = client.listAll("thread_abc", ListRunsParams.builder().limit(20).build())
                    .stream().collect(Collectors.toList());
            assertThat(runs).hasSize(45);
        }

        assertThat(fake.requestCount()).isEqualTo(4);                    // the 429, then 3 pages
        RecordedRequest rateLimited = fake.takeRequest();
        RecordedRequest retry = fake.takeRequest();
        assertThat(retry.requestLine()).isEqualTo(rateLimited.requestLine());
        assertThat(retry.queryParam("limit")).contains("20");
        assertThat(fake.takeRequest().queryParam("after")).isPresent();
    }
}
