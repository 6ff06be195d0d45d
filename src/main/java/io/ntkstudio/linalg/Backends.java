package io.ntkstudio.linalg;

/** Chooses the {@link MatrixBackend} once, at first use. */
final class Backends {
    static final MatrixBackend CURRENT = choose(System.getProperty("ntk.backend", "auto"));
    static final String FALLBACK_REASON = CURRENT instanceof OpenBlasBackend ? null
            : "java".equals(System.getProperty("ntk.backend")) ? "chosen with -Dntk.backend=java"
            : OpenBlasBackend.lastFailure;

    private Backends() {
    }

    static MatrixBackend choose(String wanted) {
        if (wanted.equals("java")) {
            return EjmlBackend.INSTANCE;
        }
        MatrixBackend blas = OpenBlasBackend.loadOrNull();
        return blas != null ? blas : EjmlBackend.INSTANCE;
    }

    /** OpenBLAS if it loads here, else null (for tests that compare the two). */
    static MatrixBackend openBlasOrNull() {
        return OpenBlasBackend.loadOrNull();
    }
}
