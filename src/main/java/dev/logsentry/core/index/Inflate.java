package dev.logsentry.core.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * A gzip decoder written for random access, because {@link java.util.zip.Inflater} cannot tell
 * where deflate blocks begin nor start in the middle of a stream. Like zlib's {@code zran.c}, it
 * can report each block boundary (a bit position and the last 32 KiB of output) and later resume
 * decoding from such a checkpoint. Handles multi-member files, checks each member's CRC-32 when
 * decoded from its start, and reports truncation and corruption with the compressed byte offset.
 */
final class Inflate {
    static final int WINDOW = 1 << 15;
    private static final int MASK = WINDOW - 1;
    private static final int MAX_BITS = 15;
    private static final int[] LEN_BASE = {
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
        131, 163, 195, 227, 258
    };
    private static final int[] LEN_EXTRA = {
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
    };
    private static final int[] DIST_BASE = {
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
        2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577
    };
    private static final int[] DIST_EXTRA = {
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12,
        13, 13
    };
    private static final int[] CL_ORDER = {
        16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
    };

    /** Malformed or truncated data; {@link #offset} is the compressed byte where it broke. */
    static final class DataException extends IOException {
        private static final long serialVersionUID = 1L;
        final long offset;
        final boolean truncated;

        DataException(String message, long offset, boolean truncated) {
            super(message);
            this.offset = offset;
            this.truncated = truncated;
        }
    }

    /** Told at every block boundary; may take a checkpoint there. */
    interface BoundaryListener {
        void boundary(Inflate at);
    }

    private enum Mode {
        HEADER,
        BLOCK,
        STORED,
        CODES,
        TRAILER,
        DONE
    }

    private final FileChannel in;
    private final ByteBuffer ibuf = ByteBuffer.allocate(1 << 16);
    private long inputPos; // file offset of the next byte not yet in bitbuf
    private long bitbuf;
    private int bitcnt;
    private boolean eof;

    private final byte[] ring = new byte[WINDOW];
    private long out; // total bytes produced
    private Mode mode;
    private boolean lastBlock;
    private int storedLeft;
    private int copyLen;
    private int copyDist;
    private final int[] litTable = new int[1 << MAX_BITS];
    private final int[] distTable = new int[1 << MAX_BITS];
    private int litBits;
    private int distBits;
    private final CRC32 crc = new CRC32();
    private boolean checkCrc;
    private long memberOut;
    private BoundaryListener boundaries;

    /** A decoder at the start of the file. */
    Inflate(FileChannel in) {
        this.in = in;
        this.mode = Mode.HEADER;
        this.checkCrc = true;
        ibuf.limit(0);
    }

    /** A decoder resuming at a checkpoint: a block boundary with the window before it. */
    Inflate(FileChannel in, long bitPos, long outPos, byte[] window) throws IOException {
        this(in);
        inputPos = bitPos >>> 3;
        dropBits((int) (bitPos & 7));
        out = outPos;
        for (int i = 0; i < window.length; i++) {
            ring[(int) ((outPos - window.length + i) & MASK)] = window[i];
        }
        mode = Mode.BLOCK;
        checkCrc = false; // the member's CRC covers bytes before the checkpoint
    }

    void onBoundary(BoundaryListener l) {
        this.boundaries = l;
    }

    /** Decompressed bytes produced so far. */
    long outPosition() {
        return out;
    }

    /** The bit position in the compressed file of the next unread bit. */
    long bitPosition() {
        return inputPos * 8 - bitcnt;
    }

    /** Compressed bytes consumed so far. */
    long inputPosition() {
        return bitPosition() >>> 3;
    }

    /** The last {@code min(out, 32 KiB)} bytes of output, oldest first. */
    byte[] window() {
        int n = (int) Math.min(out, WINDOW);
        byte[] w = new byte[n];
        for (int i = 0; i < n; i++) {
            w[i] = ring[(int) ((out - n + i) & MASK)];
        }
        return w;
    }

    /** Reads up to {@code len} decompressed bytes; -1 at the end of the last member. */
    int read(byte[] dst, int off, int len) throws IOException {
        int o = off;
        int end = off + len;
        int crcFrom = off;
        while (o < end) {
            switch (mode) {
                case HEADER -> {
                    if (!header()) {
                        mode = Mode.DONE;
                    } else {
                        crc.reset();
                        memberOut = 0;
                        checkCrc = true;
                        lastBlock = false;
                        mode = Mode.BLOCK;
                    }
                }
                case BLOCK -> {
                    if (lastBlock) {
                        update(dst, crcFrom, o);
                        crcFrom = o;
                        mode = Mode.TRAILER;
                    } else {
                        if (boundaries != null) {
                            update(dst, crcFrom, o);
                            crcFrom = o;
                            boundaries.boundary(this);
                        }
                        blockHeader();
                    }
                }
                case STORED -> {
                    int n = Math.min(storedLeft, end - o);
                    for (int i = 0; i < n; i++) {
                        byte b = (byte) bits(8);
                        ring[(int) (out++ & MASK)] = b;
                        dst[o++] = b;
                    }
                    storedLeft -= n;
                    if (storedLeft == 0) {
                        mode = Mode.BLOCK;
                    }
                }
                case CODES -> o = codes(dst, o, end);
                case TRAILER -> {
                    trailer();
                    mode = Mode.HEADER;
                }
                case DONE -> {
                    update(dst, crcFrom, o);
                    return o == off ? -1 : o - off;
                }
            }
        }
        update(dst, crcFrom, o);
        return o - off;
    }

    private void update(byte[] dst, int from, int to) {
        if (to > from) {
            crc.update(dst, from, to - from);
            memberOut += to - from;
        }
    }

    /** Decodes literals and copies until {@code end} or the end of the block. */
    private int codes(byte[] dst, int o, int end) throws IOException {
        while (o < end) {
            if (copyLen > 0) {
                int n = Math.min(copyLen, end - o);
                long from = out - copyDist;
                for (int i = 0; i < n; i++) {
                    byte b = ring[(int) ((from + i) & MASK)];
                    ring[(int) ((out + i) & MASK)] = b;
                    dst[o++] = b;
                }
                out += n;
                copyLen -= n;
                continue;
            }
            int sym = decode(litTable, litBits);
            if (sym < 256) {
                byte b = (byte) sym;
                ring[(int) (out++ & MASK)] = b;
                dst[o++] = b;
            } else if (sym == 256) {
                mode = Mode.BLOCK;
                return o;
            } else {
                sym -= 257;
                if (sym >= 29) {
                    throw corrupt("invalid length code");
                }
                copyLen = LEN_BASE[sym] + bits(LEN_EXTRA[sym]);
                int d = decode(distTable, distBits);
                if (d >= 30) {
                    throw corrupt("invalid distance code");
                }
                copyDist = DIST_BASE[d] + bits(DIST_EXTRA[d]);
                if (copyDist > out || copyDist > WINDOW) {
                    throw corrupt("distance too far back");
                }
            }
        }
        return o;
    }

    private void blockHeader() throws IOException {
        lastBlock = bits(1) == 1;
        int type = bits(2);
        switch (type) {
            case 0 -> {
                dropBits(bitcnt & 7);
                int len = bits(16);
                int nlen = bits(16);
                if (len != (~nlen & 0xFFFF)) {
                    throw corrupt("stored block length check failed");
                }
                storedLeft = len;
                mode = len == 0 ? Mode.BLOCK : Mode.STORED;
            }
            case 1 -> {
                byte[] lengths = new byte[320];
                for (int i = 0; i < 288; i++) {
                    lengths[i] = (byte) (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8);
                }
                for (int i = 0; i < 30; i++) {
                    lengths[288 + i] = 5;
                }
                litBits = build(lengths, 0, 288, litTable);
                distBits = build(lengths, 288, 30, distTable);
                mode = Mode.CODES;
            }
            case 2 -> {
                dynamicTables();
                mode = Mode.CODES;
            }
            default -> throw corrupt("invalid block type");
        }
    }

    private void dynamicTables() throws IOException {
        int nlen = bits(5) + 257;
        int ndist = bits(5) + 1;
        int ncode = bits(4) + 4;
        if (nlen > 286 || ndist > 30) {
            throw corrupt("too many length or distance codes");
        }
        byte[] cl = new byte[19];
        for (int i = 0; i < ncode; i++) {
            cl[CL_ORDER[i]] = (byte) bits(3);
        }
        int[] clTable = new int[1 << 7];
        int clBits = build(cl, 0, 19, clTable);
        byte[] lengths = new byte[nlen + ndist];
        int i = 0;
        while (i < nlen + ndist) {
            int sym = decode(clTable, clBits);
            if (sym < 16) {
                lengths[i++] = (byte) sym;
                continue;
            }
            int repeat;
            byte value = 0;
            if (sym == 16) {
                if (i == 0) {
                    throw corrupt("repeat with no previous length");
                }
                value = lengths[i - 1];
                repeat = 3 + bits(2);
            } else if (sym == 17) {
                repeat = 3 + bits(3);
            } else {
                repeat = 11 + bits(7);
            }
            if (i + repeat > nlen + ndist) {
                throw corrupt("too many code lengths");
            }
            while (repeat-- > 0) {
                lengths[i++] = value;
            }
        }
        if (lengths[256] == 0) {
            throw corrupt("no end-of-block code");
        }
        litBits = build(lengths, 0, nlen, litTable);
        distBits = build(lengths, nlen, ndist, distTable);
    }

    /**
     * Fills a lookup table indexed by the next {@code maxLen} input bits (deflate sends Huffman
     * codes most significant bit first, so codes are stored bit-reversed): entry = symbol << 4 |
     * code length; 0 marks an invalid code. Returns maxLen.
     */
    private int build(byte[] lengths, int from, int n, int[] table) throws DataException {
        int[] count = new int[MAX_BITS + 1];
        int maxLen = 1;
        for (int i = 0; i < n; i++) {
            count[lengths[from + i]]++;
            maxLen = Math.max(maxLen, lengths[from + i]);
        }
        count[0] = 0;
        int left = 1;
        for (int len = 1; len <= MAX_BITS; len++) {
            left = (left << 1) - count[len];
            if (left < 0) {
                throw corrupt("over-subscribed Huffman code");
            }
        }
        int[] next = new int[MAX_BITS + 2];
        int code = 0;
        for (int len = 1; len <= MAX_BITS; len++) {
            code = (code + count[len - 1]) << 1;
            next[len] = code;
        }
        int size = 1 << maxLen;
        java.util.Arrays.fill(table, 0, size, 0);
        for (int sym = 0; sym < n; sym++) {
            int len = lengths[from + sym];
            if (len == 0) {
                continue;
            }
            int c = next[len]++;
            int rev = Integer.reverse(c) >>> (32 - len);
            int entry = sym << 4 | len;
            for (int k = rev; k < size; k += 1 << len) {
                table[k] = entry;
            }
        }
        return maxLen;
    }

    private int decode(int[] table, int maxLen) throws IOException {
        if (bitcnt < maxLen) {
            refill();
        }
        int entry = table[(int) (bitbuf & ((1L << maxLen) - 1))];
        int len = entry & 15;
        if (len == 0) {
            if (eof && bitcnt < maxLen) {
                throw truncated();
            }
            throw corrupt("invalid Huffman code");
        }
        if (len > bitcnt) {
            throw truncated();
        }
        bitbuf >>>= len;
        bitcnt -= len;
        return entry >>> 4;
    }

    private int bits(int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        if (bitcnt < n) {
            refill();
            if (bitcnt < n) {
                throw truncated();
            }
        }
        int v = (int) (bitbuf & ((1L << n) - 1));
        bitbuf >>>= n;
        bitcnt -= n;
        return v;
    }

    private void dropBits(int n) throws IOException {
        bits(n);
    }

    private void refill() throws IOException {
        while (bitcnt <= 56) {
            if (!ibuf.hasRemaining()) {
                ibuf.clear();
                int r = in.read(ibuf, inputPos);
                ibuf.flip();
                if (r <= 0) {
                    eof = true;
                    return;
                }
            }
            bitbuf |= (ibuf.get() & 0xFFL) << bitcnt;
            bitcnt += 8;
            inputPos++;
        }
    }

    /** Reads a member header; false at a clean end of input (or zero padding after a member). */
    private boolean header() throws IOException {
        dropBits(bitcnt & 7);
        if (!moreInput()) {
            return false;
        }
        int id1 = bits(8);
        if (id1 == 0 && out > 0) {
            return false; // zero padding after the last member, as some tools write
        }
        int id2 = bits(8);
        if (id1 != 0x1f || id2 != 0x8b) {
            if (out > 0) {
                return false; // trailing garbage after a complete member: ignored, as gzip does
            }
            throw corrupt("not in gzip format");
        }
        if (bits(8) != 8) {
            throw corrupt("unknown compression method");
        }
        int flags = bits(8);
        for (int i = 0; i < 6; i++) {
            bits(8); // mtime, xfl, os
        }
        if ((flags & 4) != 0) {
            int xlen = bits(16);
            for (int i = 0; i < xlen; i++) {
                bits(8);
            }
        }
        if ((flags & 8) != 0) {
            while (bits(8) != 0) {
                // file name
            }
        }
        if ((flags & 16) != 0) {
            while (bits(8) != 0) {
                // comment
            }
        }
        if ((flags & 2) != 0) {
            bits(16);
        }
        return true;
    }

    private boolean moreInput() throws IOException {
        if (bitcnt >= 8) {
            return true;
        }
        refill();
        return bitcnt >= 8;
    }

    private void trailer() throws IOException {
        dropBits(bitcnt & 7);
        long expectCrc = bits(16) | ((long) bits(16) << 16);
        long expectSize = bits(16) | ((long) bits(16) << 16);
        if (checkCrc && (expectCrc != crc.getValue() || expectSize != (memberOut & 0xFFFFFFFFL))) {
            throw corrupt("CRC or length check failed");
        }
    }

    private DataException corrupt(String why) {
        long at = inputPosition();
        return new DataException("corrupt at compressed byte " + at + " (" + why + ")", at, false);
    }

    private DataException truncated() {
        long at = inputPos;
        return new DataException("truncated: the compressed data ends at byte " + at, at, true);
    }
}
