package com.miniamazon.simulators.world;

/** Which of a world's two clients a connection, seqnum or response item belongs to. */
public enum Side {
    AMAZON("A"),
    UPS("U");

    private final String code;

    Side(String code) {
        this.code = code;
    }

    /** The one-letter code stored in the database. */
    public String code() {
        return code;
    }

    public static Side ofCode(String code) {
        return "A".equals(code) ? AMAZON : UPS;
    }
}
