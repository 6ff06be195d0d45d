package io.ntkstudio.linalg;

/** A copy of a weight matrix held outside the Java heap by a native {@link MatrixBackend}. */
public interface NativeMirror {
    void upload(double[] heap);

    void download(double[] heap);
}
