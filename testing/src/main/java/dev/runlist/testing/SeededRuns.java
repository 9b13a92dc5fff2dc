package dev.runlist.testing;

import dev.runlist.model.Run;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A batch of {@code size} generated runs, oldest first, each made on demand from the batch's seed
 * and its index, so a thread of a million runs takes no memory. The index order is the API's
 * ascending order ({@code created_at}, then id): {@code created_at} never falls as the index grows,
 * about one run in four shares its second with the one before, and runs sharing a second take
 * their ids in ascending order. Each id encodes its index, so {@link #indexOfId} finds a run
 * without a search. The newest run was created {@link RunFixtures#NEWEST_AGE_SECONDS} before
 * {@code anchor}.
 * Immutable and thread-safe; {@link #get} builds a new, equal run on every call.
 */
final class SeededRuns extends AbstractList<Run> implements RandomAccess {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String PREFIX = "run_";
    /** Base-62 digits that encode an index: 62^11 exceeds 2^64. */
    private static final int INDEX_DIGITS = 11;
    private static final int ID_DIGITS = 24;
    /** Seconds between the starts of consecutive seconds-slots, before jitter. */
    private static final int STEP = 30;
    /** A second shared by several runs holds at most this many. */
    private static final int MAX_TIE = 4;
    private static final long M1 = 0xff51afd7ed558ccdL;
    private static final long M2 = 0xc4ceb9fe1a85ec53L;
    private static final long M1_INVERSE = inverse(M1);
    private static final long M2_INVERSE = inverse(M2);

    private final String threadId;
    private final int size;
    private final long seed;
    /** Added to an index before it is scrambled into an id. */
    private final long idKey;
    /** {@code created_at} of slot 0: the newest run lands {@link RunFixtures#NEWEST_AGE_SECONDS} before the anchor. */
    private final long origin;

    /**
     * @throws IllegalArgumentException when {@code size} is negative
     * @throws NullPointerException when {@code threadId} or {@code anchor} is null
     */
    SeededRuns(String threadId, int size, long seed, Instant anchor) {
        this.threadId = Objects.requireNonNull(threadId, "threadId");
        if (size < 0) {
            throw new IllegalArgumentException("count must be 0 or more, was " + size);
        }
        this.size = size;
        this.seed = seed;
        this.idKey = mix(seed ^ 0x5DEECE66DL);
        long newest = anchor.getEpochSecond() - RunFixtures.NEWEST_AGE_SECONDS;
        this.origin = size == 0 ? newest : newest - offset(slot(size - 1));
    }

    String threadId() {
        return threadId;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Run get(int index) {
        Objects.checkIndex(index, size);
        return RunFixtures.generate(threadId, id(index), createdAt(index), index, null, seed);
    }

    /** The place of the run at {@code index}, without generating the run. */
    RunKey key(int index) {
        Objects.checkIndex(index, size);
        return new RunKey(createdAt(index), id(index));
    }

    /** The index of the run with {@code id}, or -1 when this batch holds none. */
    int indexOfId(String id) {
        long raw = decode(id);
        if (raw < 0 || raw >= size) {
            return -1;
        }
        int first = slot((int) raw);
        String[] ids = groupIds(first);
        int at = Arrays.binarySearch(ids, id);
        return at < 0 ? -1 : first + at;
    }

    @Override
    public int indexOf(Object o) {
        if (!(o instanceof Run)) {
            return -1;
        }
        Run run = (Run) o;
        int i = indexOfId(run.id());
        return i >= 0 && get(i).equals(run) ? i : -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /** The first index whose key is greater than {@code key} ({@link #size()} when none). */
    int firstAfter(RunKey key) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key(mid).compareTo(key) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose key is at least {@code key} ({@link #size()} when none). */
    int firstAtOrAfter(RunKey key) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key(mid).compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ------------------------------------------------------------------ layout

    private long createdAt(int index) {
        return origin + offset(slot(index));
    }

    /** Seconds after {@link #origin} of slot {@code s}: strictly rising, 1 to 59 s apart. */
    private long offset(int s) {
        return (long) STEP * s + Math.floorMod(mix(seed + 31L * s), STEP);
    }

    /** Whether the run at {@code index} shares its second with the one before (never at a multiple of 4). */
    private boolean tied(int index) {
        return index % MAX_TIE != 0 && Math.floorMod(mix(seed * 7 + index), 3) == 0;
    }

    /** The first index of the group of runs sharing the second of {@code index}. */
    private int slot(int index) {
        int s = index;
        while (tied(s)) {
            s--;
        }
        return s;
    }

    /** The id of the run at {@code index}: the group's raw ids sorted, so ids rise with the index. */
    private String id(int index) {
        int first = slot(index);
        return groupIds(first)[index - first];
    }

    /** The sorted raw ids of the group starting at {@code first}. */
    private String[] groupIds(int first) {
        int end = first + 1;
        while (end < size && tied(end)) {
            end++;
        }
        String[] ids = new String[end - first];
        for (int i = first; i < end; i++) {
            ids[i - first] = rawId(i);
        }
        Arrays.sort(ids);
        return ids;
    }

    private String rawId(int raw) {
        return rawId(seed, idKey, raw);
    }

    /** The id generated for raw index {@code raw} of the batch seeded with {@code seed}. */
    static String rawId(long seed, int raw) {
        return rawId(seed, mix(seed ^ 0x5DEECE66DL), raw);
    }

    // ------------------------------------------------------------------ ids

    /**
     * {@code run_} and 24 base-62 digits: 13 drawn from the seed and index, then 11 that spell the
     * index scrambled by a bijection keyed by the seed, so the id looks random yet gives its index back.
     */
    private static String rawId(long seed, long idKey, int raw) {
        char[] c = new char[PREFIX.length() + ID_DIGITS];
        PREFIX.getChars(0, PREFIX.length(), c, 0);
        long noise = seed ^ mix(raw + 0x632BE59BD9B4E019L);
        for (int i = 0; i < ID_DIGITS - INDEX_DIGITS; i++) {
            noise = mix(noise + i);
            c[PREFIX.length() + i] = BASE62.charAt((int) Long.remainderUnsigned(noise, 62));
        }
        long scrambled = scramble(raw + idKey);
        for (int i = c.length - 1; i >= c.length - INDEX_DIGITS; i--) {
            c[i] = BASE62.charAt((int) Long.remainderUnsigned(scrambled, 62));
            scrambled = Long.divideUnsigned(scrambled, 62);
        }
        return new String(c);
    }

    /** The raw index an id of this batch spells, or -1 when it spells none. */
    private long decode(String id) {
        if (id == null || id.length() != PREFIX.length() + ID_DIGITS || !id.startsWith(PREFIX)) {
            return -1;
        }
        long value = 0;
        for (int i = id.length() - INDEX_DIGITS; i < id.length(); i++) {
            int digit = BASE62.indexOf(id.charAt(i));
            if (digit < 0) {
                return -1;
            }
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L, 62)) > 0
                    || Long.compareUnsigned(value * 62 + digit, value * 62) < 0) {
                return -1; // more than 64 bits: no id of ours
            }
            value = value * 62 + digit;
        }
        long raw = unscramble(value) - idKey;
        if (raw < 0 || raw >= size) {
            return -1;
        }
        return rawId((int) raw).equals(id) ? raw : -1;
    }

    /** A bijection of the 64-bit values (MurmurHash3's finaliser). */
    private static long scramble(long x) {
        x ^= x >>> 33;
        x *= M1;
        x ^= x >>> 33;
        x *= M2;
        x ^= x >>> 33;
        return x;
    }

    private static long unscramble(long x) {
        x ^= x >>> 33;
        x *= M2_INVERSE;
        x ^= x >>> 33;
        x *= M1_INVERSE;
        x ^= x >>> 33;
        return x;
    }

    /** The multiplicative inverse of an odd number modulo 2^64 (Newton's iteration). */
    private static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 5; i++) {
            x *= 2 - odd * x;
        }
        return x;
    }

    /** A well-mixed 64-bit hash of {@code x} (SplitMix64's finaliser). */
    static long mix(long x) {
        x += 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
