package dev.pgorm.bulk.internal;

import java.util.Arrays;

/**
 * The bytes of binary COPY rows, growing as they are written: big-endian numbers as PostgreSQL's
 * send functions write them, UTF-8 text, and fields whose length is filled in once they are
 * written.
 */
final class CopyBuffer {

    private byte[] bytes;
    private int size;

    CopyBuffer(int capacity) {
        this.bytes = new byte[capacity];
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void writeShort(int v) {
        ensure(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    void writeInt(int v) {
        ensure(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    void writeBytes(byte[] b) {
        writeBytes(b, 0, b.length);
    }

    void writeBytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    /** Drops what was written after {@code size}, which must not be more than {@link #size()}. */
    void truncate(int size) {
        if (size < 0 || size > this.size) {
            throw new IllegalArgumentException(
                    "cannot truncate " + this.size + " bytes to " + size);
        }
        this.size = size;
    }

    /**
     * Starts a field whose length is not known yet: reserves its four length bytes and returns
     * where they are, for {@link #endField}.
     */
    int startField() {
        ensure(4);
        int at = size;
        size += 4;
        return at;
    }

    /** Fills in the length of the field started at {@code at}: the bytes written since. */
    void endField(int at) {
        int length = size - at - 4;
        bytes[at] = (byte) (length >>> 24);
        bytes[at + 1] = (byte) (length >>> 16);
        bytes[at + 2] = (byte) (length >>> 8);
        bytes[at + 3] = (byte) length;
    }

    /**
     * Writes text as UTF-8, without a length.
     *
     * @throws CopyText.NulCharacterException for a NUL character, which PostgreSQL text cannot hold
     */
    void writeUtf8(CharSequence s) {
        int n = s.length();
        ensure(n);
        // ASCII, the common case, takes one byte a character: room for it is ensured above
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0) {
                break;
            }
            bytes[size++] = (byte) c;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == 0) {
                    throw new CopyText.NulCharacterException();
                }
                ensure(1);
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                ensure(2);
                bytes[size++] = (byte) (0xC0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < n
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                ensure(4);
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
            } else {
                // a lone surrogate becomes '?', as String.getBytes(UTF_8) writes it
                int cp = Character.isSurrogate(c) ? '?' : c;
                ensure(3);
                if (cp == '?') {
                    bytes[size++] = '?';
                } else {
                    bytes[size++] = (byte) (0xE0 | cp >> 12);
                    bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    bytes[size++] = (byte) (0x80 | cp & 0x3F);
                }
            }
        }
    }
}
