package dev.logsentry.core.source.tail;

/**
 * What the checker remembers about one log file between runs: which file it was (device, inode, a
 * SHA-256 of its first {@code fingerprintLength} bytes and one of the bytes just before {@code
 * offset}) and the byte offset just past the last whole line read. The fingerprints let a reused
 * inode, a copytruncate or a truncated-and-refilled file be told apart from the same file grown
 * longer; each covers at most {@link FileIdentity#FINGERPRINT_BYTES} bytes already read.
 *
 * @param device {@code unix:dev}, or -1 when unknown
 * @param inode {@code unix:ino}, or -1 when unknown
 * @param fingerprintLength number of leading bytes hashed (0 when nothing was read yet)
 * @param fingerprint hex SHA-256 of those bytes
 * @param endFingerprint hex SHA-256 of the {@code min(offset, FINGERPRINT_BYTES)} bytes before
 *     {@code offset} (empty at offset 0)
 * @param offset bytes consumed: the end of the last whole line read
 * @param rotated identities ({@link FileIdentity#contentId}) of the rotated generations that lay
 *     beside the log when this state was taken; a generation not among them appeared since and is
 *     read when the file read last time is gone (null in states of older versions: none is read)
 */
public record FileState(
        long device,
        long inode,
        int fingerprintLength,
        String fingerprint,
        String endFingerprint,
        long offset,
        java.util.List<String> rotated) {

    public FileState(
            long device,
            long inode,
            int fingerprintLength,
            String fingerprint,
            String endFingerprint,
            long offset) {
        this(device, inode, fingerprintLength, fingerprint, endFingerprint, offset, null);
    }

    public FileState {
        // a hand-edited or damaged state file: missing fingerprints match nothing
        fingerprint = fingerprint == null ? "" : fingerprint;
        endFingerprint = endFingerprint == null ? "" : endFingerprint;
        rotated = rotated == null ? null : java.util.List.copyOf(rotated);
    }

    /** The same state with the rotated generations known now. */
    public FileState withRotated(java.util.List<String> ids) {
        return new FileState(
                device, inode, fingerprintLength, fingerprint, endFingerprint, offset, ids);
    }

    /** Whether both name the same device and inode (unknown values never match). */
    public boolean sameInode(long otherDevice, long otherInode) {
        return device >= 0 && inode >= 0 && device == otherDevice && inode == otherInode;
    }
}
