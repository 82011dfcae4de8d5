package com.miniamazon.protocol.codec;

import java.io.IOException;

/**
 * A peer sent bytes that cannot be a frame: a malformed length prefix, a frame over the size limit, a stream
 * that ended inside a frame, or a payload that is not the expected message. The connection that carried it is
 * no longer in step with its peer and must be closed; other connections are unaffected.
 */
public class FrameException extends IOException {
    private static final long serialVersionUID = 1L;

    public FrameException(String message) {
        super(message);
    }

    public FrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
