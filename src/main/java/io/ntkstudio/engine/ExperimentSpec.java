package io.ntkstudio.engine;

import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.network.NetworkConfig;

/**
 * Everything that defines an experiment, serialisable as the JSON the command line reads and
 * the desktop program saves ({@link ExperimentJson}).
 */
public record ExperimentSpec(NetworkConfig network, DataSpec data, TrainingSpec training) {
    public static ExperimentSpec defaults() {
        return new ExperimentSpec(NetworkConfig.defaults(), DataSources.CIRCLE.defaults(), TrainingSpec.defaults());
    }

    public ExperimentSpec withNetwork(NetworkConfig n) {
        return new ExperimentSpec(n, data, training);
    }

    public ExperimentSpec withData(DataSpec d) {
        return new ExperimentSpec(network, d, training);
    }

    public ExperimentSpec withTraining(TrainingSpec t) {
        return new ExperimentSpec(network, data, t);
    }
}
