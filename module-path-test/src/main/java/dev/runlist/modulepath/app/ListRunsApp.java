package dev.runlist.modulepath.app;

import dev.runlist.ListRunsParams;
import dev.runlist.RunsClient;
import dev.runlist.model.Run;
import dev.runlist.spi.TransportProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Lists every run of a thread and reports what it used, one {@code name: value} line each:
 * {@code module} (the module runlist was loaded as), {@code providers} (the transport providers
 * {@link ServiceLoader} found), {@code transport} (the class the client chose), {@code runs}, and
 * {@code first}/{@code last} ids. Select the transport with {@code -Drunlist.transport=jdk|apache}.
 */
public final class ListRunsApp {

    private ListRunsApp() {}

    /**
     * Lists the runs.
     *
     * @param args the base URL, the API key and the thread id
     */
    public static void main(String[] args) {
        List<String> providers = ServiceLoader.load(TransportProvider.class).stream()
                .map(p -> p.get().name()).sorted().collect(Collectors.toList());
        System.out.println("module: " + RunsClient.class.getModule().getName());
        System.out.println("providers: " + String.join(", ", providers));
        try (RunsClient client = RunsClient.builder().baseUrl(args[0]).apiKey(args[1]).build()) {
            System.out.println("transport: " + client.toString().replaceAll(".*transport=([^,\\]]+).*", "$1"));
            List<String> ids = new ArrayList<>();
            for (Run run : client.listAll(args[2], ListRunsParams.builder().limit(20).build())) {
                ids.add(run.id());
            }
            System.out.println("runs: " + ids.size());
            System.out.println("first: " + ids.get(0));
            System.out.println("last: " + ids.get(ids.size() - 1));
        }
    }
}
