package dev.runlist.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The faults still to deliver: rules ({@code failWhen}) checked first, in the order added, then the
 * queue ({@code enqueue}, {@code failNext}). Each entry is used once; a rule whose count is used up
 * is dropped. With nothing scripted the fake answers normally, never repeating an old fault.
 * Thread-safe.
 */
final class FaultScript {

    private static final class Rule {
        final Predicate<RecordedRequest> when;
        final Fault fault;
        int remaining;

        Rule(Predicate<RecordedRequest> when, Fault fault, int remaining) {
            this.when = when;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Deque<Fault> queue = new ArrayDeque<>();
    private final List<Rule> rules = new ArrayList<>();

    synchronized void enqueue(Fault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
    }

    synchronized void addRule(Predicate<RecordedRequest> when, Fault fault, int times) {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        rules.add(new Rule(when, fault, times));
    }

    /** The fault for {@code request}, consuming it; null when nothing scripted applies. */
    synchronized Fault next(RecordedRequest request) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.when.test(request)) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return rule.fault;
            }
        }
        return queue.pollFirst();
    }

    synchronized int pending() {
        int n = queue.size();
        for (Rule r : rules) {
            n += r.remaining;
        }
        return n;
    }

    synchronized void clear() {
        queue.clear();
        rules.clear();
    }
}
