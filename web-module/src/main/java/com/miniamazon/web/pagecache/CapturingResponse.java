package com.miniamazon.web.pagecache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes a page through to the client unchanged while keeping a copy of what the application wrote: its status,
 * the headers it set and the text of the body. Anything that makes a page personal or unusual (a cookie, a
 * redirect, an error, a reset, binary output, a page too long) marks the copy unusable.
 */
final class CapturingResponse extends HttpServletResponseWrapper {

    private final int largestPage;
    private final StringBuilder body = new StringBuilder(16 * 1024);
    private final List<String[]> headers = new ArrayList<>();
    private int status = SC_OK;
    private boolean unusable;
    private PrintWriter writer;

    CapturingResponse(HttpServletResponse response, int largestPage) {
        super(response);
        this.largestPage = largestPage;
    }

    /** The copy of the page as sent, or null when it may not be shared. */
    PageCopy copy() {
        String type = getContentType();
        if (unusable || status != SC_OK || type == null || !type.startsWith("text/html") || body.isEmpty()) {
            return null;
        }
        if (writer != null) {
            writer.flush();
        }
        return PageCopy.of(type, headers, body.toString());
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new CopyingWriter(super.getWriter()), false);
        }
        return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        unusable = true;
        return super.getOutputStream();
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        status = sc;
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        status = sc;
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        unusable = true;
        super.sendRedirect(location);
    }

    @Override
    public void addCookie(Cookie cookie) {
        unusable = true;
        super.addCookie(cookie);
    }

    @Override
    public void setHeader(String name, String value) {
        if (isPersonal(name, value)) {
            unusable = true;
        }
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        if (value != null) {
            headers.add(new String[] {name, value});
        }
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        if (isPersonal(name, value)) {
            unusable = true;
        }
        headers.add(new String[] {name, value});
        super.addHeader(name, value);
    }

    @Override
    public void setDateHeader(String name, long date) {
        unusable = true;
        super.setDateHeader(name, date);
    }

    @Override
    public void addDateHeader(String name, long date) {
        unusable = true;
        super.addDateHeader(name, date);
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public void reset() {
        unusable = true;
        super.reset();
    }

    @Override
    public void resetBuffer() {
        unusable = true;
        super.resetBuffer();
    }

    private static boolean isPersonal(String name, String value) {
        if ("Set-Cookie".equalsIgnoreCase(name) || "Location".equalsIgnoreCase(name)) {
            return true;
        }
        return "Cache-Control".equalsIgnoreCase(name) && value != null
                && (value.contains("no-store") || value.contains("private"));
    }

    /** Writes through to the client and into the copy, until the page grows too long to keep. */
    private final class CopyingWriter extends Writer {
        private final Writer client;

        CopyingWriter(Writer client) {
            this.client = client;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            client.write(chars, offset, length);
            keep(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            client.write(text, offset, length);
            if (!unusable) {
                if (body.length() + length > largestPage) {
                    tooLong();
                } else {
                    body.append(text, offset, offset + length);
                }
            }
        }

        @Override
        public void write(int c) throws IOException {
            client.write(c);
            if (!unusable) {
                body.append((char) c);
            }
        }

        private void keep(char[] chars, int offset, int length) {
            if (!unusable) {
                if (body.length() + length > largestPage) {
                    tooLong();
                } else {
                    body.append(chars, offset, length);
                }
            }
        }

        private void tooLong() {
            unusable = true;
            body.setLength(0);
        }

        @Override
        public void flush() throws IOException {
            client.flush();
        }

        @Override
        public void close() throws IOException {
            client.close();
        }
    }
}
