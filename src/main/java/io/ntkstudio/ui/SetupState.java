package io.ntkstudio.ui;

/**
 * How the set-up of a run goes: the share done (0 to 1), what is being built, the seconds since it
 * began and the seconds left at the pace so far (NaN until there is a pace to go by).
 */
record SetupState(double done, String what, double elapsed, double secondsLeft) {
    /** "network 3 of 10 · about 50 s left". */
    String text() {
        if (Double.isNaN(secondsLeft)) {
            return what;
        }
        long s = Math.round(secondsLeft);
        return what + " · about " + (s < 90 ? Math.max(1, s) + " s" : Math.round(s / 60.0) + " min") + " left";
    }
}
