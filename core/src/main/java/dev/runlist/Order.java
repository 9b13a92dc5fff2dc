package dev.runlist;

/** Sort order of a listing by {@code created_at} (ties by id). The API's default is {@link #DESC}. */
public enum Order {
    /** Oldest first. */
    ASC("asc"),
    /** Newest first; the API's default. */
    DESC("desc");

    private final String wireValue;

    Order(String wireValue) {
        this.wireValue = wireValue;
    }

    /** {@return the value sent as the {@code order} query parameter} */
    public String wireValue() {
        return wireValue;
    }

    /**
     * The order whose wire value is {@code value}, ignoring case.
     *
     * @param value {@code asc} or {@code desc}, in any case
     * @return the order
     * @throws IllegalArgumentException naming the parameter when {@code value} is neither
     *     {@code asc} nor {@code desc}
     */
    public static Order fromWire(String value) {
        for (Order o : values()) {
            if (o.wireValue.equalsIgnoreCase(value)) {
                return o;
            }
        }
        throw new IllegalArgumentException("order must be 'asc' or 'desc', was '" + value + "'");
    }
}
