package dev.logsentry.core.index;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final FileChannel in;
    private final byte[] ibuf = new byte[1 << 16];
    private int ipos;
    private int ilen;
    private long ibase; // file offset of ibuf[0]; ibase + ipos = next byte not yet in bitbuf
    private boolean fileEnd;
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
    private final int[] litTable = new int[1 << Huffman.MAX_BITS];
    private final int[] distTable = new int[1 << Huffman.MAX_BITS];
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
    }

    /** A decoder resuming at a checkpoint: a block boundary with the window before it. */
    Inflate(FileChannel in, long bitPos, long outPos, byte[] window) throws IOException {
        this(in);
        ibase = bitPos >>> 3;
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
        return (ibase + ipos) * 8 - bitcnt;
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
            if (bitcnt < 48) {
                refill();
            }
            if (bitcnt >= 48) {
                // Fast path: enough bits for a length, a distance and their extra bits, so no
                // checks per field; bits are taken from locals.
                long bb = bitbuf;
                int bc = bitcnt;
                int e = litTable[(int) bb & ((1 << litBits) - 1)];
                int len = e & 15;
                if (len == 0) {
                    throw corrupt("invalid Huffman code");
                }
                bb >>>= len;
                bc -= len;
                int sym = e >>> 4;
                if (sym < 256) {
                    bitbuf = bb;
                    bitcnt = bc;
                    ring[(int) (out++ & MASK)] = (byte) sym;
                    dst[o++] = (byte) sym;
                    continue;
                }
                if (sym == 256) {
                    bitbuf = bb;
                    bitcnt = bc;
                    mode = Mode.BLOCK;
                    return o;
                }
                sym -= 257;
                if (sym >= 29) {
                    throw corrupt("invalid length code");
                }
                int eb = Huffman.LEN_EXTRA[sym];
                copyLen = Huffman.LEN_BASE[sym] + (int) (bb & ((1L << eb) - 1));
                bb >>>= eb;
                bc -= eb;
                e = distTable[(int) bb & ((1 << distBits) - 1)];
                len = e & 15;
                if (len == 0) {
                    throw corrupt("invalid Huffman code");
                }
                bb >>>= len;
                bc -= len;
                int d = e >>> 4;
                if (d >= 30) {
                    throw corrupt("invalid distance code");
                }
                eb = Huffman.DIST_EXTRA[d];
                copyDist = Huffman.DIST_BASE[d] + (int) (bb & ((1L << eb) - 1));
                bitbuf = bb >>> eb;
                bitcnt = bc - eb;
                if (copyDist > out || copyDist > WINDOW) {
                    throw corrupt("distance too far back");
                }
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
                copyLen = Huffman.LEN_BASE[sym] + bits(Huffman.LEN_EXTRA[sym]);
                int d = decode(distTable, distBits);
                if (d >= 30) {
                    throw corrupt("invalid distance code");
                }
                copyDist = Huffman.DIST_BASE[d] + bits(Huffman.DIST_EXTRA[d]);
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
                litBits = table(lengths, 0, 288, litTable);
                distBits = table(lengths, 288, 30, distTable);
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
            cl[Huffman.CL_ORDER[i]] = (byte) bits(3);
        }
        int[] clTable = new int[1 << 7];
        int clBits = table(cl, 0, 19, clTable);
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
        litBits = table(lengths, 0, nlen, litTable);
        distBits = table(lengths, nlen, ndist, distTable);
    }

    /** Builds a lookup table, locating a bad code at the current input position. */
    private int table(byte[] lengths, int from, int n, int[] table) throws DataException {
        try {
            return Huffman.build(lengths, from, n, table);
        } catch (DataException e) {
            throw corrupt("over-subscribed Huffman code");
        }
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

    /**
     * Tops the bit buffer up to at least 56 bits. With 8 input bytes at hand it loads a whole word
     * at once; the bytes above the bits it counts are the next input bytes, so loading them again
     * later ORs in the same bits.
     */
    private void refill() throws IOException {
        if (ilen - ipos < 8) {
            loadMore();
        }
        if (ilen - ipos >= 8) {
            bitbuf |= (long) LONGS.get(ibuf, ipos) << bitcnt;
            int n = (63 - bitcnt) >>> 3;
            ipos += n;
            bitcnt += n << 3;
            return;
        }
        while (bitcnt <= 56 && ipos < ilen) {
            bitbuf |= (ibuf[ipos++] & 0xFFL) << bitcnt;
            bitcnt += 8;
        }
        if (ipos >= ilen && fileEnd) {
            eof = true;
        }
    }

    private void loadMore() throws IOException {
        if (fileEnd) {
            return;
        }
        int rest = ilen - ipos;
        System.arraycopy(ibuf, ipos, ibuf, 0, rest);
        ibase += ipos;
        ipos = 0;
        ilen = rest;
        while (ilen < ibuf.length) {
            int r = in.read(ByteBuffer.wrap(ibuf, ilen, ibuf.length - ilen), ibase + ilen);
            if (r <= 0) {
                fileEnd = true;
                return;
            }
            ilen += r;
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
        long at = ibase + ilen;
        return new DataException("truncated: the compressed data ends at byte " + at, at, true);
    }
}
