package io.ntkstudio.cli;

import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Parameterization;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The names an option takes, from the enum that owns them, for picocli's completion candidates
 * and the help's {@code ${COMPLETION-CANDIDATES}}: a new activation, parameterization or theme
 * appears in every help text without one being edited.
 */
final class EnumNames {
    private EnumNames() {
    }

    static final class Activations implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Activation.values()).map(Activation::id).iterator();
        }
    }

    static final class Architectures implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(io.ntkstudio.network.Architecture.values()).map(io.ntkstudio.network.Architecture::id).iterator();
        }
    }

    static final class Readouts implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(io.ntkstudio.network.Readout.values()).map(io.ntkstudio.network.Readout::id).iterator();
        }
    }

    static final class Parameterizations implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Parameterization.values()).map(Parameterization::id).iterator();
        }
    }

    static final class Themes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ChartTheme.values()).map(ChartTheme::id).iterator();
        }
    }
}
