package dev.runlist.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run on a thread ({@code thread.run}), with every field the API documents. Immutable and
 * thread-safe; build one with {@link #builder()} or change a copy with {@link #toBuilder()}.
 *
 * <p>{@link #id()}, {@link #object()}, {@link #createdAt()}, {@link #threadId()}, {@link
 * #assistantId()}, {@link #status()}, {@link #model()}, {@link #tools()} and {@link
 * #additionalProperties()} are never null; every other accessor returns null when the API sent null
 * or did not send the field. Timestamps are whole seconds on the wire; a sub-second part set through
 * the builder is not written by {@code RunsJson}.
 */
public final class Run {

    private final String id;
    private final String object;
    private final Instant createdAt;
    private final String threadId;
    private final String assistantId;
    private final RunStatus status;
    private final RequiredAction requiredAction;
    private final LastError lastError;
    private final Instant expiresAt;
    private final Instant startedAt;
    private final Instant cancelledAt;
    private final Instant failedAt;
    private final Instant completedAt;
    private final IncompleteDetails incompleteDetails;
    private final String model;
    private final String instructions;
    private final List<Tool> tools;
    private final ToolResources toolResources;
    private final Map<String, String> metadata;
    private final Usage usage;
    private final Double temperature;
    private final Double topP;
    private final Integer maxPromptTokens;
    private final Integer maxCompletionTokens;
    private final TruncationStrategy truncationStrategy;
    private final ToolChoice toolChoice;
    private final Boolean parallelToolCalls;
    private final ResponseFormat responseFormat;
    private final Map<String, JsonValue> additionalProperties;

    private Run(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.object = Objects.requireNonNullElse(b.object, "thread.run");
        this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
        this.threadId = Objects.requireNonNull(b.threadId, "threadId");
        this.assistantId = Objects.requireNonNull(b.assistantId, "assistantId");
        this.status = Objects.requireNonNull(b.status, "status");
        this.requiredAction = b.requiredAction;
        this.lastError = b.lastError;
        this.expiresAt = b.expiresAt;
        this.startedAt = b.startedAt;
        this.cancelledAt = b.cancelledAt;
        this.failedAt = b.failedAt;
        this.completedAt = b.completedAt;
        this.incompleteDetails = b.incompleteDetails;
        this.model = Objects.requireNonNull(b.model, "model");
        this.instructions = b.instructions;
        this.tools = Copies.list(b.tools);
        this.toolResources = b.toolResources;
        this.metadata = Copies.nullableMap(b.metadata);
        this.usage = b.usage;
        this.temperature = b.temperature;
        this.topP = b.topP;
        this.maxPromptTokens = b.maxPromptTokens;
        this.maxCompletionTokens = b.maxCompletionTokens;
        this.truncationStrategy = b.truncationStrategy;
        this.toolChoice = b.toolChoice;
        this.parallelToolCalls = b.parallelToolCalls;
        this.responseFormat = b.responseFormat;
        this.additionalProperties = Copies.map(b.additionalProperties);
    }

    /** A builder with nothing set: {@code object} defaults to {@code "thread.run"}, tools to empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this run's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.object = object;
        b.createdAt = createdAt;
        b.threadId = threadId;
        b.assistantId = assistantId;
        b.status = status;
        b.requiredAction = requiredAction;
        b.lastError = lastError;
        b.expiresAt = expiresAt;
        b.startedAt = startedAt;
        b.cancelledAt = cancelledAt;
        b.failedAt = failedAt;
        b.completedAt = completedAt;
        b.incompleteDetails = incompleteDetails;
        b.model = model;
        b.instructions = instructions;
        b.tools = tools;
        b.toolResources = toolResources;
        b.metadata = metadata;
        b.usage = usage;
        b.temperature = temperature;
        b.topP = topP;
        b.maxPromptTokens = maxPromptTokens;
        b.maxCompletionTokens = maxCompletionTokens;
        b.truncationStrategy = truncationStrategy;
        b.toolChoice = toolChoice;
        b.parallelToolCalls = parallelToolCalls;
        b.responseFormat = responseFormat;
        b.additionalProperties = additionalProperties;
        return b;
    }

    /** The run's identifier, such as {@code run_abc123}. */
    public String id() {
        return id;
    }

    /** The object type as sent; always {@code "thread.run"} today (the default when not sent). */
    public String object() {
        return object;
    }

    /** When the run was created (whole seconds). */
    public Instant createdAt() {
        return createdAt;
    }

    /** The thread the run executed on. */
    public String threadId() {
        return threadId;
    }

    /** The assistant used for the run. */
    public String assistantId() {
        return assistantId;
    }

    /** The run's status. */
    public RunStatus status() {
        return status;
    }

    /** What the run needs to continue, or null when no action is required. */
    public RequiredAction requiredAction() {
        return requiredAction;
    }

    /** The run's last error, or null when there was none. */
    public LastError lastError() {
        return lastError;
    }

    /** When the run expires, or null when it does not (any more). */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** When the run started, or null when it has not. */
    public Instant startedAt() {
        return startedAt;
    }

    /** When the run was cancelled, or null when it was not. */
    public Instant cancelledAt() {
        return cancelledAt;
    }

    /** When the run failed, or null when it did not. */
    public Instant failedAt() {
        return failedAt;
    }

    /** When the run completed, or null when it has not. */
    public Instant completedAt() {
        return completedAt;
    }

    /** Why the run is incomplete, or null when it is not. */
    public IncompleteDetails incompleteDetails() {
        return incompleteDetails;
    }

    /** The model the assistant used, such as {@code gpt-4o}. */
    public String model() {
        return model;
    }

    /** The instructions the assistant used, or null when none were sent (the API does send null). */
    public String instructions() {
        return instructions;
    }

    /** The tools the assistant used; empty when none, never null. */
    public List<Tool> tools() {
        return tools;
    }

    /** Resources for the tools, or null when not sent. */
    public ToolResources toolResources() {
        return toolResources;
    }

    /** The run's metadata in the order sent, or null when the API sent null or nothing. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Token usage, or null while the run is not in a terminal state. */
    public Usage usage() {
        return usage;
    }

    /** The sampling temperature, or null when not sent. */
    public Double temperature() {
        return temperature;
    }

    /** The nucleus sampling value, or null when not sent. */
    public Double topP() {
        return topP;
    }

    /** The prompt token limit, or null when none was set. */
    public Integer maxPromptTokens() {
        return maxPromptTokens;
    }

    /** The completion token limit, or null when none was set. */
    public Integer maxCompletionTokens() {
        return maxCompletionTokens;
    }

    /** How the thread was truncated, or null when not sent. */
    public TruncationStrategy truncationStrategy() {
        return truncationStrategy;
    }

    /** Which tool the model was told to call, or null when not sent. */
    public ToolChoice toolChoice() {
        return toolChoice;
    }

    /** Whether parallel function calling was enabled, or null when not sent. */
    public Boolean parallelToolCalls() {
        return parallelToolCalls;
    }

    /** The output format the model was told to use, or null when not sent. */
    public ResponseFormat responseFormat() {
        return responseFormat;
    }

    /** The fields this version does not know, in the order sent; empty when none, never null. */
    public Map<String, JsonValue> additionalProperties() {
        return additionalProperties;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Run)) {
            return false;
        }
        Run r = (Run) o;
        return Objects.equals(id, r.id)
                && Objects.equals(object, r.object)
                && Objects.equals(createdAt, r.createdAt)
                && Objects.equals(threadId, r.threadId)
                && Objects.equals(assistantId, r.assistantId)
                && Objects.equals(status, r.status)
                && Objects.equals(requiredAction, r.requiredAction)
                && Objects.equals(lastError, r.lastError)
                && Objects.equals(expiresAt, r.expiresAt)
                && Objects.equals(startedAt, r.startedAt)
                && Objects.equals(cancelledAt, r.cancelledAt)
                && Objects.equals(failedAt, r.failedAt)
                && Objects.equals(completedAt, r.completedAt)
                && Objects.equals(incompleteDetails, r.incompleteDetails)
                && Objects.equals(model, r.model)
                && Objects.equals(instructions, r.instructions)
                && Objects.equals(tools, r.tools)
                && Objects.equals(toolResources, r.toolResources)
                && Objects.equals(metadata, r.metadata)
                && Objects.equals(usage, r.usage)
                && Objects.equals(temperature, r.temperature)
                && Objects.equals(topP, r.topP)
                && Objects.equals(maxPromptTokens, r.maxPromptTokens)
                && Objects.equals(maxCompletionTokens, r.maxCompletionTokens)
                && Objects.equals(truncationStrategy, r.truncationStrategy)
                && Objects.equals(toolChoice, r.toolChoice)
                && Objects.equals(parallelToolCalls, r.parallelToolCalls)
                && Objects.equals(responseFormat, r.responseFormat)
                && Objects.equals(additionalProperties, r.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                object,
                createdAt,
                threadId,
                assistantId,
                status,
                requiredAction,
                lastError,
                expiresAt,
                startedAt,
                cancelledAt,
                failedAt,
                completedAt,
                incompleteDetails,
                model,
                instructions,
                tools,
                toolResources,
                metadata,
                usage,
                temperature,
                topP,
                maxPromptTokens,
                maxCompletionTokens,
                truncationStrategy,
                toolChoice,
                parallelToolCalls,
                responseFormat,
                additionalProperties);
    }

    /** A short description: id, status, creation time and model. */
    @Override
    public String toString() {
        return "Run{id=" + id + ", status=" + status + ", createdAt=" + createdAt + ", model=" + model + "}";
    }

    /**
     * Collects a run's values. Not thread-safe. {@link #build()} requires id, createdAt, threadId,
     * assistantId, status and model.
     */
    public static final class Builder {

        private String id;
        private String object = "thread.run";
        private Instant createdAt;
        private String threadId;
        private String assistantId;
        private RunStatus status;
        private RequiredAction requiredAction;
        private LastError lastError;
        private Instant expiresAt;
        private Instant startedAt;
        private Instant cancelledAt;
        private Instant failedAt;
        private Instant completedAt;
        private IncompleteDetails incompleteDetails;
        private String model;
        private String instructions;
        private List<Tool> tools = List.of();
        private ToolResources toolResources;
        private Map<String, String> metadata;
        private Usage usage;
        private Double temperature;
        private Double topP;
        private Integer maxPromptTokens;
        private Integer maxCompletionTokens;
        private TruncationStrategy truncationStrategy;
        private ToolChoice toolChoice;
        private Boolean parallelToolCalls;
        private ResponseFormat responseFormat;
        private Map<String, JsonValue> additionalProperties = Map.of();

        private Builder() {}

        /** Sets {@link Run#id()}. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets {@link Run#object()}. Null means {@code "thread.run"}. */
        public Builder object(String object) {
            this.object = object;
            return this;
        }

        /** Sets {@link Run#createdAt()}. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@link Run#threadId()}. */
        public Builder threadId(String threadId) {
            this.threadId = threadId;
            return this;
        }

        /** Sets {@link Run#assistantId()}. */
        public Builder assistantId(String assistantId) {
            this.assistantId = assistantId;
            return this;
        }

        /** Sets {@link Run#status()}. */
        public Builder status(RunStatus status) {
            this.status = status;
            return this;
        }

        /** Sets {@link Run#requiredAction()}. */
        public Builder requiredAction(RequiredAction requiredAction) {
            this.requiredAction = requiredAction;
            return this;
        }

        /** Sets {@link Run#lastError()}. */
        public Builder lastError(LastError lastError) {
            this.lastError = lastError;
            return this;
        }

        /** Sets {@link Run#expiresAt()}. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Sets {@link Run#startedAt()}. */
        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /** Sets {@link Run#cancelledAt()}. */
        public Builder cancelledAt(Instant cancelledAt) {
            this.cancelledAt = cancelledAt;
            return this;
        }

        /** Sets {@link Run#failedAt()}. */
        public Builder failedAt(Instant failedAt) {
            this.failedAt = failedAt;
            return this;
        }

        /** Sets {@link Run#completedAt()}. */
        public Builder completedAt(Instant completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /** Sets {@link Run#incompleteDetails()}. */
        public Builder incompleteDetails(IncompleteDetails incompleteDetails) {
            this.incompleteDetails = incompleteDetails;
            return this;
        }

        /** Sets {@link Run#model()}. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Sets {@link Run#instructions()}. */
        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        /** Sets {@link Run#tools()}. Null means empty; the list is copied. */
        public Builder tools(List<Tool> tools) {
            this.tools = tools;
            return this;
        }

        /** Sets {@link Run#toolResources()}. */
        public Builder toolResources(ToolResources toolResources) {
            this.toolResources = toolResources;
            return this;
        }

        /** Sets {@link Run#metadata()}. The map is copied, keeping its order. */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata = metadata;
            return this;
        }

        /** Sets {@link Run#usage()}. */
        public Builder usage(Usage usage) {
            this.usage = usage;
            return this;
        }

        /** Sets {@link Run#temperature()}. */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Sets {@link Run#topP()}. */
        public Builder topP(Double topP) {
            this.topP = topP;
            return this;
        }

        /** Sets {@link Run#maxPromptTokens()}. */
        public Builder maxPromptTokens(Integer maxPromptTokens) {
            this.maxPromptTokens = maxPromptTokens;
            return this;
        }

        /** Sets {@link Run#maxCompletionTokens()}. */
        public Builder maxCompletionTokens(Integer maxCompletionTokens) {
            this.maxCompletionTokens = maxCompletionTokens;
            return this;
        }

        /** Sets {@link Run#truncationStrategy()}. */
        public Builder truncationStrategy(TruncationStrategy truncationStrategy) {
            this.truncationStrategy = truncationStrategy;
            return this;
        }

        /** Sets {@link Run#toolChoice()}. */
        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /** Sets {@link Run#parallelToolCalls()}. */
        public Builder parallelToolCalls(Boolean parallelToolCalls) {
            this.parallelToolCalls = parallelToolCalls;
            return this;
        }

        /** Sets {@link Run#responseFormat()}. */
        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        /** Sets {@link Run#additionalProperties()}. Null means none; the map is copied, keeping its order. */
        public Builder additionalProperties(Map<String, JsonValue> additionalProperties) {
            this.additionalProperties = additionalProperties;
            return this;
        }

        /**
         * The run.
         *
         * @throws NullPointerException when a required value (id, createdAt, threadId, assistantId,
         *     status, model) is missing, or a list or map holds null
         */
        public Run build() {
            return new Run(this);
        }
    }
}
