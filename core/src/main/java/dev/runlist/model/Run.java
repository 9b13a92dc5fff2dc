package dev.runlist.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
    private final @Nullable RequiredAction requiredAction;
    private final @Nullable LastError lastError;
    private final @Nullable Instant expiresAt;
    private final @Nullable Instant startedAt;
    private final @Nullable Instant cancelledAt;
    private final @Nullable Instant failedAt;
    private final @Nullable Instant completedAt;
    private final @Nullable IncompleteDetails incompleteDetails;
    private final String model;
    private final @Nullable String instructions;
    private final List<Tool> tools;
    private final @Nullable ToolResources toolResources;
    private final @Nullable Map<String, String> metadata;
    private final @Nullable Usage usage;
    private final @Nullable Double temperature;
    private final @Nullable Double topP;
    private final @Nullable Integer maxPromptTokens;
    private final @Nullable Integer maxCompletionTokens;
    private final @Nullable TruncationStrategy truncationStrategy;
    private final @Nullable ToolChoice toolChoice;
    private final @Nullable Boolean parallelToolCalls;
    private final @Nullable ResponseFormat responseFormat;
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

    /** {@return a builder with nothing set: {@code object} defaults to {@code "thread.run"}, tools to empty} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this run's values} */
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

    /** {@return the run's identifier, such as {@code run_abc123}} */
    public String id() {
        return id;
    }

    /** {@return the object type as sent; always {@code "thread.run"} today (the default when not sent)} */
    public String object() {
        return object;
    }

    /** {@return when the run was created (whole seconds)} */
    public Instant createdAt() {
        return createdAt;
    }

    /** {@return the thread the run executed on} */
    public String threadId() {
        return threadId;
    }

    /** {@return the assistant used for the run} */
    public String assistantId() {
        return assistantId;
    }

    /** {@return the run's status} */
    public RunStatus status() {
        return status;
    }

    /** {@return what the run needs to continue, or null when no action is required} */
    public @Nullable RequiredAction requiredAction() {
        return requiredAction;
    }

    /** {@return the run's last error, or null when there was none} */
    public @Nullable LastError lastError() {
        return lastError;
    }

    /** {@return when the run expires, or null when it does not (any more)} */
    public @Nullable Instant expiresAt() {
        return expiresAt;
    }

    /** {@return when the run started, or null when it has not} */
    public @Nullable Instant startedAt() {
        return startedAt;
    }

    /** {@return when the run was cancelled, or null when it was not} */
    public @Nullable Instant cancelledAt() {
        return cancelledAt;
    }

    /** {@return when the run failed, or null when it did not} */
    public @Nullable Instant failedAt() {
        return failedAt;
    }

    /** {@return when the run completed, or null when it has not} */
    public @Nullable Instant completedAt() {
        return completedAt;
    }

    /** {@return why the run is incomplete, or null when it is not} */
    public @Nullable IncompleteDetails incompleteDetails() {
        return incompleteDetails;
    }

    /** {@return the model the assistant used, such as {@code gpt-4o}} */
    public String model() {
        return model;
    }

    /** {@return the instructions the assistant used, or null when none were sent (the API does send null)} */
    public @Nullable String instructions() {
        return instructions;
    }

    /** {@return the tools the assistant used; empty when none, never null} */
    public List<Tool> tools() {
        return tools;
    }

    /** {@return resources for the tools, or null when not sent} */
    public @Nullable ToolResources toolResources() {
        return toolResources;
    }

    /** {@return the run's metadata in the order sent, or null when the API sent null or nothing} */
    public @Nullable Map<String, String> metadata() {
        return metadata;
    }

    /**
     * The tokens the run used, or null while the run has not ended: the API sends usage only once the
     * status is terminal ({@link RunStatus#isTerminal()}), and null for queued, in-progress,
     * requires-action and cancelling runs.
     *
     * @return the usage, or null while the run has not ended
     */
    public @Nullable Usage usage() {
        return usage;
    }

    /** {@return the sampling temperature, or null when not sent} */
    public @Nullable Double temperature() {
        return temperature;
    }

    /** {@return the nucleus sampling value, or null when not sent} */
    public @Nullable Double topP() {
        return topP;
    }

    /** {@return the prompt token limit, or null when none was set} */
    public @Nullable Integer maxPromptTokens() {
        return maxPromptTokens;
    }

    /** {@return the completion token limit, or null when none was set} */
    public @Nullable Integer maxCompletionTokens() {
        return maxCompletionTokens;
    }

    /** {@return how the thread was truncated, or null when not sent} */
    public @Nullable TruncationStrategy truncationStrategy() {
        return truncationStrategy;
    }

    /** {@return which tool the model was told to call, or null when not sent} */
    public @Nullable ToolChoice toolChoice() {
        return toolChoice;
    }

    /** {@return whether parallel function calling was enabled, or null when not sent} */
    public @Nullable Boolean parallelToolCalls() {
        return parallelToolCalls;
    }

    /** {@return the output format the model was told to use, or null when not sent} */
    public @Nullable ResponseFormat responseFormat() {
        return responseFormat;
    }

    /** {@return the fields this version does not know, in the order sent; empty when none, never null} */
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

        private @Nullable String id;
        private @Nullable String object = "thread.run";
        private @Nullable Instant createdAt;
        private @Nullable String threadId;
        private @Nullable String assistantId;
        private @Nullable RunStatus status;
        private @Nullable RequiredAction requiredAction;
        private @Nullable LastError lastError;
        private @Nullable Instant expiresAt;
        private @Nullable Instant startedAt;
        private @Nullable Instant cancelledAt;
        private @Nullable Instant failedAt;
        private @Nullable Instant completedAt;
        private @Nullable IncompleteDetails incompleteDetails;
        private @Nullable String model;
        private @Nullable String instructions;
        private @Nullable List<Tool> tools = List.of();
        private @Nullable ToolResources toolResources;
        private @Nullable Map<String, String> metadata;
        private @Nullable Usage usage;
        private @Nullable Double temperature;
        private @Nullable Double topP;
        private @Nullable Integer maxPromptTokens;
        private @Nullable Integer maxCompletionTokens;
        private @Nullable TruncationStrategy truncationStrategy;
        private @Nullable ToolChoice toolChoice;
        private @Nullable Boolean parallelToolCalls;
        private @Nullable ResponseFormat responseFormat;
        private @Nullable Map<String, JsonValue> additionalProperties = Map.of();

        private Builder() {}

        /**
         * Sets {@link Run#id()}.
         *
         * @param id {@code id}
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets {@link Run#object()}. Null means {@code "thread.run"}.
         *
         * @param object {@code object}
         * @return this builder
         */
        public Builder object(@Nullable String object) {
            this.object = object;
            return this;
        }

        /**
         * Sets {@link Run#createdAt()}.
         *
         * @param createdAt {@code created_at}
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets {@link Run#threadId()}.
         *
         * @param threadId {@code thread_id}
         * @return this builder
         */
        public Builder threadId(String threadId) {
            this.threadId = threadId;
            return this;
        }

        /**
         * Sets {@link Run#assistantId()}.
         *
         * @param assistantId {@code assistant_id}
         * @return this builder
         */
        public Builder assistantId(String assistantId) {
            this.assistantId = assistantId;
            return this;
        }

        /**
         * Sets {@link Run#status()}.
         *
         * @param status {@code status}
         * @return this builder
         */
        public Builder status(RunStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Sets {@link Run#requiredAction()}.
         *
         * @param requiredAction {@code required_action}
         * @return this builder
         */
        public Builder requiredAction(@Nullable RequiredAction requiredAction) {
            this.requiredAction = requiredAction;
            return this;
        }

        /**
         * Sets {@link Run#lastError()}.
         *
         * @param lastError {@code last_error}
         * @return this builder
         */
        public Builder lastError(@Nullable LastError lastError) {
            this.lastError = lastError;
            return this;
        }

        /**
         * Sets {@link Run#expiresAt()}.
         *
         * @param expiresAt {@code expires_at}
         * @return this builder
         */
        public Builder expiresAt(@Nullable Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /**
         * Sets {@link Run#startedAt()}.
         *
         * @param startedAt {@code started_at}
         * @return this builder
         */
        public Builder startedAt(@Nullable Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /**
         * Sets {@link Run#cancelledAt()}.
         *
         * @param cancelledAt {@code cancelled_at}
         * @return this builder
         */
        public Builder cancelledAt(@Nullable Instant cancelledAt) {
            this.cancelledAt = cancelledAt;
            return this;
        }

        /**
         * Sets {@link Run#failedAt()}.
         *
         * @param failedAt {@code failed_at}
         * @return this builder
         */
        public Builder failedAt(@Nullable Instant failedAt) {
            this.failedAt = failedAt;
            return this;
        }

        /**
         * Sets {@link Run#completedAt()}.
         *
         * @param completedAt {@code completed_at}
         * @return this builder
         */
        public Builder completedAt(@Nullable Instant completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /**
         * Sets {@link Run#incompleteDetails()}.
         *
         * @param incompleteDetails {@code incomplete_details}
         * @return this builder
         */
        public Builder incompleteDetails(@Nullable IncompleteDetails incompleteDetails) {
            this.incompleteDetails = incompleteDetails;
            return this;
        }

        /**
         * Sets {@link Run#model()}.
         *
         * @param model {@code model}
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Sets {@link Run#instructions()}.
         *
         * @param instructions {@code instructions}
         * @return this builder
         */
        public Builder instructions(@Nullable String instructions) {
            this.instructions = instructions;
            return this;
        }

        /**
         * Sets {@link Run#tools()}. Null means empty; the list is copied.
         *
         * @param tools {@code tools}
         * @return this builder
         */
        public Builder tools(@Nullable List<Tool> tools) {
            this.tools = tools;
            return this;
        }

        /**
         * Sets {@link Run#toolResources()}.
         *
         * @param toolResources {@code tool_resources}
         * @return this builder
         */
        public Builder toolResources(@Nullable ToolResources toolResources) {
            this.toolResources = toolResources;
            return this;
        }

        /**
         * Sets {@link Run#metadata()}. The map is copied, keeping its order.
         *
         * @param metadata {@code metadata}
         * @return this builder
         */
        public Builder metadata(@Nullable Map<String, String> metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * Sets {@link Run#usage()}.
         *
         * @param usage {@code usage}
         * @return this builder
         */
        public Builder usage(@Nullable Usage usage) {
            this.usage = usage;
            return this;
        }

        /**
         * Sets {@link Run#temperature()}.
         *
         * @param temperature {@code temperature}
         * @return this builder
         */
        public Builder temperature(@Nullable Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Sets {@link Run#topP()}.
         *
         * @param topP {@code top_p}
         * @return this builder
         */
        public Builder topP(@Nullable Double topP) {
            this.topP = topP;
            return this;
        }

        /**
         * Sets {@link Run#maxPromptTokens()}.
         *
         * @param maxPromptTokens {@code max_prompt_tokens}
         * @return this builder
         */
        public Builder maxPromptTokens(@Nullable Integer maxPromptTokens) {
            this.maxPromptTokens = maxPromptTokens;
            return this;
        }

        /**
         * Sets {@link Run#maxCompletionTokens()}.
         *
         * @param maxCompletionTokens {@code max_completion_tokens}
         * @return this builder
         */
        public Builder maxCompletionTokens(@Nullable Integer maxCompletionTokens) {
            this.maxCompletionTokens = maxCompletionTokens;
            return this;
        }

        /**
         * Sets {@link Run#truncationStrategy()}.
         *
         * @param truncationStrategy {@code truncation_strategy}
         * @return this builder
         */
        public Builder truncationStrategy(@Nullable TruncationStrategy truncationStrategy) {
            this.truncationStrategy = truncationStrategy;
            return this;
        }

        /**
         * Sets {@link Run#toolChoice()}.
         *
         * @param toolChoice {@code tool_choice}
         * @return this builder
         */
        public Builder toolChoice(@Nullable ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /**
         * Sets {@link Run#parallelToolCalls()}.
         *
         * @param parallelToolCalls {@code parallel_tool_calls}
         * @return this builder
         */
        public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
            this.parallelToolCalls = parallelToolCalls;
            return this;
        }

        /**
         * Sets {@link Run#responseFormat()}.
         *
         * @param responseFormat {@code response_format}
         * @return this builder
         */
        public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        /**
         * Sets {@link Run#additionalProperties()}. Null means none; the map is copied, keeping its order.
         *
         * @param additionalProperties the fields this version does not know, kept as sent
         * @return this builder
         */
        public Builder additionalProperties(@Nullable Map<String, JsonValue> additionalProperties) {
            this.additionalProperties = additionalProperties;
            return this;
        }

        /**
         * The run.
         *
         * @return the run
         * @throws NullPointerException when a required value (id, createdAt, threadId, assistantId,
         *     status, model) is missing, or a list or map holds null
         */
        public Run build() {
            return new Run(this);
        }
    }
}
