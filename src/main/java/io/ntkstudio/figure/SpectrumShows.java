package io.ntkstudio.figure;

/** What the spectrum view's first panel draws against the mode index. */
public enum SpectrumShows {
    EIGENVALUES("λ_i"),
    /** The task–model alignment C(k) (Canatar, Bordelon & Pehlevan 2021). */
    ALIGNMENT("C(k)");

    private final String label;

    SpectrumShows(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
